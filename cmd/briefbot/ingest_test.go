package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefbot/bot/store"
)

func TestIngestStoresDocumentsOnce(t *testing.T) {
	data := t.TempDir()
	docs := t.TempDir()
	if err := os.WriteFile(filepath.Join(docs, "a.md"), []byte("# Talks resume\n\nNegotiators met in Doha on Monday.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(docs, "bad.json"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	var first, again ingestReport
	for _, r := range []*ingestReport{&first, &again} {
		code, out, errOut := runCLI(t, nil, "", "ingest", "--json", "--data", data, docs)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if !strings.Contains(errOut, "bad.json") {
			t.Errorf("the unreadable file is not named: %q", errOut)
		}
		if err := json.Unmarshal([]byte(out), r); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
	}
	if first.Documents != 1 || first.Changed != 1 || again.Changed != 0 || first.Store != data {
		t.Errorf("first %+v, again %+v: want one document stored once in %s", first, again, data)
	}
	st, err := store.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if hashes, _ := st.DocumentHashes(context.Background()); len(hashes) != 1 {
		t.Errorf("the store holds %d documents, want 1", len(hashes))
	}
}

func TestIngestErrors(t *testing.T) {
	for _, args := range [][]string{
		{"ingest"},
		{"ingest", "--data", t.TempDir(), t.TempDir()},
		{"ingest", "--store", "mysql://db", "."},
	} {
		if code, _, errOut := runCLI(t, nil, "", args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, %q; want 2 with a message", args, code, errOut)
		}
	}
}
