package live_test

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/internal/testlog"
	"briefbot/knowledge"
	"briefbot/knowledge/actors"
	"briefbot/knowledge/briefing"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/live"
	"briefbot/store"
	"briefbot/store/sqlite"
)

const docA = `---
title: Kabul talks resume
source: Example Wire
date: 2026-11-20
---

Negotiators from the Taliban met Qatari officials in Doha on Monday.

"We expect an agreement within weeks," said Suhail Shaheen, a Taliban spokesman.
`

const docB = `---
title: Convoy attacked near Herat
source: Example Wire
date: 2026-11-21
---

Gunmen attacked a supply convoy near Herat on Friday, killing 14 drivers, according to the provincial governor.

"The attackers will probably strike again," warned Mohammad Ismail, the governor's deputy.
`

type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.now = t }

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestWatcherFollowsTheDirectory(t *testing.T) {
	ctx := context.Background()
	dir, data := t.TempDir(), t.TempDir()
	st, err := sqlite.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	t1 := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	clk := &clock{now: t1}
	logs := &testlog.Buffer{}
	write(t, filepath.Join(dir, "a.md"), docA)
	cfg := live.Config{Paths: []string{dir}, Build: knowledge.New, Store: st, Now: clk.Now,
		Logger: slog.New(slog.NewTextHandler(logs, nil))}
	w, err := live.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	first := w.Base()
	if len(first.Docs()) != 1 {
		t.Fatalf("%d documents, want 1", len(first.Docs()))
	}
	if changed, err := w.Poll(ctx); changed || err != nil || w.Base() != first {
		t.Errorf("poll without change: changed=%v err=%v, base replaced=%v", changed, err, w.Base() != first)
	}

	// A new document and a broken file arrive.
	t2 := t1.Add(time.Hour)
	clk.Set(t2)
	write(t, filepath.Join(dir, "b.md"), docB)
	write(t, filepath.Join(dir, "broken.txt"), "\x00\x01\x02binary")
	if changed, err := w.Poll(ctx); !changed || err != nil {
		t.Fatalf("poll after adding a file: changed=%v err=%v", changed, err)
	}
	kb := w.Base()
	if len(kb.Docs()) != 2 || len(first.Docs()) != 1 {
		t.Fatalf("new base has %d documents (old one now %d), want 2 (1)", len(kb.Docs()), len(first.Docs()))
	}
	if n := strings.Count(logs.String(), "broken.txt"); n != 1 {
		t.Errorf("broken file logged %d times, want once:\n%s", n, logs)
	}
	seen, _ := st.SeenDocuments(ctx)
	var a, b store.SeenDocument
	for _, d := range kb.Docs() {
		switch d.Title {
		case "Kabul talks resume":
			a = seen[d.ID]
		case "Convoy attacked near Herat":
			b = seen[d.ID]
		}
	}
	if !a.FirstSeen.Equal(t1) || !b.FirstSeen.Equal(t2) {
		t.Errorf("first seen a=%v b=%v, want %v and %v", a.FirstSeen, b.FirstSeen, t1, t2)
	}

	t.Run("the next briefing shows the new document", func(t *testing.T) {
		at, err := store.ChangedTimes(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		got := composeSince(kb, at, t1.Add(time.Minute), t2.Add(time.Hour))
		s := got.Sections
		if len(s) == 0 || s[0].Title != briefing.TitleNew {
			t.Fatalf("sections %+v, want the new one first", s)
		}
		for _, it := range s[0].Items {
			if it.Citations[0].Title != "Convoy attacked near Herat" {
				t.Errorf("new item from %q", it.Citations[0].Title)
			}
		}
		if !strings.Contains(briefing.Markdown(got), "Herat") {
			t.Error("the briefing does not mention the new document")
		}
	})

	t.Run("and /ask finds it", func(t *testing.T) {
		res := kb.Ask("How many drivers were killed in the attack near Herat?", 3)
		if !res.Answered || len(res.Answers) == 0 {
			t.Fatalf("the new document does not answer: %+v", res)
		}
		top := res.Answers[0]
		if !strings.Contains(top.Text, "14 drivers") || top.Citations[0].Title != "Convoy attacked near Herat" {
			t.Errorf("answered %q from %+v", top.Text, top.Citations)
		}
		if first.Ask("How many drivers were killed in the attack near Herat?", 3).Answered {
			t.Error("the base from before the document arrived answers too")
		}
	})

	// A changed document keeps its first-seen time and records the change.
	t3 := t2.Add(time.Hour)
	clk.Set(t3)
	write(t, filepath.Join(dir, "a.md"), strings.Replace(docA, "on Monday", "on Tuesday, and again on Wednesday", 1))
	if changed, _ := w.Poll(ctx); !changed {
		t.Fatal("a changed file was not noticed")
	}
	seen, _ = st.SeenDocuments(ctx)
	for _, d := range w.Base().Docs() {
		if d.Title == "Kabul talks resume" && (!seen[d.ID].FirstSeen.Equal(t1) || !seen[d.ID].ChangedAt.Equal(t3)) {
			t.Errorf("changed document seen %+v, want first %v changed %v", seen[d.ID], t1, t3)
		}
	}

	// A restarted process keeps the first-seen times.
	clk.Set(t3.Add(24 * time.Hour))
	again, err := live.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := st.SeenDocuments(ctx)
	for id, s := range seen {
		if !after[id].FirstSeen.Equal(s.FirstSeen) || !after[id].ChangedAt.Equal(s.ChangedAt) {
			t.Errorf("restart changed %s: %+v, was %+v", id, after[id], s)
		}
	}

	// Removing a file drops its document.
	if err := os.Remove(filepath.Join(dir, "b.md")); err != nil {
		t.Fatal(err)
	}
	if changed, _ := again.Poll(ctx); !changed || len(again.Base().Docs()) != 1 {
		t.Errorf("after removing a file: %d documents", len(again.Base().Docs()))
	}

	// Every file broken: the last good base stays.
	write(t, filepath.Join(dir, "a.md"), "")
	if changed, _ := again.Poll(ctx); changed || len(again.Base().Docs()) != 1 {
		t.Errorf("a corpus with no readable document replaced the base (%d documents)", len(again.Base().Docs()))
	}
}

func composeSince(kb *knowledge.Base, at map[string]time.Time, since, now time.Time) briefing.Briefing {
	docs := kb.Docs()
	reg := actors.Build(docs)
	return briefing.Compose(briefing.Input{Docs: docs, Actors: reg, Claims: claims.Extract(docs, reg),
		Since: since, Now: now, Seen: at})
}

// TestReadersNeverSeeAHalfBuiltBase swaps bases while readers read: every
// base a reader gets is whole (one of the corpus sizes ever built).
func TestReadersNeverSeeAHalfBuiltBase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), docA)
	w, err := live.New(ctx, live.Config{Paths: []string{dir}, Build: func(docs []*corpus.Document) *knowledge.Base {
		time.Sleep(time.Millisecond) // a build takes a while
		return knowledge.New(docs)
	}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				kb := w.Base()
				if kb == nil || (len(kb.Docs()) != 1 && len(kb.Docs()) != 2) {
					t.Errorf("reader got a base of %v documents", kb)
					return
				}
			}
		})
	}
	for i := range 10 {
		if i%2 == 0 {
			write(t, filepath.Join(dir, "b.md"), docB)
		} else if err := os.Remove(filepath.Join(dir, "b.md")); err != nil {
			t.Fatal(err)
		}
		if changed, _ := w.Poll(ctx); !changed {
			t.Errorf("poll %d saw no change", i)
		}
	}
	close(stop)
	wg.Wait()
}

