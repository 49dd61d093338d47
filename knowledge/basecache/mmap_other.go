//go:build !unix

package basecache

import "os"

// Mapped reports whether a snapshot read here is mapped into memory
// rather than copied onto the heap.
const Mapped = false

// mapFile maps nothing where the system has no mmap: the snapshot is read.
func mapFile(*os.File, int64) ([]byte, error) { return nil, errNotMapped }

func unmapFile([]byte) {}
