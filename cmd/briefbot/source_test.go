package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefbot/knowledge/claims"
)

// speechDocs writes a corpus of two files: a speech of 60 sentences on
// one line, as State of the Union transcripts are, and a note of short
// paragraphs.
func speechDocs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var speech strings.Builder
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&speech, "In year %d the harbour of town number %d handled %d ships. ", 1900+i, i, 7*i)
	}
	os.WriteFile(filepath.Join(dir, "speech.txt"), []byte(speech.String()+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "note.txt"), []byte("The ferry resumed on Monday.\n\nThe bridge stays closed until spring.\n"), 0o644)
	return dir
}

// A citation into a one-line speech names the quote's sentence, and
// source --sentence finds the quote there; a short paragraph is cited by
// its number alone.
func TestCitationIntoAOneLineSpeechIsFindable(t *testing.T) {
	dir := speechDocs(t)
	quote := "the harbour of town number 37 handled 259 ships"
	code, out, errOut := runCLI(t, nil, "", "cite", "--json", "--docs", dir, quote)
	if code != 0 {
		t.Fatalf("cite: exit %d: %s", code, errOut)
	}
	var found claims.CiteResult
	if err := json.Unmarshal([]byte(out), &found); err != nil || !found.Found {
		t.Fatalf("cite found nothing (%v): %s", err, out)
	}
	c := found.Matches[0].Citation
	if c.Doc != "speech" || c.Paragraph != 1 || c.Sentence != 37 || !strings.Contains(c.Quote, quote) {
		t.Fatalf("citation %+v, want speech ¶1 sentence 37", c)
	}
	if !strings.Contains(out, `"paragraph":1,"sentence":37,`) {
		t.Errorf("the JSON citation lacks its sentence: %s", out)
	}

	code, out, errOut = runCLI(t, nil, "", "source", "--json", "--docs", dir, c.Doc, "--paragraph", "1", "--sentence", "37")
	if code != 0 {
		t.Fatalf("source: exit %d: %s", code, errOut)
	}
	var src sourceText
	if err := json.Unmarshal([]byte(out), &src); err != nil || len(src.Paragraphs) != 1 {
		t.Fatalf("source JSON (%v): %s", err, out)
	}
	p := src.Paragraphs[0]
	if p.N != 1 || !strings.HasPrefix(p.Text, "In year 1901 ") || len(p.Sentences) != 5 {
		t.Fatalf("paragraph %d with %d sentences, text %.40q", p.N, len(p.Sentences), p.Text)
	}
	for i, s := range p.Sentences {
		if s.N != 35+i || s.Cited != (s.N == 37) || !strings.Contains(s.Text, fmt.Sprintf("number %d ", s.N)) {
			t.Errorf("sentence %+v at %d", s, i)
		}
		if s.Cited && !strings.Contains(s.Text, c.Quote) && !strings.HasPrefix(c.Quote, s.Text) {
			t.Errorf("the cited sentence %q does not hold the quote %q", s.Text, c.Quote)
		}
	}

	code, out, _ = runCLI(t, nil, "", "cite", "--json", "--docs", dir, "The bridge stays closed until spring.")
	if code != 0 || !strings.Contains(out, `"paragraph":2,"quote"`) || strings.Contains(out, `"sentence"`) {
		t.Errorf("a short paragraph's citation: exit %d, %s", code, out)
	}
}

func TestSourceSentenceMarksItAmongItsNeighbours(t *testing.T) {
	dir := speechDocs(t)
	code, out, errOut := runCLI(t, nil, "", "source", "--docs", dir, "speech", "--paragraph", "1", "--sentence", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{
		"¶1, sentences 1 to 3 of 60:",
		"▶ 1  In year 1901 the harbour of town number 1 handled 7 ships.",
		"  2  In year 1902 the harbour of town number 2 handled 14 ships.",
		"  3  In year 1903 the harbour of town number 3 handled 21 ships.",
	}
	if len(lines) < len(want) || strings.Join(lines[len(lines)-len(want):], "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant it to end with\n%s", out, strings.Join(want, "\n"))
	}
	// Without --sentence the JSON has no sentences.
	_, out, _ = runCLI(t, nil, "", "source", "--json", "--docs", dir, "note", "--paragraph", "2")
	if strings.Contains(out, "sentences") {
		t.Errorf("source without --sentence: %s", out)
	}
}

func TestSourceSentenceErrors(t *testing.T) {
	dir := speechDocs(t)
	// A sentence or paragraph the document lacks is an error (exit 1); a
	// command line that cannot be read is a usage error (exit 2).
	for args, want := range map[string]struct {
		code int
		msg  string
	}{
		"--paragraph 1 --sentence 0":  {1, "speech ¶1 has sentences 1 to 60, not 0"},
		"--paragraph 1 --sentence 61": {1, "speech ¶1 has sentences 1 to 60, not 61"},
		"--paragraph 1 --sentence x":  {2, `invalid value "x" for flag -sentence`},
		"--sentence 3":                {2, "--sentence needs --paragraph"},
		"--paragraph 2 --sentence 1":  {1, "speech has paragraphs 1 to 1, not 2"},
	} {
		code, out, errOut := runCLI(t, nil, "", append([]string{"source", "--docs", dir, "speech"}, strings.Fields(args)...)...)
		if code != want.code || out != "" || !strings.Contains(errOut, want.msg) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit %d and %q", args, code, out, errOut, want.code, want.msg)
		}
	}
}