func TestAddedDocumentServedWhileTheBaseIsRebuilt(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), docA)
	write(t, filepath.Join(dir, "c.md"), "# Wheat prices\n\nWheat prices in Kandahar rose by a third over the winter, traders said.\n")
	var w *live.Watcher
	var duringBuild []*knowledge.Base
	w, err := live.New(ctx, live.Config{Paths: []string{dir}, Build: func(docs []*corpus.Document) *knowledge.Base {
		if w != nil {
			duringBuild = append(duringBuild, w.Base())
		}
		return knowledge.New(docs)
	}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "b.md"), docB)
	if changed, err := w.Poll(ctx); !changed || err != nil {
		t.Fatalf("poll: %v, %v", changed, err)
	}
	if len(duringBuild) != 1 {
		t.Fatalf("%d builds after the first", len(duringBuild))
	}
	meanwhile := duringBuild[0]
	if meanwhile.Unmerged() != 1 || len(meanwhile.Docs()) != 3 {
		t.Errorf("served during the rebuild: %d documents, %d unmerged", len(meanwhile.Docs()), meanwhile.Unmerged())
	}
	if r := meanwhile.Cite("killing 14 drivers"); !r.Found {
		t.Error("the added document could not be cited during the rebuild")
	}
	if kb := w.Base(); kb.Unmerged() != 0 || len(kb.Docs()) != 3 || !kb.Cite("killing 14 drivers").Found {
		t.Errorf("after the rebuild: %d documents, %d unmerged", len(kb.Docs()), kb.Unmerged())
	}
}

func TestNoDocuments(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "empty.txt"), "   ")
	_, err := live.New(context.Background(), live.Config{Paths: []string{dir}, Build: knowledge.New,
		Logger: slog.New(slog.DiscardHandler)})
	if !errors.Is(err, live.ErrNoDocuments) {
		t.Errorf("New on a directory without documents: %v, want ErrNoDocuments", err)
	}
	if _, err := live.New(context.Background(), live.Config{Paths: []string{dir}}); err == nil {
		t.Error("New without Build accepted")
	}
}

func TestRunStopsWithContext(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), docA)
	w, err := live.New(context.Background(), live.Config{Paths: []string{dir}, Build: knowledge.New,
		Interval: 5 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	write(t, filepath.Join(dir, "b.md"), docB)
	deadline := time.After(10 * time.Second)
	for len(w.Base().Docs()) != 2 {
		select {
		case <-deadline:
			t.Fatal("Run did not pick up the new file")
		case <-time.After(5 * time.Millisecond):
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run returned %v", err)
	}
}

// failingStore refuses to record documents until told otherwise.
type failingStore struct {
	store.Store
	fail bool
}

func (f *failingStore) SeeDocuments(ctx context.Context, docs map[string]string, now time.Time) error {
	if f.fail {
		return errors.New("disk full")
	}
	return f.Store.SeeDocuments(ctx, docs, now)
}

func TestStoreFailureRetriedOnNextPoll(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fs := &failingStore{Store: st}
	write(t, filepath.Join(dir, "a.md"), docA)
	w, err := live.New(ctx, live.Config{Paths: []string{dir}, Build: knowledge.New, Store: fs, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	fs.fail = true
	write(t, filepath.Join(dir, "b.md"), docB)
	if changed, err := w.Poll(ctx); changed || err == nil {
		t.Fatalf("poll with a failing store: changed=%v err=%v", changed, err)
	}
	if len(w.Base().Docs()) != 1 {
		t.Error("a base was swapped in without its documents recorded")
	}
	fs.fail = false
	if changed, err := w.Poll(ctx); !changed || err != nil || len(w.Base().Docs()) != 2 {
		t.Errorf("poll after the store recovered: changed=%v err=%v, %d documents", changed, err, len(w.Base().Docs()))
	}
}
