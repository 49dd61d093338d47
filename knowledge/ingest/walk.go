package ingest

import "io/fs"

// WalkRoot walks root as Load does: into root even when it is a symbolic
// link to a directory. Whoever names or watches what Load reads walks the
// same tree.
func WalkRoot(root string, fn fs.WalkDirFunc) error { return osSource{}.walk(root, fn) }
