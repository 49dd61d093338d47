package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs one command line with the given environment variables and
// standard input, and returns its exit status and outputs.
func runCLI(t *testing.T, vars map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &environment{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut,
		getenv: func(k string) string { return vars[k] }}
	code := run(context.Background(), env, args)
	return code, out.String(), errOut.String()
}

func TestDocsJSONListsTheSeedsWithTheirMetadata(t *testing.T) {
	code, out, errOut := runCLI(t, nil, "", "docs", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(rows) != 5 {
		t.Fatalf("want 5 documents, got %d", len(rows))
	}
	for _, r := range rows {
		for _, k := range []string{"doc", "title", "source", "author", "date", "url", "file", "paragraphs", "sentences", "words"} {
			if _, ok := r[k]; !ok {
				t.Errorf("%v: no %q field", r["doc"], k)
			}
		}
		if r["paragraphs"].(float64) < 5 || r["words"].(float64) < 500 {
			t.Errorf("%v: suspiciously small: %v paragraphs, %v words", r["doc"], r["paragraphs"], r["words"])
		}
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("--json must print one line, got %d", strings.Count(out, "\n"))
	}
}

func TestDocsTextIsATable(t *testing.T) {
	code, out, _ := runCLI(t, nil, "", "docs")
	if code != 0 || !strings.Contains(out, "The Guardian") || !strings.Contains(out, "2021-09-07") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestSourceOneParagraph(t *testing.T) {
	code, out, errOut := runCLI(t, nil, "", "source", "besa-taliban-and-al-qaeda-what-next", "--json", "--paragraph", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got sourceText
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Paragraphs) != 1 || got.Paragraphs[0].N != 2 ||
		!strings.HasPrefix(got.Paragraphs[0].Text, "Abu Omar Khorasani was taken from Kabul’s Pul-i-Charkhi prison") {
		t.Errorf("got %+v", got.Paragraphs)
	}
	if got.Date != "2021-08-20" || got.Source != "BESA Center" {
		t.Errorf("metadata %+v", got.Meta)
	}
	// By file name too.
	if code, _, _ := runCLI(t, nil, "", "source", "besa-taliban-and-al-qaeda-what-next.txt"); code != 0 {
		t.Errorf("lookup by file name failed: exit %d", code)
	}
}

func TestSourceErrors(t *testing.T) {
	for _, args := range [][]string{
		{"source"},
		{"source", "no-such-doc"},
		{"source", "besa-taliban-and-al-qaeda-what-next", "--paragraph", "999"},
	} {
		code, out, errOut := runCLI(t, nil, "", args...)
		if code != 1 || out != "" || errOut == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}

func TestDocsFlagReplacesTheSeedsAndReportsBadFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "note.md")
	bad := filepath.Join(dir, "broken.json")
	os.WriteFile(good, []byte("---\ntitle: A Note\ndate: 2024-03-11\n---\n\nThe harbour reopened on Monday after repairs were finished.\n"), 0o644)
	os.WriteFile(bad, []byte("{not json"), 0o644)

	code, out, errOut := runCLI(t, nil, "", "docs", "--json", "--docs", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "broken.json") {
		t.Errorf("the bad file is not named on stderr: %q", errOut)
	}
	var rows []docSummary
	json.Unmarshal([]byte(out), &rows)
	if len(rows) != 1 || rows[0].Title != "A Note" || rows[0].Date != "2024-03-11" || rows[0].File != good {
		t.Errorf("rows = %+v", rows)
	}

	// The environment variable does the same when no --docs is given.
	code, out, _ = runCLI(t, map[string]string{"BRIEFBOT_DOCS": good}, "", "docs", "--json")
	if code != 0 || !strings.Contains(out, "A Note") || strings.Contains(out, "Guardian") {
		t.Errorf("BRIEFBOT_DOCS: exit %d, %s", code, out)
	}
}

func TestNoReadableDocumentExits2(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	for _, path := range []string{dir, filepath.Join(dir, "missing.txt")} {
		code, out, errOut := runCLI(t, nil, "", "docs", "--docs", path)
		if code != 2 || out != "" || !strings.Contains(errOut, "no readable document") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", path, code, out, errOut)
		}
	}
}

func TestAskBatchAnswersEveryLineInOrder(t *testing.T) {
	questions := "When did Mullah Omar die?\n\nWhat is the recipe for sourdough bread?\n"
	code, out, errOut := runCLI(t, nil, questions, "ask", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 JSON lines, got %d:\n%s", len(lines), out)
	}
	for i, want := range []string{"When did Mullah Omar die?", "", "What is the recipe for sourdough bread?"} {
		var res struct {
			Question string            `json:"question"`
			Answered *bool             `json:"answered"`
			Answers  []json.RawMessage `json:"answers"`
		}
		if err := json.Unmarshal([]byte(lines[i]), &res); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if res.Question != want || res.Answered == nil || res.Answers == nil {
			t.Errorf("line %d = %s", i, lines[i])
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"frobnicate"}, {"actors", "--kind", "robot"}, {"ask", "--limit", "x"}, {"brief", "--since", "yesterday"}} {
		if code, _, errOut := runCLI(t, nil, "", args...); code == 0 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	if code, out, _ := runCLI(t, nil, "", "help"); code != 0 || !strings.Contains(out, "usage: briefbot") {
		t.Errorf("help: exit %d", code)
	}
}

func TestParseArgsTakesFlagsAnywhere(t *testing.T) {
	var c commonFlags
	fs := newFlagSet("x", &bytes.Buffer{}, &c)
	n := fs.Int("paragraph", 0, "")
	pos, err := parseArgs(fs, []string{"DOC", "--paragraph", "3", "--json", "--", "--not-a-flag"})
	if err != nil || *n != 3 || !c.json || strings.Join(pos, " ") != "DOC --not-a-flag" {
		t.Errorf("pos %q n %d json %v err %v", pos, *n, c.json, err)
	}
}
