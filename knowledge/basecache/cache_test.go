package basecache

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefbot/knowledge"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
	"briefbot/knowledge/internal/wire"
)

var seedBase = knowledge.New(ingest.Seeds())

func openCache(t *testing.T) *Cache {
	t.Helper()
	c, err := Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// load reads c's snapshot of the content key names.
func load(tb testing.TB, c *Cache, key Key) (*knowledge.Base, error) {
	tb.Helper()
	b, got, err := c.Load(func() (Key, error) { return key, nil })
	if got != key {
		tb.Errorf("Load returned the key %x, not the content's", got[:4])
	}
	return b, err
}

func TestContentKeyErrorsAreReturned(t *testing.T) {
	c := openCache(t)
	if err := c.Save(Key{1}, seedBase); err != nil {
		t.Fatal(err)
	}
	unreadable := errors.New("unreadable")
	if b, _, err := c.Load(func() (Key, error) { return Key{}, unreadable }); b != nil || !errors.Is(err, unreadable) {
		t.Errorf("base %v, err %v", b != nil, err)
	}
}

func TestSaveThenLoadServesTheSameBase(t *testing.T) {
	c := openCache(t)
	key := Key{1}
	if _, err := load(t, c, key); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("empty cache: err = %v", err)
	}
	if err := c.Save(key, seedBase); err != nil {
		t.Fatal(err)
	}
	b, err := load(t, c, key)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Who leads the Taliban?", "How many fighters does al-Qaeda have?"} {
		got, _ := json.Marshal(b.Ask(q, 3))
		want, _ := json.Marshal(seedBase.Ask(q, 3))
		if string(got) != string(want) {
			t.Errorf("%s: the loaded base answers\n%s\nthe built one\n%s", q, got, want)
		}
	}
	entries, _ := os.ReadDir(c.dir)
	if len(entries) != 1 || entries[0].Name() != fileName {
		t.Errorf("cache directory holds %v, want the snapshot alone", entries)
	}
}

