package storetest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"briefbot/knowledge/corpus"
	"briefbot/store"
)

func testLibrary(t *testing.T, st store.Library) {
	if hashes, err := st.DocumentHashes(ctx); err != nil || len(hashes) != 0 {
		t.Fatalf("an empty store holds %v (%v)", hashes, err)
	}
	a := corpus.Stored{ID: "a", File: "a.md", Meta: corpus.Meta{Title: "Ä title", Date: "2024-01-02"},
		Paragraphs: []string{"First paragraph.", "Second, with \"quotes\"\nand a newline."}, Hash: "h1"}
	b := corpus.Stored{ID: "b", File: "b.txt", Paragraphs: []string{"Only one."}, Hash: "h2"}
	if n, err := st.PutDocuments(ctx, []corpus.Stored{a, b}, t0); err != nil || n != 2 {
		t.Fatalf("storing two documents: %d changed (%v)", n, err)
	}
	if n, err := st.PutDocuments(ctx, []corpus.Stored{a, b}, t0.Add(time.Hour)); err != nil || n != 0 {
		t.Errorf("storing the same documents again: %d changed (%v), want 0", n, err)
	}
	b.Paragraphs, b.Hash = []string{"Rewritten."}, "h3"
	if n, err := st.PutDocuments(ctx, []corpus.Stored{a, b}, t0.Add(time.Hour)); err != nil || n != 1 {
		t.Errorf("storing a changed document: %d changed (%v), want 1", n, err)
	}
	hashes, err := st.DocumentHashes(ctx)
	if err != nil || len(hashes) != 2 || hashes["a"] != "h1" || hashes["b"] != "h3" {
		t.Errorf("hashes %v (%v)", hashes, err)
	}
	docs, err := st.StoredDocuments(ctx, []string{"b", "a", "missing"})
	if err != nil || len(docs) != 2 {
		t.Fatalf("read back %d documents (%v), want 2", len(docs), err)
	}
	got := docs[0]
	if got.ID != "a" || got.File != a.File || got.Meta != a.Meta || !slices.Equal(got.Paragraphs, a.Paragraphs) ||
		got.Captions == nil || !got.StoredAt.Equal(t0) {
		t.Errorf("read back %+v, want %+v stored at %v", got, a, t0)
	}
	if docs[1].Paragraphs[0] != "Rewritten." || !docs[1].StoredAt.Equal(t0.Add(time.Hour)) {
		t.Errorf("changed document read back as %+v", docs[1])
	}
	if docs, err := st.StoredDocuments(ctx, nil); err != nil || len(docs) != 0 {
		t.Errorf("reading no ids: %v (%v)", docs, err)
	}
	testManyDocuments(t, st)
}

// testManyDocuments reads back more documents than one statement may take
// parameters (SQLite allows 32,766), asked for out of order.
func testManyDocuments(t *testing.T, st store.Library) {
	const n = 33000
	many := make([]corpus.Stored, n)
	ids := make([]string, n)
	for i := range many {
		ids[i] = fmt.Sprintf("many-%05d", n-1-i)
		many[i] = corpus.Stored{ID: ids[i], Paragraphs: []string{"Text."}, Hash: "h"}
	}
	if _, err := st.PutDocuments(ctx, many, t0); err != nil {
		t.Fatal(err)
	}
	docs, err := st.StoredDocuments(ctx, ids)
	if err != nil || len(docs) != n {
		t.Fatalf("read back %d of %d documents (%v)", len(docs), n, err)
	}
	if !slices.IsSortedFunc(docs, func(a, b corpus.Stored) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("documents not in id order")
	}
}
