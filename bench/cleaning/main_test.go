package main

import (
	"strings"
	"testing"
)

const sampleData = `package main

var comparisonData = map[string]ComparisonEntry{
	"https://example.org/b": {
		File:    "b.html",
		Title:   "Second \"page\"",
		With:    []string{"kept text", "more text"},
		Without: []string{"Impressum"},
	},
	"https://example.org/a": {
		File: "a.html",
		With: []string{"x"},
	},
}
`

func TestParseEntries(t *testing.T) {
	pages, err := parseEntries([]byte(sampleData))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0].URL != "https://example.org/a" || pages[1].File != "b.html" ||
		pages[1].Title != `Second "page"` || strings.Join(pages[1].With, "|") != "kept text|more text" ||
		strings.Join(pages[1].Without, "|") != "Impressum" {
		t.Errorf("entries = %+v", pages)
	}
	for _, bad := range []string{"package main", "package main\nvar comparisonData = map[string]ComparisonEntry{\"u\": {With: []string{\"x\"}}}"} {
		if _, err := parseEntries([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestEvaluateScoresTheBenchmarksWay(t *testing.T) {
	e := entry{With: []string{"alpha", "beta", "gamma"}, Without: []string{"menu", "footer"}}
	o := evaluate(e, extracted{title: "Alpha", text: "alpha and beta, then the menu"}, false)
	if o.tp != 2 || o.fn != 1 || o.fp != 1 {
		t.Errorf("tp %d fn %d fp %d, want 2 1 1", o.tp, o.fn, o.fp)
	}
	r := evaluate(e, extracted{text: "menu"}, true)
	if r.tp != 0 || r.fn != 3 || r.fp != 0 || !r.refused {
		t.Errorf("refused page: %+v", r)
	}
	s := total([]outcome{o, r})
	if s.refused != 1 || s.precision() != 2.0/3 || s.recall() != 2.0/6 || s.f() != 4.0/(4+1+4) {
		t.Errorf("total %+v: precision %v recall %v F %v", s, s.precision(), s.recall(), s.f())
	}
	if !sameTitle(" A  title", "A title ") || sameTitle("A title", "a title") {
		t.Error("sameTitle compares spacing only")
	}
}
