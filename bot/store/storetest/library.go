package storetest

import (
	"slices"
	"testing"
	"time"

	"briefbot/bot/store"
	"briefbot/knowledge/corpus"
)

func testLibrary(t *testing.T, st store.Store) {
	if hashes, err := st.DocumentHashes(ctx); err != nil || len(hashes) != 0 {
		t.Fatalf("an empty store holds %v (%v)", hashes, err)
	}
	a := store.StoredDocument{ID: "a", File: "a.md", Meta: corpus.Meta{Title: "Ä title", Date: "2024-01-02"},
		Paragraphs: []string{"First paragraph.", "Second, with \"quotes\"\nand a newline."}, Hash: "h1"}
	b := store.StoredDocument{ID: "b", File: "b.txt", Paragraphs: []string{"Only one."}, Hash: "h2"}
	if n, err := st.PutDocuments(ctx, []store.StoredDocument{a, b}, t0); err != nil || n != 2 {
		t.Fatalf("storing two documents: %d changed (%v)", n, err)
	}
	if n, err := st.PutDocuments(ctx, []store.StoredDocument{a, b}, t0.Add(time.Hour)); err != nil || n != 0 {
		t.Errorf("storing the same documents again: %d changed (%v), want 0", n, err)
	}
	b.Paragraphs, b.Hash = []string{"Rewritten."}, "h3"
	if n, err := st.PutDocuments(ctx, []store.StoredDocument{a, b}, t0.Add(time.Hour)); err != nil || n != 1 {
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
}

func testInteractions(t *testing.T, st store.Store) {
	if _, done, err := st.InteractionResult(ctx, "i1"); done || err != nil {
		t.Fatalf("an unknown interaction is done (%v)", err)
	}
	won := race(t, 6, func() (bool, error) { return st.ClaimInteraction(ctx, "i1", t0) })
	if won != 1 {
		t.Fatalf("%d of 6 claims of one interaction won, want 1", won)
	}
	if _, done, _ := st.InteractionResult(ctx, "i1"); done {
		t.Error("a claimed interaction is done before it finished")
	}
	if err := st.FinishInteraction(ctx, "i1", "Subscribed (No. 1)"); err != nil {
		t.Fatal(err)
	}
	if result, done, err := st.InteractionResult(ctx, "i1"); !done || result != "Subscribed (No. 1)" || err != nil {
		t.Errorf("result %q done %v (%v)", result, done, err)
	}
	if ok, _ := st.ClaimInteraction(ctx, "i2", t0); !ok {
		t.Error("another interaction could not be claimed")
	}
}
