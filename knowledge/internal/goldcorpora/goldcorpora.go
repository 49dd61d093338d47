// Package goldcorpora loads the corpora that the hand-made gold of the
// actors and claims packages is annotated on: the State of the Union
// addresses (each as .txt and as a .json record) and the press sections of
// the Brown Corpus, as the benchmark module fetches them into
// bench/corpora. The gold tests run only when asked (BRIEFBOT_GOLD=1), since
// they build three corpora of several megabytes.
package goldcorpora

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
)

// Corpus names one set of gold documents.
type Corpus string

// The corpora the gold is annotated on.
const (
	SOTUText Corpus = "sotu-txt"  // the addresses as .txt files
	SOTUJSON Corpus = "sotu-json" // the addresses as .json records
	Brown    Corpus = "brown"     // Brown press sections ca*, cb*, detagged into .txt
)

// Of returns the corpus a gold entry's document belongs to.
func Of(corpusName, file string) Corpus {
	switch {
	case corpusName == "brown":
		return Brown
	case strings.HasSuffix(file, ".json"):
		return SOTUJSON
	}
	return SOTUText
}

// Dir returns the corpora directory, or skips the test when the gold
// evaluation was not asked for; asked for with the corpora missing, the
// test fails saying how to get them.
func Dir(t testing.TB) string {
	t.Helper()
	if os.Getenv("BRIEFBOT_GOLD") == "" {
		t.Skip("gold evaluation not run: set BRIEFBOT_GOLD=1 (needs bench/corpora, fetched by the bench module)")
	}
	dir := filepath.Join("..", "..", "bench", "corpora")
	if _, err := os.Stat(filepath.Join(dir, "sotu", "package", "data")); err != nil {
		t.Fatalf("BRIEFBOT_GOLD is set but the corpora are absent (%v): fetch them with the bench module first", err)
	}
	return dir
}

// Load reads one corpus from dir; Brown texts are detagged into tmp first.
func Load(dir, tmp string, c Corpus) ([]*corpus.Document, error) {
	var paths []string
	var err error
	switch c {
	case SOTUText:
		paths, err = filepath.Glob(filepath.Join(dir, "sotu", "package", "data", "*.txt"))
	case SOTUJSON:
		paths, err = filepath.Glob(filepath.Join(dir, "sotu", "package", "data", "*.json"))
	case Brown:
		paths, err = detagBrown(filepath.Join(dir, "brown", "package"), tmp)
	}
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no documents under %s", c, dir)
	}
	docs, errs := ingest.Load(paths, ingest.Options{})
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return docs, nil
}

// detagBrown writes each press text (ca*, cb*) as prose: tags dropped, “
// and ” made double quotes, five sentences a paragraph.
func detagBrown(dir, tmp string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "c[ab][0-9][0-9]"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var sentences []string
		for _, line := range strings.Split(string(data), "\n") {
			if s := detag(line); s != "" {
				sentences = append(sentences, s)
			}
		}
		var b strings.Builder
		for i, s := range sentences {
			switch {
			case i == 0:
			case i%5 == 0:
				b.WriteString("\n\n")
			default:
				b.WriteByte(' ')
			}
			b.WriteString(s)
		}
		path := filepath.Join(tmp, filepath.Base(f)+".txt")
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			return nil, err
		}
		out = append(out, path)
	}
	return out, nil
}

// detag turns one tagged sentence ("The/at jury/nn said/vbd ./.") into
// text, as the benchmark module does with its own copy: that module builds
// on this one and cannot be imported by it.
func detag(line string) string {
	var b strings.Builder
	glue := true // no space before the next word
	for _, tok := range strings.Fields(line) {
		word := tok
		if i := strings.LastIndexByte(tok, '/'); i > 0 {
			word = tok[:i]
		}
		closing := word == "''" || len(word) == 1 && strings.Contains(".,;:?!)", word) || strings.HasPrefix(word, "'")
		if word == "''" || word == "``" {
			word = `"`
		}
		if !glue && !closing {
			b.WriteByte(' ')
		}
		b.WriteString(word)
		glue = tok == "``/``" || word == "("
	}
	return b.String()
}

// Base returns a document's file name without its directory, as gold
// entries name documents.
func Base(d *corpus.Document) string { return filepath.Base(d.File) }

// ReadGold decodes the gold file name, in the test's testdata, into v.
func ReadGold(t testing.TB, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}
