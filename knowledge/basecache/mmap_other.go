//go:build !unix

package basecache

import "os"

// mapFile maps nothing where the system has no mmap: the snapshot is read.
func mapFile(*os.File, int64) ([]byte, error) { return nil, errNotMapped }

func unmapFile([]byte) {}
