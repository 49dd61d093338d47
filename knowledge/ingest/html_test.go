package ingest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
)

func TestHTMLLoadsArticleAndMetadata(t *testing.T) {
	docs, errs := Load([]string{filepath.Join("testdata", "article.html")}, Options{})
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("docs %d, errors %v", len(docs), errs)
	}
	d := docs[0]
	want := corpus.Meta{Title: "Taliban ties to al-Qaeda endure", Source: "The Wire", Author: "Jane Roe",
		Date: "2021-08-20", URL: "https://wire.example.org/news/taliban-ties"}
	if d.ID != "article" || d.Meta != want {
		t.Errorf("id %q meta %+v, want %+v", d.ID, d.Meta, want)
	}
	wantParagraphs(t, d.Text,
		"The Taliban have kept close ties with al-Qaeda, according to a United Nations report released on Tuesday. The report says the groups remain closely aligned.",
		"The relationship dates back to the 1990s, when Osama bin Laden found refuge in Afghanistan under Taliban protection, analysts said. Emphasis and a link stay inline.",
		"A long relationship",
		"The first point of the list, with enough words to count as text.",
		"The second point of the list, also with enough words to count.",
		`"We will not allow anyone to use Afghan soil against others," a spokesman said.`,
	)
	for _, junk := range []string{"script junk", "color: red", "Home", "Search", "cookies", "Related headline",
		"Reader comment", "All rights reserved", "more junk", "Taliban fighters in Kabul", "<"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("boilerplate %q survived in:\n%s", junk, d.Text)
		}
	}
	if strings.Join(d.Captions, "|") != "Taliban fighters in Kabul. Photo: Reuters" {
		t.Errorf("captions = %q, want only the article's figure", d.Captions)
	}
}

func TestHTMLStatesNoDateItDoesNotHave(t *testing.T) {
	recs, errs := parseHTML(`<html><head><title>Undated</title></head><body><article>
		<p>This page says nothing about when it was written, and the loader must not guess a date for it.</p>
		<p>It has a second paragraph, long enough for the extractor to keep it as part of the article.</p>
		</article></body></html>`)
	if len(errs) != 0 || len(recs) != 1 {
		t.Fatalf("records %d, errors %v", len(recs), errs)
	}
	if m := recs[0].Article.Meta; m.Date != "" || m.Author != "" {
		t.Errorf("meta = %+v, want no date and no author", m)
	}
}

func TestHTMLWithoutArticle(t *testing.T) {
	for _, page := range []string{
		`<html><head><title>Menu</title></head><body><nav><a href="/">Home</a> <a href="/b">About</a></nav></body></html>`,
		`<html><body><script>var only = "a script";</script></body></html>`,
		`<<<>>> not really html`,
		strings.Repeat("<div>", 600) + "<p>Nested too deep for any real page to be an article of prose.</p>",
	} {
		recs, errs := parseHTML(page)
		if len(recs) != 0 || len(errs) != 1 ||
			errs[0].Error() != "no article text found" && !strings.HasPrefix(errs[0].Error(), "malformed HTML: ") {
			t.Errorf("%.40q: records %d, errors %v, want no article text found or malformed HTML", page, len(recs), errs)
		}
	}
}

func TestHTMLParagraphs(t *testing.T) {
	recs, errs := parseHTML(`<html><body><article><p>One paragraph<br>with a line break and enough words to be kept by the extractor.</p>
		<pre>code
		block</pre><ol><li><p>Nested paragraph in a list item, long enough to be kept as well.</p></li></ol>
		<p>The takeaway, in three steps that each make a build faster when only the code has changed since the last one:</p>
		<ol><li>Separate dependencies from your <code>setup.py</code>.</li>
		<li>Install dependencies separately and earlier in your <code>Dockerfile</code> to ensure faster builds.</li></ol></article></body></html>`)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	got := strings.Join(recs[0].Article.Paragraphs, "|")
	for _, p := range []string{"One paragraph with a line break and enough words to be kept by the extractor.", "Nested paragraph in a list item, long enough to be kept as well.",
		"Install dependencies separately and earlier in your Dockerfile to ensure faster builds."} {
		if !strings.Contains("|"+got+"|", "|"+p+"|") {
			t.Errorf("paragraph %q missing from %q", p, got)
		}
	}
}

func TestHTMLTablesKeptAsRows(t *testing.T) {
	recs, errs := parseHTML(`<html><head><title>Arrivals by year</title></head><body><article>
		<h1>Arrivals by year</h1>
		<p>The ministry published its yearly figures on Monday, and they show a steady rise over three years.</p>
		<p>Officials said the increase was expected and that the reception centres had room for more people.</p>
		<table><thead><tr><th>Year</th><th>Arrivals</th><th>Main origin</th></tr></thead>
		<tbody><tr><td>2021</td><td>12,400</td><td>Syria</td></tr>
		<tr><td>2022</td><td>15,900</td><td>Afghanistan</td></tr>
		<tr><td>2023</td><td>18,100</td><td>Afghanistan</td></tr></tbody></table>
		<p>The figures for the current year will be published in the spring, the ministry said in its statement.</p>
		</article></body></html>`)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	got := "|" + strings.Join(recs[0].Article.Paragraphs, "|\n|") + "|"
	for _, row := range []string{"Year | Arrivals | Main origin", "2021 | 12,400 | Syria", "2023 | 18,100 | Afghanistan"} {
		if !strings.Contains(got, "|"+row+"|") {
			t.Errorf("row %q is not a paragraph of:\n%s", row, got)
		}
	}
}

