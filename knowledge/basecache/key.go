package basecache

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"slices"
	"sync"

	"briefbot/knowledge/ingest"
)

// Key names the content a knowledge base is built from.
type Key [sha256.Size]byte

// FilesKey names what loading paths with opts would read: every file under
// them, by path as given and by content, and the options. It reads the
// raw files, which is far cheaper than cleaning them, so that a snapshot
// spares the cleaning too. Files the loader would skip are hashed all the
// same: a change to one costs a rebuild, never a stale answer.
func FilesKey(paths []string, opts ingest.Options) (Key, error) {
	h := sha256.New()
	fmt.Fprintf(h, "files, max bytes %d\n", opts.MaxBytes)
	for _, root := range paths {
		fmt.Fprintf(h, "root %q\n", root)
		err := ingest.WalkRoot(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(h, "unreadable %q\n", path)
				return nil
			}
			if d.IsDir() {
				return nil
			}
			return hashFile(h, path)
		})
		if err != nil {
			return Key{}, err
		}
	}
	return Key(h.Sum(nil)), nil
}

func hashFile(h io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintf(h, "unreadable %q\n", path)
		return nil
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		fmt.Fprintf(h, "unreadable %q\n", path)
		return nil
	}
	if info.IsDir() {
		// A link to a directory, which the loader does not enter: named,
		// not read (reading a directory fails, and would cost the snapshot).
		fmt.Fprintf(h, "directory %q\n", path)
		return nil
	}
	// The size first, so that no two file lists hash the same stream.
	fmt.Fprintf(h, "file %q %d\n", path, info.Size())
	if _, err := io.Copy(h, f); err != nil {
		return fmt.Errorf("snapshot: reading %s: %w", path, err)
	}
	return nil
}

// DocumentsKey names a set of stored documents by their ids and content
// hashes (corpus.Document.ContentHash).
func DocumentsKey(hashes map[string]string) Key {
	h := sha256.New()
	fmt.Fprintf(h, "documents %d\n", len(hashes))
	for _, id := range slices.Sorted(maps.Keys(hashes)) {
		fmt.Fprintf(h, "%q %q\n", id, hashes[id])
	}
	return Key(h.Sum(nil))
}

// programIdentity hashes the running executable: any rebuild of briefbot
// may build knowledge bases differently, and a version number bumped by
// hand would one day be forgotten.
var programIdentity = sync.OnceValues(func() ([32]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return [32]byte{}, err
	}
	f, err := os.Open(exe)
	if err != nil {
		return [32]byte{}, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return [32]byte{}, err
	}
	return [32]byte(h.Sum(nil)), nil
})
