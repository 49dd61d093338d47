package live_test

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"briefbot/internal/testlog"
	"briefbot/knowledge"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
	"briefbot/knowledge/live"
	"briefbot/store/postgres"
	"briefbot/store/postgres/pgtest"
	"briefbot/store/sqlite"
)

// load ingests one document text as the file name.
func load(t *testing.T, name, text string) *corpus.Document {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	write(t, path, text)
	docs, errs := ingest.Load([]string{path}, ingest.Options{})
	if len(errs) > 0 || len(docs) != 1 {
		t.Fatalf("loading %s: %d documents, %v", name, len(docs), errs)
	}
	return docs[0]
}

func TestStoredDocumentRoundTrip(t *testing.T) {
	d := load(t, "a.md", docA)
	back := d.Stored().Document()
	if back.ContentHash() != d.ContentHash() || back.Text != d.Text || back.Meta != d.Meta ||
		len(back.Sentences) != len(d.Sentences) || back.ID != d.ID || back.File != d.File {
		t.Errorf("rebuilt %+v\nfrom     %+v", back, d)
	}
}

// TestLibraryReplacesFallback: an empty library serves the fallback; once
// a document is stored, a poll serves the library instead.
func TestLibraryReplacesFallback(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fallback := load(t, "a.md", docA)
	w, err := live.New(ctx, live.Config{Library: st, Fallback: []*corpus.Document{fallback}, Build: knowledge.New,
		Store: st, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	if docs := w.Base().Docs(); len(docs) != 1 || docs[0].ID != fallback.ID {
		t.Fatalf("empty library serves %d documents, want the fallback", len(docs))
	}
	if changed, _ := w.Poll(ctx); changed {
		t.Error("a poll of an unchanged library rebuilt the base")
	}
	b := load(t, "b.md", docB)
	if _, err := st.PutDocuments(ctx, []corpus.Stored{b.Stored()}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if changed, err := w.Poll(ctx); !changed || err != nil {
		t.Fatalf("poll after ingest: changed=%v err=%v", changed, err)
	}
	if docs := w.Base().Docs(); len(docs) != 1 || docs[0].ID != b.ID {
		t.Errorf("after ingest the base holds %d documents, want only %s", len(docs), b.ID)
	}
}

// TestIngestedDocumentReachesAnotherProcess: two replicas on one
// PostgreSQL database; a document stored through one is answerable through
// the other within seconds, woken by NOTIFY (its poll interval is an hour).
func TestIngestedDocumentReachesAnotherProcess(t *testing.T) {
	url := pgtest.URL(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	writer, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	reader, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	a := load(t, "a.md", docA)
	if _, err := writer.PutDocuments(ctx, []corpus.Stored{a.Stored()}, time.Now()); err != nil {
		t.Fatal(err)
	}
	w, err := live.New(ctx, live.Config{Library: reader, Build: knowledge.New, Store: reader,
		Interval: time.Hour, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	go w.Run(ctx)
	question := "Who attacked the convoy near Herat?"
	if w.Base().Ask(question, 3).Answered {
		t.Fatal("answered before the document was ingested")
	}
	b := load(t, "b.md", docB)
	start := time.Now()
	deadline := start.Add(5 * time.Second)
	// LISTEN starts on Run's goroutine; store again (as changed) until it hears.
	for i := 0; !w.Base().Ask(question, 3).Answered; i++ {
		if time.Now().After(deadline) {
			t.Fatal("the ingested document was not answerable through the other process within 5 s")
		}
		if i%10 == 0 {
			sd := b.Stored()
			sd.Hash += string(rune('a' + i/10))
			if _, err := writer.PutDocuments(ctx, []corpus.Stored{sd}, time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("answerable through the other process after %v", time.Since(start).Round(time.Millisecond))
	if docs := w.Base().Docs(); len(docs) != 2 {
		t.Errorf("the other process serves %d documents, want 2", len(docs))
	}
}

// droppingListener is a library whose announcements fail at once on the
// first listen (a lost connection); the second listen announces a stored
// document and holds until the test ends.
type droppingListener struct {
	*sqlite.Store
	listens atomic.Int32
	stored  func()
}

func (l *droppingListener) ListenDocuments(ctx context.Context, changed func()) error {
	if l.listens.Add(1) == 1 {
		return errors.New("connection reset")
	}
	l.stored()
	changed()
	<-ctx.Done()
	return nil
}

// TestListenerLostIsListenedToAgain: a library that stops announcing is
// listened to again after a pause, the loss is logged, and what it then
// announces reaches the base without waiting for the poll interval.
func TestListenerLostIsListenedToAgain(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	b := load(t, "b.md", docB)
	l := &droppingListener{Store: st, stored: func() {
		if _, err := st.PutDocuments(ctx, []corpus.Stored{b.Stored()}, time.Now()); err != nil {
			t.Error(err)
		}
	}}
	logs := &testlog.Buffer{}
	w, err := live.New(ctx, live.Config{Library: l, Fallback: []*corpus.Document{load(t, "a.md", docA)}, Build: knowledge.New,
		Interval: time.Hour, Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	go w.Run(ctx)
	deadline := time.Now().Add(10 * time.Second)
	for len(w.Base().Docs()) != 1 || w.Base().Docs()[0].ID != b.ID {
		if time.Now().After(deadline) {
			t.Fatalf("the announced document never reached the base (%d listens); log:\n%s", l.listens.Load(), logs)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if l.listens.Load() != 2 || !strings.Contains(logs.String(), "connection reset") || !strings.Contains(logs.String(), "retry_in=1s") {
		t.Errorf("%d listens; log:\n%s", l.listens.Load(), logs)
	}
}
