package live_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"briefbot/internal/testlog"
	"briefbot/knowledge"
	"briefbot/knowledge/basecache"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/live"
	"briefbot/store"
	"briefbot/store/sqlite"
)

// countingBuild builds with knowledge.New and counts the builds.
func countingBuild(n *atomic.Int32) func([]*corpus.Document) *knowledge.Base {
	return func(docs []*corpus.Document) *knowledge.Base {
		n.Add(1)
		return knowledge.New(docs)
	}
}

func answerJSON(t *testing.T, b *knowledge.Base) string {
	t.Helper()
	data, err := json.Marshal(b.Ask("What did Suhail Shaheen expect?", 3))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// restart starts a watcher on cfg as a new process would, and reports how
// many builds it took and what it logged.
func restart(t *testing.T, cfg live.Config) (*live.Watcher, int32, string) {
	t.Helper()
	var builds atomic.Int32
	logs := &testlog.Buffer{}
	cfg.Build, cfg.Logger = countingBuild(&builds), slog.New(slog.NewTextHandler(logs, nil))
	w, err := live.New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return w, builds.Load(), logs.String()
}

// openData opens the snapshot cache and the store of a data directory, as
// serve does; the store is closed when the test ends.
func openData(t *testing.T, data string) (*basecache.Cache, store.Store) {
	t.Helper()
	cache, err := basecache.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return cache, st
}

func TestRestartReadsTheSnapshotOfUnchangedFiles(t *testing.T) {
	ctx := context.Background()
	dir, data := t.TempDir(), t.TempDir()
	write(t, filepath.Join(dir, "a.md"), docA)
	cache, st := openData(t, data)
	cfg := live.Config{Paths: []string{dir}, Snapshots: cache, Store: st}

	first, builds, _ := restart(t, cfg)
	if builds != 1 {
		t.Fatalf("first start built %d times, want once", builds)
	}
	want := answerJSON(t, first.Base())

	second, builds, logs := restart(t, cfg)
	if builds != 0 || !strings.Contains(logs, "read from its snapshot") {
		t.Fatalf("restart on unchanged files built %d times; log:\n%s", builds, logs)
	}
	if got := answerJSON(t, second.Base()); got != want {
		t.Errorf("the snapshot answers\n%s\nthe build answered\n%s", got, want)
	}
	if seen, _ := st.SeenDocuments(ctx); len(seen) != 1 {
		t.Errorf("%d documents seen after the restart, want 1", len(seen))
	}

	t.Run("a file changed while stopped is rebuilt", func(t *testing.T) {
		write(t, filepath.Join(dir, "b.md"), docB)
		w, builds, logs := restart(t, cfg)
		if builds != 1 || !strings.Contains(logs, "of other documents") || len(w.Base().Docs()) != 2 {
			t.Fatalf("built %d times, %d documents; log:\n%s", builds, len(w.Base().Docs()), logs)
		}
		if _, builds, _ := restart(t, cfg); builds != 0 {
			t.Errorf("the rebuilt base was not kept: the next start built %d times", builds)
		}
	})

	t.Run("a damaged snapshot is rebuilt, never served", func(t *testing.T) {
		raw, err := os.ReadFile(cache.Path())
		if err != nil {
			t.Fatal(err)
		}
		raw[len(raw)/2] ^= 0xff
		write(t, cache.Path(), string(raw))
		w, builds, logs := restart(t, cfg)
		if builds != 1 || !strings.Contains(logs, "snapshot unusable") || len(w.Base().Docs()) != 2 {
			t.Fatalf("built %d times, %d documents; log:\n%s", builds, len(w.Base().Docs()), logs)
		}
		if _, _, err := cache.Load(func() (basecache.Key, error) { return basecache.FilesKey([]string{dir}, live.Config{}.Options) }); err != nil {
			t.Errorf("the rebuilt base replaced the damaged snapshot badly: %v", err)
		}
	})
}

// A base built and kept is served from its snapshot read back, where
// snapshots are mapped, and answers as the base built.
func TestKeptBaseIsServedFromItsSnapshot(t *testing.T) {
	if !basecache.Mapped {
		t.Skip("snapshots are read, not mapped, here")
	}
	dir, data := t.TempDir(), t.TempDir()
	write(t, filepath.Join(dir, "a.md"), docA)
	cache, st := openData(t, data)
	var built *knowledge.Base
	w, err := live.New(context.Background(), live.Config{Paths: []string{dir}, Snapshots: cache, Store: st,
		Logger: slog.New(slog.NewTextHandler(&testlog.Buffer{}, nil)),
		Build:  func(docs []*corpus.Document) *knowledge.Base { built = knowledge.New(docs); return built }})
	if err != nil {
		t.Fatal(err)
	}
	if w.Base() == built || answerJSON(t, w.Base()) != answerJSON(t, built) {
		t.Error("the base served is not the snapshot read back, or answers otherwise than the base built")
	}
}

func TestRestartReadsTheSnapshotOfAnUnchangedLibrary(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	st, err := sqlite.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cache, err := basecache.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.PutDocuments(ctx, []corpus.Stored{load(t, "a.md", docA).Stored()}, time.Now()); err != nil {
		t.Fatal(err)
	}
	cfg := live.Config{Library: st, Snapshots: cache, Store: st}
	first, builds, _ := restart(t, cfg)
	if builds != 1 {
		t.Fatalf("first start built %d times", builds)
	}
	second, builds, logs := restart(t, cfg)
	if builds != 0 || answerJSON(t, second.Base()) != answerJSON(t, first.Base()) {
		t.Fatalf("restart on an unchanged library built %d times; log:\n%s", builds, logs)
	}
	// The restarted watcher still notices a newly stored document.
	if _, err := st.PutDocuments(ctx, []corpus.Stored{load(t, "b.md", docB).Stored()}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if changed, err := second.Poll(ctx); !changed || err != nil || len(second.Base().Docs()) != 2 {
		t.Errorf("poll after storing: changed=%v err=%v, %d documents", changed, err, len(second.Base().Docs()))
	}
}

// A change while running is built and kept without reading the snapshot
// first: it holds the base being replaced, so reading it would only cost a
// decode.
func TestChangeWhileRunningDoesNotReadTheSnapshot(t *testing.T) {
	ctx := context.Background()
	dir, data := t.TempDir(), t.TempDir()
	write(t, filepath.Join(dir, "a.md"), docA)
	cache, err := basecache.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	logs := &testlog.Buffer{}
	w, err := live.New(ctx, live.Config{Paths: []string{dir}, Build: knowledge.New, Snapshots: cache,
		Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "b.md"), docB)
	if changed, err := w.Poll(ctx); !changed || err != nil {
		t.Fatalf("poll after a new file: changed=%v err=%v", changed, err)
	}
	if got := logs.String(); strings.Contains(got, "of other documents") || strings.Count(got, "snapshot kept") != 2 {
		t.Errorf("want two snapshots kept and none read; log:\n%s", got)
	}
	if _, builds, _ := restart(t, live.Config{Paths: []string{dir}, Snapshots: cache}); builds != 0 {
		t.Errorf("the base built after the change was not kept: a restart built %d times", builds)
	}
}

// TestSymlinkedDirectoryKeepsTheSnapshot: a link to a directory under the
// watched folder, or the watched folder itself given as a link, still lets
// the snapshot be kept and read back, and a change behind the link is seen.
func TestSymlinkedDirectoryKeepsTheSnapshot(t *testing.T) {
	real, elsewhere, data := t.TempDir(), t.TempDir(), t.TempDir()
	write(t, filepath.Join(real, "a.md"), docA)
	if err := os.Symlink(elsewhere, filepath.Join(real, "linked")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	root := filepath.Join(t.TempDir(), "docs")
	if err := os.Symlink(real, root); err != nil {
		t.Fatal(err)
	}
	cache, st := openData(t, data)
	cfg := live.Config{Paths: []string{root}, Snapshots: cache, Store: st}

	if _, builds, logs := restart(t, cfg); builds != 1 || !strings.Contains(logs, "snapshot kept") {
		t.Fatalf("first start built %d times and kept no snapshot; log:\n%s", builds, logs)
	}
	if _, builds, logs := restart(t, cfg); builds != 0 {
		t.Fatalf("restart built %d times instead of reading the snapshot; log:\n%s", builds, logs)
	}
	write(t, filepath.Join(real, "a.md"), docA+"\nOne more paragraph, added behind the link.\n")
	if _, builds, _ := restart(t, cfg); builds != 1 {
		t.Errorf("a file changed behind the link: %d builds, want 1", builds)
	}
}
