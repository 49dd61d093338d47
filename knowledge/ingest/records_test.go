package ingest

import (
	"path/filepath"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
)

func metaOf(d *corpus.Document) corpus.Meta { return d.Meta }

func TestJSONObjectLoadsWithMetadata(t *testing.T) {
	dir := writeFiles(t, map[string]string{"report.json": `{
		"title": "Al-Qaeda in Afghanistan",
		"source": "UN Monitoring Team",
		"author": ["A. Analyst", "B. Writer"],
		"date": "20 August 2021",
		"url": "https://example.org/report",
		"text": "First paragraph of the report.\n\nSecond paragraph, with a figure: 400 fighters."
	}`})
	docs, errs := Load([]string{filepath.Join(dir, "report.json")}, Options{})
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("docs %d, errors %v", len(docs), errs)
	}
	want := corpus.Meta{Title: "Al-Qaeda in Afghanistan", Source: "UN Monitoring Team",
		Author: "A. Analyst, B. Writer", Date: "2021-08-20", URL: "https://example.org/report"}
	if d := docs[0]; d.ID != "report" || metaOf(d) != want || len(d.Paragraphs) != 2 ||
		d.ParagraphText(2) != "Second paragraph, with a figure: 400 fighters." {
		t.Errorf("got %q %+v %q", d.ID, d.Meta, d.Text)
	}
}

func TestJSONArrayAndSpeechRecords(t *testing.T) {
	dir := writeFiles(t, map[string]string{"State of the Union.json": `[
		{"year": 1790, "name": "George Washington", "party": "None", "text": "Fellow-Citizens of the Senate."},
		{"year": "2002", "name": "George W. Bush", "text": "Our war against terror is only beginning.", "date": "January 29, 2002"},
		{"body": "A record with a body and no metadata."},
		{"title": "No text at all"},
		"not an object"
	]`})
	docs, errs := Load([]string{filepath.Join(dir, "State of the Union.json")}, Options{})
	if got, want := ids(docs), "state-of-the-union-1 state-of-the-union-2 state-of-the-union-3"; got != want {
		t.Errorf("ids = %q, want %q", got, want)
	}
	if len(docs) == 3 {
		if m := docs[0].Meta; m.Title != "George Washington, 1790" || m.Author != "George Washington" || m.Date != "" {
			t.Errorf("speech 1 meta = %+v (a bare year is no date)", m)
		}
		if m := docs[1].Meta; m.Title != "George W. Bush, 2002" || m.Date != "2002-01-29" {
			t.Errorf("speech 2 meta = %+v", m)
		}
		if docs[2].Text != "A record with a body and no metadata." || docs[2].Meta != (corpus.Meta{}) {
			t.Errorf("record 3 = %q %+v", docs[2].Text, docs[2].Meta)
		}
	}
	if len(errs) != 2 || !strings.HasSuffix(errs[0].Error(), `.json: record 4: no "text" or "body" string`) ||
		!strings.HasSuffix(errs[1].Error(), ".json: record 5: not a JSON object") {
		t.Errorf("errors = %v", errs)
	}
}

func TestJSONLLoadsGoodLinesAndNamesBadOnes(t *testing.T) {
	dir := writeFiles(t, map[string]string{"feed.jsonl": `{"title": "One", "source": "Wire", "author": "X", "date": "2021-09-07", "url": "https://e.org/1", "text": "First item."}

{"title": "Broken", "text": "unterminated}
{"title": "Three", "text": 42}
{"title": "Four", "text": "Fourth item."}
[1, 2]
`})
	docs, errs := Load([]string{filepath.Join(dir, "feed.jsonl")}, Options{})
	if got, want := ids(docs), "feed-1 feed-4"; got != want {
		t.Errorf("ids = %q, want %q (numbered by non-blank line)", got, want)
	}
	want := corpus.Meta{Title: "One", Source: "Wire", Author: "X", Date: "2021-09-07", URL: "https://e.org/1"}
	if len(docs) > 0 && (docs[0].Meta != want || docs[0].Text != "First item.") {
		t.Errorf("record 1 = %+v %q", docs[0].Meta, docs[0].Text)
	}
	wantErrs := []string{
		"feed.jsonl: line 3: malformed JSON",
		`feed.jsonl: line 4: malformed JSON: field "text" should not be a JSON number`,
		"feed.jsonl: line 6: not a JSON object",
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors = %v, want %d", errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		if !strings.Contains(errs[i].Error(), w) || strings.Contains(errs[i].Error(), "\n") {
			t.Errorf("error %d = %q, want one line with %q", i, errs[i], w)
		}
	}
}

func TestMalformedJSON(t *testing.T) {
	for src, want := range map[string]string{
		"{\n\"text\": \"a\",\n}":            "malformed JSON at line 3",
		`{"text": "a"} trailing`:            "malformed JSON",
		`[]`:                                "empty JSON array",
		`"just a string"`:                   "neither an object nor an array",
		`{"text": "a", "author": {"x": 1}}`: "author: want a name or a list of names",
		`{"text": "a", "title": [1]}`:       "want a string or a number",
		`nonsense`:                          "malformed JSON",
		``:                                  "empty file",
	} {
		recs, errs := parseJSON(src)
		if len(recs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), want) {
			t.Errorf("%q: records %d, errors %v, want %q", src, len(recs), errs, want)
		}
	}
}