func TestCleanBlocksDropsFurnitureNotProse(t *testing.T) {
	prose := []string{
		"The council approved the budget on Tuesday after a debate that lasted most of the night.",
		"Quelle der Zahlen ist das Statistische Bundesamt, das die Daten jedes Jahr im Frühjahr veröffentlicht.",
		"Readers who want more can read the full report, which the council published on its website.",
		"Weitere Informationen gibt es bei der Stadtverwaltung, die montags bis freitags geöffnet ist.",
	}
	furniture := []string{
		"Lesen Sie auch", "Stadt plant neuen Radweg", "Bürgermeister tritt zurück",
		"© 2024 Example Media GmbH. Alle Rechte vorbehalten.", "Posted by Jane Doe | 11 March 2024",
		"Abonnieren Sie unseren Newsletter", "Foto: Jane Doe/Agency", "Anzeige", "Czytaj też: Wyścig zbrojeń ruszył",
		"Das könnte Sie auch interessieren!", "Keine Kommentare",
	}
	blocks := []string{prose[0], furniture[0], furniture[1], furniture[2], prose[1]}
	blocks = append(blocks, furniture[3:]...)
	blocks = append(blocks, prose[2], prose[3])
	a := cleanBlocks(blocks)
	if strings.Join(a.Paragraphs, "\n") != strings.Join(prose, "\n") {
		t.Errorf("kept:\n%s\nwant:\n%s", strings.Join(a.Paragraphs, "\n"), strings.Join(prose, "\n"))
	}
}

// storyParagraphs is a short news story as HTML paragraphs, and storyText
// what must be kept of it.
const storyParagraphs = `<p>The council approved the budget on Tuesday after a debate that lasted most of the night, officials said.</p>
<p>The new budget raises spending on schools by four percent and cuts the road programme by a tenth, the mayor said.</p>
<p>Opposition members said the cuts would hurt rural areas most and promised to bring the matter back next year.</p>`

var storyText = []string{"The council approved the budget on Tuesday", "cuts the road programme by a tenth",
	"promised to bring the matter back next year"}

func TestHTMLArticleOnlyInNoscriptOrJSONLD(t *testing.T) {
	for name, page := range map[string]string{
		"noscript": `<html><head><title>Budget approved</title></head><body><div id="app"></div><noscript>` +
			storyParagraphs + `</noscript></body></html>`,
		"json-ld": `<html><head><title>Budget approved</title><script type="application/ld+json">{"@type": "NewsArticle",
			"headline": "Budget approved", "articleBody": "The council approved the budget on Tuesday after a debate that lasted most of the night, officials said. The new budget raises spending on schools by four percent and cuts the road programme by a tenth, the mayor said. Opposition members said the cuts would hurt rural areas most and promised to bring the matter back next year."}
			</script></head><body><div id="app"></div></body></html>`,
	} {
		recs, errs := parseHTML(page)
		if len(errs) != 0 {
			t.Errorf("%s: %v", name, errs)
			continue
		}
		text := strings.Join(recs[0].Article.Paragraphs, "\n")
		for _, want := range storyText {
			if !strings.Contains(text, want) || strings.Contains(text, "<p>") {
				t.Errorf("%s: want %q as text in:\n%s", name, want, text)
			}
		}
	}
}

func TestHTMLArticleAmongAMegabyteOfComments(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><head><title>Budget approved</title></head><body><article><h1>Budget approved</h1>` +
		storyParagraphs + `</article><div id="comments" class="comments"><h2>Comments</h2>`)
	for i := 0; b.Len() < 1<<20; i++ {
		fmt.Fprintf(&b, `<div class="comment"><p class="author">user%d</p><p>I think comment %d is right, because the council never listens to anyone outside the centre.</p></div>`, i, i)
	}
	b.WriteString(`</div></body></html>`)
	recs, errs := parseHTML(b.String())
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	text := strings.Join(recs[0].Article.Paragraphs, "\n")
	for _, want := range storyText {
		if !strings.Contains(text, want) {
			t.Errorf("article text %q lost", want)
		}
	}
	if strings.Contains(text, "I think comment") {
		t.Errorf("comments kept:\n%.300s", text)
	}
}

func TestHTMLTitleIsTheHeadline(t *testing.T) {
	body := `<p>The council approved the budget on Tuesday after a debate that lasted most of the night, officials said in a statement.</p>
		<p>The new budget raises spending on schools by four percent and cuts the road programme by a tenth, the mayor said.</p>`
	for _, c := range []struct{ head, body, want string }{
		{`<title>Council approves budget - City News</title><meta property="og:site_name" content="City News">`, `<h1>Council approves budget</h1>`, "Council approves budget"},
		{`<title>Council approves budget | citynews.example.org</title>`, ``, "Council approves budget"},
		{`<title>City News | Politics | Council approves budget after long debate</title>`, `<h1>Council approves budget after long debate</h1>`, "Council approves budget after long debate"},
		{`<title>Editor's letter</title>`, `<h1>Editor’s letter</h1>`, "Editor’s letter"},
		{`<title>City News</title><meta property="og:site_name" content="City News">`, `<h2>Introduction</h2><h2>Council approves budget</h2>`, "Council approves budget"},
		{`<title>Home | News | Sport | Contact</title>`, `<h2>Council approves budget</h2>`, "Council approves budget"},
		{`<title>BASH(1) General Commands Manual BASH(1)</title>`, ``, ""},
	} {
		recs, errs := parseHTML(`<html><head>` + c.head + `</head><body><article>` + c.body + body + `</article></body></html>`)
		if len(errs) != 0 {
			t.Fatal(errs)
		}
		if got := recs[0].Article.Meta.Title; got != c.want {
			t.Errorf("%s: title %q, want %q", c.head, got, c.want)
		}
	}
}
