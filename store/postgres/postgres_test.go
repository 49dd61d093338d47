package postgres_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/knowledge/corpus"
	"briefbot/store"
	"briefbot/store/postgres"
	"briefbot/store/postgres/pgtest"
	"briefbot/store/storetest"
)

func open(t *testing.T, url string) *postgres.Store {
	t.Helper()
	st, err := postgres.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestPostgres(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t, pgtest.URL(t)) })
}

// TestReplicasMigrateAtOnce opens one database from several replicas
// starting together: the advisory lock lets one migrate, and the others
// find the schema current.
func TestReplicasMigrateAtOnce(t *testing.T) {
	url := pgtest.URL(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			st, err := postgres.Open(context.Background(), url)
			if err != nil {
				t.Error(err)
				return
			}
			st.Close()
		})
	}
	wg.Wait()
}

func TestOpenUnreachable(t *testing.T) {
	_, err := postgres.Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
	if err == nil || !strings.Contains(err.Error(), "postgres") {
		t.Errorf("opening an unreachable database: %v, want an error naming postgres", err)
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{
		"postgres://u@h/db": true, "postgresql://h/db": true, "/var/lib/briefbot": false, "": false, "sqlite://x": false,
	} {
		if got := postgres.IsURL(s); got != want {
			t.Errorf("IsURL(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestListenDocuments: a document stored through one process is heard of
// by another at once, through LISTEN/NOTIFY.
func TestListenDocuments(t *testing.T) {
	url := pgtest.URL(t)
	writer, reader := open(t, url), open(t, url)
	ctx, cancel := context.WithCancel(context.Background())
	heard := make(chan struct{}, 10)
	done := make(chan error, 1)
	go func() { done <- reader.ListenDocuments(ctx, func() { heard <- struct{}{} }) }()
	doc := corpus.Stored{ID: "d", Paragraphs: []string{"Text."}, Hash: "h"}
	deadline := time.After(10 * time.Second)
	for {
		// LISTEN starts on the reader's own goroutine: store until heard.
		if _, err := writer.PutDocuments(ctx, []corpus.Stored{doc}, time.Now()); err != nil {
			t.Fatal(err)
		}
		select {
		case <-heard:
			cancel()
			if err := <-done; err != nil {
				t.Errorf("ListenDocuments ended with %v", err)
			}
			return
		case <-time.After(200 * time.Millisecond):
			doc.Hash += "'" // a change, so that the next store notifies again
		case <-deadline:
			t.Fatal("no notification within 10 s")
		}
	}
}
