package ingest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestCopiesLoadOnce(t *testing.T) {
	var b strings.Builder
	for i := range 60 {
		fmt.Fprintf(&b, "The commission met %d times in Paris and heard report %d on the harvest. ", i, 2*i+1)
	}
	long := b.String()
	dir := writeFiles(t, map[string]string{
		"a_speech.json": `{"name": "Jane Q. Public", "text": "` + long + `"}`,
		"a_speech.txt":  long,
		"b_edited.txt":  strings.Replace(long, "harvest", "harvests", 1) + "One line more.",
		"b_renamed.txt": strings.Replace(long, "Paris", "Lyon", 1), // another story: kept
		"c_other.txt":   strings.Repeat("A different address about the navy, the army and the budget of the year. ", 12),
		"d_short.txt":   "Short.",
		"e_short.txt":   "short",
	})
	docs, errs := Load([]string{dir}, Options{})
	if got, want := ids(docs), "a-speech b-renamed c-other d-short"; got != want {
		t.Errorf("ids = %q, want %q", got, want)
	}
	if docs[0].Author != "Jane Q. Public" {
		t.Errorf("the first copy (with its author) should be kept, got %+v", docs[0].Meta)
	}
	want := map[string]string{"a_speech.txt": "a_speech.json", "b_edited.txt": "a_speech.json", "e_short.txt": "d_short.txt"}
	if len(errs) != len(want) {
		t.Fatalf("errors = %v, want one per copy", errs)
	}
	for _, err := range errs {
		fe, ok := err.(*FileError)
		if !ok || !strings.HasSuffix(fe.Reason, filepath.Join(dir, want[filepath.Base(fe.File)])+", loaded once") {
			t.Errorf("unexpected error %v", err)
		}
	}
}
