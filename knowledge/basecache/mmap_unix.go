//go:build unix

package basecache

import (
	"os"
	"syscall"
)

// Mapped reports whether a snapshot read here is mapped into memory
// rather than copied onto the heap.
const Mapped = true

// mapFile maps the first size bytes of f into memory, read-only. The
// mapping outlives f: closing the file does not unmap it. A snapshot is
// replaced by renaming a new file over it, never written in place, so the
// bytes mapped do not change under the base reading them.
func mapFile(f *os.File, size int64) ([]byte, error) {
	if size == 0 || int64(int(size)) != size {
		return nil, errNotMapped
	}
	return syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
}

// unmapFile releases what mapFile mapped.
func unmapFile(data []byte) { _ = syscall.Munmap(data) } // a mapping just made unmaps
