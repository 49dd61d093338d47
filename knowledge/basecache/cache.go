// Package basecache keeps the snapshot of a built knowledge base on disk,
// keyed by the content it was built from and by the program that built it,
// so that a restart on unchanged documents reads the base back instead of
// building it again (seconds to minutes on hundreds of MB). A snapshot
// whose key differs is stale and one whose checksum or structure is wrong
// is corrupt: both are refused, never served. The snapshot's own format is
// knowledge.Base.WriteSnapshot's.
package basecache

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"

	"briefbot/knowledge"
)

// fileName is the snapshot in the cache directory: one, replaced on every
// save, so that the cache never grows.
const fileName = "knowledge.snapshot"

var magic = [16]byte{'b', 'r', 'i', 'e', 'f', 'b', 'o', 't', ' ', 's', 'n', 'a', 'p', '\n', 0, 3}

// header opens the file. The checksum covers the payload, which is the
// knowledge base as knowledge.Base.WriteSnapshot writes it.
type header struct {
	Magic [16]byte
	// Program and Content key the snapshot: the program apart, so that the
	// first start of a new build refuses the old snapshot at once.
	Program  [32]byte
	Content  Key
	Length   uint64
	Checksum uint32
	// Padding ends the header at 96 bytes, a multiple of 8: a mapped
	// snapshot's payload, and so its columns, are aligned in memory.
	Padding [4]byte
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

var (
	// ErrStale: the snapshot was built from other documents or by another
	// build of the program.
	ErrStale = errors.New("snapshot: stale")
	// ErrCorrupt: the snapshot is damaged (truncated, altered, unreadable).
	ErrCorrupt = errors.New("snapshot: corrupt")
)

// Cache is a directory holding one snapshot.
type Cache struct {
	dir     string
	program [32]byte
}

// tempPattern names a snapshot being written (os.CreateTemp's pattern).
const tempPattern = fileName + ".*.tmp"

// Open returns the cache in dir, creating the directory if needed. It
// removes the temporary files a crash mid-save left behind (each about
// twice the documents' text): the directory belongs to one process.
func Open(dir string) (*Cache, error) {
	program, err := programIdentity()
	if err != nil {
		return nil, fmt.Errorf("snapshot: cannot identify the program, so no snapshot could be trusted: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, tempPattern)) // the pattern is valid
	for _, path := range leftovers {
		if err := os.Remove(path); err != nil {
			return nil, fmt.Errorf("snapshot: removing a save left by a crash: %w", err)
		}
	}
	return &Cache{dir: dir, program: program}, nil
}

// Path is where the snapshot is kept.
func (c *Cache) Path() string { return filepath.Join(c.dir, fileName) }

// Load reads the snapshot built by this program from the content that
// content names, and returns that key too. Naming the content (hashing
// every file) takes a tenth of the reading, so it runs alongside: the base
// is returned only if the keys match. (A snapshot of another program is
// refused before it is read; one of other content only after.) Load fails
// with an error wrapping fs.ErrNotExist when there is no snapshot, ErrStale
// when it was built from something else, ErrCorrupt when it is damaged,
// and content's own error.
func (c *Cache) Load(content func() (Key, error)) (*knowledge.Base, Key, error) {
	type named struct {
		key Key
		err error
	}
	keyed := make(chan named, 1)
	go func() {
		k, err := content()
		keyed <- named{k, err}
	}()
	b, h, release, err := c.read()
	k := <-keyed
	if err == nil && k.err == nil && h.Content == k.key {
		return b, k.key, nil
	}
	release() // a base read, if any, is not served
	switch {
	case k.err != nil:
		return nil, k.key, k.err
	case h.Magic != magic: // no snapshot, or no header to tell whose
		return nil, k.key, err
	case h.Program != c.program, h.Content != k.key:
		return nil, k.key, ErrStale
	}
	return nil, k.key, err
}

// read reads the snapshot if this program wrote it, and returns its header,
// and what releases the base's memory if it is not served. It maps the
// file where it can: the base then serves its documents' texts from the
// page cache rather than from the heap, and nothing is read twice. The
// mapping of a base that is served stays for the life of the process.
func (c *Cache) read() (*knowledge.Base, header, func(), error) {
	none := func() {}
	f, err := os.Open(c.Path())
	if err != nil {
		return nil, header{}, none, err
	}
	defer f.Close()
	var h header
	if err := binary.Read(f, binary.BigEndian, &h); err != nil || h.Magic != magic {
		return nil, header{}, none, fmt.Errorf("%w: no snapshot header", ErrCorrupt)
	}
	if h.Program != c.program {
		return nil, h, none, ErrStale
	}
	headerSize := int64(binary.Size(h))
	info, err := f.Stat()
	if err != nil || uint64(info.Size()) != uint64(headerSize)+h.Length {
		return nil, h, none, fmt.Errorf("%w: length differs from the header's", ErrCorrupt)
	}
	if data, err := mapFile(f, info.Size()); err == nil {
		payload := data[headerSize:]
		b, err := readChecked(
			func() error { return sumMatches(crc32.Checksum(payload, castagnoli), h.Checksum) },
			func() (*knowledge.Base, error) { return knowledge.ReadMappedSnapshot(payload) })
		release := func() { unmapFile(data) }
		if err != nil {
			release()
			return nil, h, none, err
		}
		return b, h, release, nil
	}
	payload := io.NewSectionReader(f, headerSize, int64(h.Length))
	b, err := readChecked(
		func() error {
			sum := crc32.New(castagnoli)
			if _, err := io.CopyBuffer(sum, io.NewSectionReader(payload, 0, payload.Size()), make([]byte, 1<<20)); err != nil {
				return err
			}
			return sumMatches(sum.Sum32(), h.Checksum)
		},
		func() (*knowledge.Base, error) { return knowledge.ReadSnapshot(payload, payload.Size()) })
	return b, h, none, err
}

// readChecked reads a base with read while sum checks the checksum of
// what it reads alongside (reads at offsets and views of memory do not
// disturb each other): the base is returned only if the sum matches.
func readChecked(sum func() error, read func() (*knowledge.Base, error)) (*knowledge.Base, error) {
	summed := make(chan error, 1)
	go func() { summed <- sum() }()
	b, err := read()
	if sumErr := <-summed; sumErr != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, sumErr)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return b, nil
}

func sumMatches(got, want uint32) error {
	if got != want {
		return errors.New("checksum mismatch")
	}
	return nil
}

// errNotMapped: the file is read, not mapped.
var errNotMapped = errors.New("snapshot: not mapped")

// Save writes b as the snapshot of the content key names, replacing any
// other atomically: a crash mid-write leaves the old snapshot or none,
// never half of one.
func (c *Cache) Save(key Key, b *knowledge.Base) (err error) {
	tmp, err := os.CreateTemp(c.dir, tempPattern)
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := header{Magic: magic, Program: c.program, Content: key}
	headerSize := int64(binary.Size(h))
	if _, err := tmp.Seek(headerSize, io.SeekStart); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	sum := crc32.New(castagnoli)
	buffered := bufio.NewWriterSize(io.MultiWriter(tmp, sum), 1<<20)
	if err := b.WriteSnapshot(buffered); err != nil {
		return err
	}
	if err := buffered.Flush(); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	end, err := tmp.Seek(0, io.SeekCurrent)
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	h.Length, h.Checksum = uint64(end-headerSize), sum.Sum32()
	var hb bytes.Buffer
	_ = binary.Write(&hb, binary.BigEndian, &h) // a fixed-size struct into memory cannot fail
	if _, err := tmp.WriteAt(hb.Bytes(), 0); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	if err := os.Rename(tmp.Name(), c.Path()); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	// The rename is durable only once the directory is: without this, a
	// power cut could bring back the old snapshot, or none.
	if err := syncDir(c.dir); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	return nil
}

// syncDir flushes a directory's entries to disk. Systems that cannot sync
// a directory (Windows) make their renames durable themselves.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	return nil
}