func TestStaleSnapshotsAreRefused(t *testing.T) {
	c := openCache(t)
	if err := c.Save(Key{1}, seedBase); err != nil {
		t.Fatal(err)
	}
	if _, err := load(t, c, Key{2}); !errors.Is(err, ErrStale) {
		t.Errorf("other documents: err = %v", err)
	}
	// Another build of the program (same directory, same content).
	rebuilt := &Cache{dir: c.dir, program: [32]byte{9}}
	if _, err := load(t, rebuilt, Key{1}); !errors.Is(err, ErrStale) {
		t.Errorf("another program: err = %v", err)
	}
	// Another program's snapshot is refused by its header, before its
	// payload is read: damage there goes unnoticed.
	raw, err := os.ReadFile(c.Path())
	if err != nil {
		t.Fatal(err)
	}
	raw[len(raw)/2] ^= 0xff
	if err := os.WriteFile(c.Path(), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := load(t, rebuilt, Key{1}); !errors.Is(err, ErrStale) {
		t.Errorf("another program's damaged snapshot: err = %v, want stale (unread)", err)
	}
	if _, err := load(t, c, Key{1}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("this program's damaged snapshot: err = %v", err)
	}
}

func TestCorruptSnapshotsAreRefused(t *testing.T) {
	c := openCache(t)
	if err := c.Save(Key{1}, seedBase); err != nil {
		t.Fatal(err)
	}
	whole, err := os.ReadFile(c.Path())
	if err != nil {
		t.Fatal(err)
	}
	flip := func(at int) []byte {
		b := append([]byte(nil), whole...)
		b[at] ^= 0x20
		return b
	}
	for name, damaged := range map[string][]byte{
		"empty":                  {},
		"header only":            whole[:60],
		"truncated":              whole[:len(whole)/2],
		"a byte more":            append(append([]byte(nil), whole...), 0),
		"bad magic":              flip(0),
		"a flipped bit early":    flip(200),
		"a flipped bit midway":   flip(len(whole) / 2),
		"a flipped bit at end":   flip(len(whole) - 1),
		"a flipped length field": flip(16 + 32 + 32 + 7),
	} {
		if err := os.WriteFile(c.Path(), damaged, 0o600); err != nil {
			t.Fatal(err)
		}
		if b, err := load(t, c, Key{1}); !errors.Is(err, ErrCorrupt) || b != nil {
			t.Errorf("%s: base %v, err %v", name, b != nil, err)
		}
	}
}

func TestFilesKeyFollowsContentPathsAndOptions(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	key := func(opts ingest.Options, paths ...string) Key {
		t.Helper()
		k, err := FilesKey(paths, opts)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	write("a.txt", "One document.")
	write("sub/b.md", "Another.")
	first := key(ingest.Options{}, dir)
	if key(ingest.Options{}, dir) != first {
		t.Fatal("the same files gave two keys")
	}
	seen := map[Key]string{first: "first"}
	// In order: each change builds on the one before.
	for _, c := range []struct {
		name   string
		change func() Key
	}{
		{"options", func() Key { return key(ingest.Options{MaxBytes: 10}, dir) }},
		{"path spelling", func() Key { return key(ingest.Options{}, dir+"/") }},
		{"a missing path", func() Key { return key(ingest.Options{}, dir, filepath.Join(dir, "nope")) }},
		{"content changed", func() Key { write("a.txt", "One document!"); return key(ingest.Options{}, dir) }},
		{"a file added", func() Key { write("sub/c.txt", ""); return key(ingest.Options{}, dir) }},
		{"a file renamed", func() Key {
			if err := os.Rename(filepath.Join(dir, "sub/c.txt"), filepath.Join(dir, "sub/d.txt")); err != nil {
				t.Fatal(err)
			}
			return key(ingest.Options{}, dir)
		}},
	} {
		k := c.change()
		if other, ok := seen[k]; ok {
			t.Errorf("%s: same key as %s", c.name, other)
		}
		seen[k] = c.name
	}
}

func TestDocumentsKeyIgnoresOrderOnly(t *testing.T) {
	a := DocumentsKey(map[string]string{"x": "1", "y": "2"})
	if DocumentsKey(map[string]string{"y": "2", "x": "1"}) != a {
		t.Error("the same documents gave two keys")
	}
	for _, other := range []map[string]string{{"x": "1"}, {"x": "1", "y": "3"}, {"x": "1", "z": "2"}, {"x": "1\" \"y"}} {
		if DocumentsKey(other) == a {
			t.Errorf("%v has the key of x, y", other)
		}
	}
}

func BenchmarkLoadSeeds(b *testing.B) {
	c, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	if err := c.Save(Key{1}, seedBase); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := load(b, c, Key{1}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestOpenRemovesCrashLeftovers: a save interrupted by a crash leaves its
// temporary file; the next Open removes it and nothing else.
func TestOpenRemovesCrashLeftovers(t *testing.T) {
	dir := t.TempDir()
	leftover := filepath.Join(dir, "knowledge.snapshot.123456.tmp")
	other := filepath.Join(dir, "subscriptions.db")
	for _, p := range []string{leftover, other} {
		if err := os.WriteFile(p, []byte("half a snapshot"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Open(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(leftover); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the crash leftover is still there (%v)", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another file of the directory was removed: %v", err)
	}
}

// A base served from a snapshot (mapped into memory where the system can)
// keeps answering as it did when a new snapshot replaces the file.
func TestServedBaseOutlivesItsSnapshotFile(t *testing.T) {
	c := openCache(t)
	if err := c.Save(Key{1}, seedBase); err != nil {
		t.Fatal(err)
	}
	b, err := load(t, c, Key{1})
	if err != nil {
		t.Fatal(err)
	}
	q := "Who leads the Taliban?"
	before, _ := json.Marshal(b.Ask(q, 3))
	text := b.Docs()[0].Text
	other := knowledge.New([]*corpus.Document{corpus.New("other", "other.txt", corpus.Meta{}, []string{"Nothing of the Taliban here."})})
	if err := c.Save(Key{2}, other); err != nil {
		t.Fatal(err)
	}
	if _, err := load(t, c, Key{1}); !errors.Is(err, ErrStale) {
		t.Fatalf("the replaced snapshot: err = %v, want stale", err)
	}
	after, _ := json.Marshal(b.Ask(q, 3))
	if string(after) != string(before) || b.Docs()[0].Text != text || !strings.Contains(text, "Taliban") {
		t.Errorf("the served base changed when its file was replaced:\n%s\n%s", before, after)
	}
}

// The header ends aligned, so that a mapped snapshot's payload starts where
// its columns can be read in place (the payload aligns them from its own
// start).
func TestHeaderKeepsThePayloadAligned(t *testing.T) {
	if n := binary.Size(header{}); n%wire.ColumnAlign != 0 {
		t.Errorf("a header of %d bytes leaves the payload misaligned", n)
	}
}
