package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefbot/store/sqlite"
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
	st, err := sqlite.Open(context.Background(), data)
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

func TestIngestURLs(t *testing.T) {
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour Wire</title>
<item><title>Ferry strike ends</title><guid>hw-1</guid><link>%[1]s/a</link><dc:creator>Ana Silva</dc:creator>
<pubDate>Wed, 02 Dec 2026 07:00:00 GMT</pubDate></item></channel></rss>`, base)
	})
	leader := "its leader said"
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><head><title>Ferry strike ends - Harbour Wire</title></head><body><nav><a href="/">Home</a></nav><article>
<p>The ferry crews returned to work on Tuesday after the union accepted a new offer, `+leader+`.</p>
<p>Services to the islands will run to the normal timetable from Thursday, the operator said in a statement.</p>
<p>The strike had lasted eleven days and cancelled more than four hundred sailings, according to the port authority.</p></article></body></html>`)
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
	s := httptest.NewServer(mux)
	defer s.Close()
	base = s.URL
	data := t.TempDir()

	code, out, errOut := runCLI(t, nil, "", "ingest", "--json", "--data", data, "--allow-private-urls", s.URL+"/feed", s.URL+"/broken")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, s.URL+"/broken: HTTP 500") {
		t.Errorf("the failing URL is not named with its reason: %q", errOut)
	}
	var r ingestReport
	if err := json.Unmarshal([]byte(out), &r); err != nil || r.Documents != 1 || r.Changed != 1 {
		t.Fatalf("report %s (%v)", out, err)
	}
	code, out, errOut = runCLI(t, nil, "", "docs", "--json", "--data", data)
	if code != 0 {
		t.Fatalf("docs: exit %d: %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("docs: %s (%v)", out, err)
	}
	want := map[string]any{"title": "Ferry strike ends", "author": "Ana Silva", "date": "2026-12-02", "url": s.URL + "/a"}
	for k, v := range want {
		if rows[0][k] != v {
			t.Errorf("%s = %v, want %v", k, rows[0][k], v)
		}
	}

	// The same again stores nothing.
	if _, out, _ = runCLI(t, nil, "", "ingest", "--json", "--data", data, "--allow-private-urls", s.URL+"/feed"); !strings.Contains(out, `"changed":0`) {
		t.Errorf("again: %s", out)
	}
	// A changed article replaces the stored one.
	leader = "its leader Ana Silva said"
	if _, out, _ = runCLI(t, nil, "", "ingest", "--json", "--data", data, "--allow-private-urls", s.URL+"/feed"); !strings.Contains(out, `"documents":1,"changed":1`) {
		t.Errorf("changed: %s", out)
	}
	if _, out, _ = runCLI(t, nil, "", "docs", "--json", "--data", data); strings.Count(out, `"doc":`) != 1 {
		t.Errorf("the changed article was stored beside the old one: %s", out)
	}
	// Without --allow-private-urls, loopback is refused and nothing is readable.
	code, _, errOut = runCLI(t, nil, "", "ingest", "--data", data, s.URL+"/feed")
	if code != 2 || !strings.Contains(errOut, "not public") {
		t.Errorf("loopback without the flag: exit %d, %q", code, errOut)
	}
}

func TestSubcommandsReadTheStore(t *testing.T) {
	data := t.TempDir()
	if code, out, _ := runCLI(t, nil, "", "docs", "--json", "--data", data); code != 0 || strings.Count(out, `"doc":`) != 5 {
		t.Fatalf("an empty store: exit %d, want the five seeds: %s", code, out)
	}
	file := filepath.Join(t.TempDir(), "harbour.md")
	if err := os.WriteFile(file, []byte("---\ntitle: Harbour report\n---\n\nThe harbour master Ines Duarte said cargo traffic doubled in November.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, nil, "", "ingest", "--data", data, file); code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	for _, c := range []struct {
		vars map[string]string
		args []string
		want string
	}{
		{nil, []string{"docs", "--json", "--data", data}, `"title":"Harbour report"`},
		{map[string]string{"BRIEFBOT_DATA": data}, []string{"source", "--json", "harbour"}, "cargo traffic doubled"},
		{nil, []string{"ask", "--json", "--data", data, "What did Ines Duarte say about cargo traffic?"}, `"doc":"harbour"`},
		{nil, []string{"cite", "--json", "--data", data, "cargo traffic doubled in November"}, `"found":true`},
	} {
		code, out, errOut := runCLI(t, c.vars, "", c.args...)
		if code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("%v: exit %d, %s%s; want %s", c.args, code, out, errOut, c.want)
		}
	}
	if _, out, _ := runCLI(t, nil, "", "docs", "--json", "--data", data); strings.Count(out, `"doc":`) != 1 {
		t.Errorf("the seeds are served beside the stored documents: %s", out)
	}
}

// With no home directory and no --data, the state goes in ./briefbot-data,
// and briefbot says so.
func TestNoHomeNoDataSaysWhereTheStateGoes(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("HOME", "")
	t.Setenv("XDG_DATA_HOME", "")
	doc := filepath.Join(dir, "one.txt")
	os.WriteFile(doc, []byte("The harbour reopened on Monday after repairs were finished.\n"), 0o644)
	code, _, errOut := runCLI(t, nil, "", "ingest", doc)
	want := "keeping the state in " + filepath.Join(dir, "briefbot-data")
	if code != 0 || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, stderr %q; want it to say %q", code, errOut, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "briefbot-data")); err != nil {
		t.Error(err)
	}
}
