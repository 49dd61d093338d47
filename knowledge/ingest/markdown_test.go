package ingest

import (
	"path/filepath"
	"strings"
	"testing"
)

const markdownArticle = `---
title: "Taliban and al-Qaeda: what next?"
source: BESA Center
author: [Jane Roe, John Doe]
date: 2021-08-20
url: https://example.org/taliban
tags: [ignored, fields]
---
# Taliban and al-Qaeda: *what next?*

By Someone Else

The Taliban **promised** not to host [al-Qaeda](https://example.org/aq) fighters,
a promise ![map](map.png) few believed.

<!-- an editor's note that is not part of the article -->

- First, the group kept its ties.
- Second, it [denied them](#).

> "We will not allow it," a spokesman said.

` + "```go\nfmt.Println(\"code is dropped\")\n```\n"

func TestMarkdownLoadsFrontMatterAndText(t *testing.T) {
	dir := writeFiles(t, map[string]string{"What Next.md": markdownArticle})
	docs, errs := Load([]string{filepath.Join(dir, "What Next.md")}, Options{})
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("docs %d, errors %v", len(docs), errs)
	}
	d := docs[0]
	if d.ID != "what-next" {
		t.Errorf("id = %q", d.ID)
	}
	want := map[string]string{
		"title":  "Taliban and al-Qaeda: what next?",
		"source": "BESA Center",
		"author": "Jane Roe, John Doe",
		"date":   "2021-08-20",
		"url":    "https://example.org/taliban",
	}
	got := map[string]string{"title": d.Title, "source": d.Source, "author": d.Author, "date": d.Date, "url": d.URL}
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("%s = %q, want %q", k, got[k], want[k])
		}
	}
	wantParagraphs(t, d.Text,
		"The Taliban promised not to host al-Qaeda fighters, a promise few believed.",
		"First, the group kept its ties.",
		"Second, it denied them.",
		`"We will not allow it," a spokesman said.`,
	)
	for _, junk := range []string{"**", "](", "![", "map.png", "<!--", "editor's note", "```", "code is dropped", "> ", "- First", "tags:"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("markup %q survived in:\n%s", junk, d.Text)
		}
	}
}

// wantParagraphs checks that each of paras is a whole paragraph of text.
func wantParagraphs(t *testing.T, text string, paras ...string) {
	t.Helper()
	have := map[string]bool{}
	for _, p := range strings.Split(text, "\n\n") {
		have[p] = true
	}
	for _, p := range paras {
		if !have[p] {
			t.Errorf("no paragraph %q in:\n%s", p, text)
		}
	}
}

func TestMarkdownWithoutFrontMatter(t *testing.T) {
	recs, errs := parseMarkdown("Plain *Markdown* text.\n\n---\n\nAfter a rule.\n")
	if len(errs) != 0 || len(recs) != 1 {
		t.Fatalf("records %d, errors %v", len(recs), errs)
	}
	if got := strings.Join(recs[0].Article.Paragraphs, "|"); got != "Plain Markdown text.|After a rule." {
		t.Errorf("paragraphs = %q", got)
	}
}

func TestMarkdownFrontMatterValues(t *testing.T) {
	for _, c := range []struct{ front, author, date string }{
		{"author: Jane Roe\ndate: August 20, 2021", "Jane Roe", "2021-08-20"},
		{"author:\n  - A\n  - B\ndate: 2021-08-20T10:30:00Z", "A, B", "2021-08-20"},
		{"date: 2021", "", ""},               // a year is not a date
		{"date: sometime in spring", "", ""}, // nor is this
	} {
		recs, errs := parseMarkdown("---\n" + c.front + "\n---\nBody text.\n")
		if len(errs) != 0 {
			t.Errorf("%q: %v", c.front, errs)
			continue
		}
		if m := recs[0].Article.Meta; m.Author != c.author || m.Date != c.date {
			t.Errorf("%q: author %q date %q, want %q %q", c.front, m.Author, m.Date, c.author, c.date)
		}
	}
}

func TestMarkdownMalformedFrontMatter(t *testing.T) {
	for _, src := range []string{
		"---\ntitle: [unclosed\n---\nBody.\n",
		"---\ntitle: No end\n\nBody that never closes the front matter.\n",
		"---\n- a list\n- not a mapping\n---\nBody.\n",
		"---\nauthor: {name: X}\n---\nBody.\n",
	} {
		_, errs := parseMarkdown(src)
		if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "malformed front matter") || strings.Contains(errs[0].Error(), "\n") {
			t.Errorf("%q: errors %v, want one malformed front matter line", src, errs)
		}
	}
	dir := writeFiles(t, map[string]string{"bad.md": "---\ntitle: [\n---\nx\n", "only-meta.md": "---\ntitle: T\n---\n"})
	_, errs := Load([]string{filepath.Join(dir, "bad.md"), filepath.Join(dir, "only-meta.md")}, Options{})
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "bad.md: malformed front matter") ||
		!strings.Contains(errs[1].Error(), "only-meta.md: no text left after cleaning") {
		t.Errorf("errors = %v", errs)
	}
}

func TestMarkdownHostileInputDoesNotPanic(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("[", 5000) + "x" + strings.Repeat("](#)", 5000),
		strings.Repeat("> ", 1000) + "deep quote",
		strings.Repeat("*", 10000),
		"<script>alert(1)</script>\n\nText after a script.",
	} {
		recs, _ := parseMarkdown(src)
		for _, r := range recs {
			if strings.Contains(strings.Join(r.Article.Paragraphs, " "), "alert(1)") {
				t.Errorf("script text kept from %.30q", src)
			}
		}
	}
}
