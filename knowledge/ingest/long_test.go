package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// bigPage is an article of n short paragraphs, as a book or a long thread
// exported to HTML is.
func bigPage(n int) string {
	var b strings.Builder
	b.WriteString("<html><head><title>A long page</title></head><body><article><h1>A long page</h1>\n")
	for i := range n {
		fmt.Fprintf(&b, "<p>Paragraph %d says something of its own, in a sentence of some length.</p>\n", i)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

func BenchmarkParseHTMLParagraphs(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		page := bigPage(n)
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				recs, errs := parseHTML(page)
				if len(errs) != 0 || len(recs[0].Article.Paragraphs) < n {
					b.Fatalf("errors %v, %d paragraphs, want %d", errs, len(recs[0].Article.Paragraphs), n)
				}
			}
		})
	}
}

func TestHTMLLongPageKeepsEveryParagraphInOrder(t *testing.T) {
	const n = 2*maxParagraphs + 17
	recs, errs := parseHTML(bigPage(n))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	paras := recs[0].Article.Paragraphs
	var body []string
	for _, p := range paras {
		if strings.HasPrefix(p, "Paragraph ") {
			body = append(body, p)
		}
	}
	if len(body) != n {
		t.Fatalf("%d paragraphs kept, want %d", len(body), n)
	}
	for i, p := range body {
		if want := fmt.Sprintf("Paragraph %d says", i); !strings.HasPrefix(p, want) {
			t.Fatalf("paragraph %d is %q, want it to start %q", i, p, want)
		}
	}
}

func TestHTMLLongCommentThreadLeftOut(t *testing.T) {
	for _, n := range []int{50, maxParagraphs + 500} {
		t.Run(fmt.Sprint(n), func(t *testing.T) { testCommentThreadLeftOut(t, n) })
	}
}

func testCommentThreadLeftOut(t *testing.T, comments int) {
	var b strings.Builder
	b.WriteString(`<html><head><title>Short article</title></head><body><article><h1>Short article</h1>`)
	for i := range 6 {
		fmt.Fprintf(&b, "<p>The article's paragraph %d tells the story in a sentence long enough to be prose. "+
			"A second sentence gives the detail that a reader came for, with a figure or a name.</p>", i)
	}
	b.WriteString(`</article><section id="comments" class="comments">`)
	for i := range comments {
		fmt.Fprintf(&b, `<div class="comment"><p>Reader comment %d, which is not part of the article at all.</p></div>`, i)
	}
	b.WriteString(`</section></body></html>`)
	recs, errs := parseHTML(b.String())
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	text := strings.Join(recs[0].Article.Paragraphs, "\n")
	if strings.Contains(text, "Reader comment") || !strings.Contains(text, "paragraph 5 tells") {
		t.Errorf("want the article without its comments, got:\n%.500s", text)
	}
}

func TestHTMLLongPageInSectionsKeepsEveryParagraphButNotTheFooter(t *testing.T) {
	const sections, per = 30, 150 // more paragraphs than the extractor sees
	var b strings.Builder
	b.WriteString(`<html><head><title>A book</title></head><body><header><a href="/">Home</a></header><article><h1>A book</h1>`)
	for s := range sections {
		fmt.Fprintf(&b, `<section class="chapter"><h2>Chapter %d</h2>`, s)
		for i := range per {
			fmt.Fprintf(&b, "<p>Chapter %d, paragraph %d, says something of its own in a sentence of some length.</p>", s, i)
		}
		b.WriteString("</section>")
	}
	b.WriteString(`</article><footer><p>Imprint and privacy: this footer is not part of the book at all.</p></footer></body></html>`)
	recs, errs := parseHTML(b.String())
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	var body []string
	for _, p := range recs[0].Article.Paragraphs {
		if strings.Contains(p, "paragraph") {
			body = append(body, p)
		}
		if strings.Contains(p, "footer") {
			t.Errorf("footer kept: %q", p)
		}
	}
	if len(body) != sections*per {
		t.Fatalf("%d paragraphs kept, want %d", len(body), sections*per)
	}
	for k, p := range body {
		if want := fmt.Sprintf("Chapter %d, paragraph %d,", k/per, k%per); !strings.HasPrefix(p, want) {
			t.Fatalf("paragraph %d is %q, want it to start %q", k, p, want)
		}
	}
}

// wrappedText is one paragraph hard-wrapped into n lines of eight words,
// as a speech typed in a fixed-width editor is.
func wrappedText(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "line %d of the speech goes on and on\n", i)
	}
	return b.String()
}

func TestWrappedParagraphJoinsEveryLineOnce(t *testing.T) {
	const n = 5000
	a := cleanText(wrappedText(n))
	if len(a.Paragraphs) != 1 {
		t.Fatalf("%d paragraphs, want 1", len(a.Paragraphs))
	}
	want := strings.Join(strings.Split(strings.TrimSuffix(wrappedText(n), "\n"), "\n"), " ")
	if a.Paragraphs[0] != want {
		t.Errorf("joined paragraph differs from the lines one space apart (%d vs %d bytes)", len(a.Paragraphs[0]), len(want))
	}
}

// BenchmarkCleanTextWrapped shows joining is linear in the paragraph's
// lines: adding each line to a growing string copied the paragraph once per
// line.
func BenchmarkCleanTextWrapped(b *testing.B) {
	for _, n := range []int{1000, 10000, 50000} {
		raw := wrappedText(n)
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if a := cleanText(raw); len(a.Paragraphs) != 1 {
					b.Fatalf("%d paragraphs", len(a.Paragraphs))
				}
			}
		})
	}
}
