package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/fetch"
	"briefbot/knowledge/pdftext/pdftest"
)

// article is a news page as sites serve it: a menu, a share bar and
// comments around the text, and a <title> with the site's name.
func article(headline, body string) string {
	var paras strings.Builder
	for i := range 4 {
		fmt.Fprintf(&paras, "<p>%s This is paragraph %d of the report, which gives enough words to be read as the article itself by the extractor.</p>\n", body, i+1)
	}
	return `<!DOCTYPE html><html><head><title>` + headline + ` | The Daily Ledger</title>
<meta property="og:site_name" content="The Daily Ledger"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<article><h1>` + headline + `</h1>` + paras.String() + `</article>
<section id="comments"><h3>Comments</h3><div class="comment"><p>First! Great article, totally agree with everything.</p></div></section>
<footer><p>Copyright 2026 The Daily Ledger. All rights reserved.</p></footer></body></html>`
}

const rssDCCreator = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Ledger World</title><link>%[1]s/</link><description>World news</description>
<item><title>Port strike enters third week</title><link>%[1]s/news/port-strike</link>
<guid isPermaLink="false">ledger-1001</guid><dc:creator>Maria Ortiz</dc:creator>
<pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate><description>Short summary.</description></item>
</channel></rss>`

const atomUpdatedOnly = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Notes</title><id>urn:x</id><updated>2026-11-20T12:00:00Z</updated>
<entry><title>Grain exports recover</title><id>urn:entry:1</id><updated>2026-11-20T12:00:00Z</updated>
<link href="%[1]s/news/grain"/><author><name>Ken Abe</name></author></entry>
</feed>`

const jsonFeed = `{"version": "https://jsonfeed.org/version/1.1", "title": "Wire Digest",
 "items": [{"id": "w-1", "url": "%[1]s/news/wire", "title": "Council votes on budget",
  "date_published": "2026-11-30T09:00:00Z", "authors": [{"name": "Lena Park"}]}]}`

// entitiesCDATA has no links that work: each item's own text is used.
const entitiesCDATA = `<?xml version="1.0"?><rss version="2.0"><channel><title>Caf&#233; &amp; Co</title>
<item><title>Prices at the caf&#233; &amp; market</title><guid>c-1</guid><link>%[1]s/gone</link>
<description><![CDATA[<p>The mayor said prices at the caf&eacute; rose &ldquo;sharply&rdquo; this year, according to the city's statistics office, which surveyed shops.</p><p>Traders said rents were the main cause of the increase in the old town.</p>]]></description></item>
</channel></rss>`

const relativeLinks = `<?xml version="1.0"?><rss version="2.0"><channel><title>Relative</title>
<item><title>Bridge repairs finish early</title><link>/news/bridge</link></item>
<item><title>No link and no text</title></item>
<item><title>Text but no link or date</title><description>The committee said the report would be published next spring after a review of all the evidence.</description></item>
</channel></rss>`

func feedServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	var base string
	serve := func(path, ctype, body string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			if strings.Contains(body, "%[1]s") {
				body = fmt.Sprintf(body, base)
			}
			fmt.Fprint(w, body)
		})
	}
	serve("/rss", "application/rss+xml", rssDCCreator)
	serve("/atom", "application/xml", atomUpdatedOnly)
	serve("/json", "application/json", jsonFeed)
	serve("/cdata", "text/xml", entitiesCDATA)
	serve("/relative", "application/rss+xml", relativeLinks)
	serve("/news/port-strike", "text/html", article("Port strike enters third week", "Dock workers walked out again on Monday, the union said."))
	serve("/news/grain", "text/html", article("Grain exports recover", "Grain shipments rose for the first time in a year, officials said."))
	serve("/news/wire", "text/html", article("Council votes on budget", "The council approved the budget by nine votes to four, its chair said."))
	serve("/news/bridge", "text/html", article("Bridge repairs finish early", "The bridge reopened two weeks ahead of schedule, engineers said."))
	serve("/notes.txt", "text/plain", "Notes on the harbour\n\nThe harbour master said traffic doubled in November compared with last year.\n")
	serve("/report.pdf", "application/pdf", string(pdftest.Page("0 The harbour master said traffic doubled", "-14 in November, the busiest month on record.")))
	serve("/latin1.txt", "text/plain; charset=iso-8859-1", "Caf\xe9 prices\n\nThe caf\xe9 owners said prices rose by a tenth in November.\n")
	serve("/notes.md", "text/markdown", "---\ntitle: Harbour notes\n---\n\nThe harbour master said traffic doubled in November.\n")
	serve("/not-xml", "application/rss+xml", "this is not XML at all {")
	serve("/image.png", "image/png", "\x89PNG\r\n\x1a\n....")
	serve("/login", "text/html", `<html><head><title>Sign in</title></head><body><article><h1>Subscribers only</h1>
<p>Sign in to continue reading this article.</p><form><input type="text" name="user"><input type="password" name="pw"></form></article></body></html>`)
	s := httptest.NewServer(mux)
	base = s.URL
	t.Cleanup(s.Close)
	return s
}

func reader() *Reader { return &Reader{Fetcher: &fetch.Client{AllowPrivate: true}} }

func read(t *testing.T, u string) *Result {
	t.Helper()
	res, err := reader().Read(context.Background(), fetch.Request{URL: u}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestFeedItemsFillWhatTheArticleLacks(t *testing.T) {
	s := feedServer(t)
	for _, c := range []struct {
		path  string
		feed  string
		want  corpus.Meta
		words string
	}{
		{"/rss", "Ledger World", corpus.Meta{Title: "Port strike enters third week", Source: "The Daily Ledger",
			Author: "Maria Ortiz", Date: "2026-12-01", URL: s.URL + "/news/port-strike"}, "Dock workers walked out"},
		{"/atom", "Harbour Notes", corpus.Meta{Title: "Grain exports recover", Source: "The Daily Ledger",
			Author: "Ken Abe", Date: "2026-11-20", URL: s.URL + "/news/grain"}, "Grain shipments rose"},
		{"/json", "Wire Digest", corpus.Meta{Title: "Council votes on budget", Source: "The Daily Ledger",
			Author: "Lena Park", Date: "2026-11-30", URL: s.URL + "/news/wire"}, "nine votes to four"},
	} {
		res := read(t, s.URL+c.path)
		if res.Feed == nil || res.Feed.Title != c.feed || len(res.Docs) != 1 || len(res.Errs) != 0 {
			t.Fatalf("%s: feed %+v, %d documents, errors %v", c.path, res.Feed, len(res.Docs), res.Errs)
		}
		d := res.Docs[0]
		if d.Meta != c.want {
			t.Errorf("%s: meta\n got %+v\nwant %+v", c.path, d.Meta, c.want)
		}
		if !strings.Contains(d.Text, c.words) || strings.Contains(d.Text, "Share on Facebook") || strings.Contains(d.Text, "First! Great") {
			t.Errorf("%s: text %q", c.path, d.Text)
		}
	}
}

func TestItemTextWhenTheLinkFails(t *testing.T) {
	s := feedServer(t)
	res := read(t, s.URL+"/cdata")
	if len(res.Docs) != 1 {
		t.Fatalf("documents %d, errors %v", len(res.Docs), res.Errs)
	}
	d := res.Docs[0]
	if d.Title != "Prices at the café & market" || d.Source != "Café & Co" || d.URL != s.URL+"/gone" {
		t.Errorf("meta %+v", d.Meta)
	}
	if !strings.Contains(d.Text, "rose “sharply” this year") || !strings.Contains(d.Text, "Traders said rents") {
		t.Errorf("text %q", d.Text)
	}
}

func TestRelativeLinksAndItemsWithoutLinkOrDate(t *testing.T) {
	s := feedServer(t)
	res := read(t, s.URL+"/relative")
	if len(res.Docs) != 2 || len(res.Errs) != 1 {
		t.Fatalf("documents %d, errors %v", len(res.Docs), res.Errs)
	}
	if res.Docs[0].URL != s.URL+"/news/bridge" || !strings.Contains(res.Docs[0].Text, "ahead of schedule") {
		t.Errorf("relative link: %+v", res.Docs[0].Meta)
	}
	if d := res.Docs[1]; d.Date != "" || d.URL != "" || !strings.Contains(d.Text, "published next spring") {
		t.Errorf("item without link or date: %+v %q", d.Meta, d.Text)
	}
	if !strings.Contains(res.Errs[0].Error(), `item 2 ("No link and no text"): an item with neither a link nor text`) {
		t.Errorf("error %v", res.Errs[0])
	}
}

func TestPagesAndFiles(t *testing.T) {
	s := feedServer(t)
	page := read(t, s.URL+"/news/bridge")
	if page.Feed != nil || len(page.Docs) != 1 || page.Docs[0].Title != "Bridge repairs finish early" || page.Docs[0].URL != s.URL+"/news/bridge" {
		t.Fatalf("page: %+v", page.Docs)
	}
	txt := read(t, s.URL+"/notes.txt")
	if len(txt.Docs) != 1 || !strings.Contains(txt.Docs[0].Text, "traffic doubled") {
		t.Errorf("text file: %+v", txt.Docs)
	}
	md := read(t, s.URL+"/notes.md")
	if len(md.Docs) != 1 || md.Docs[0].Title != "Harbour notes" {
		t.Errorf("markdown file: %+v", md.Docs)
	}
	latin1 := read(t, s.URL+"/latin1.txt")
	if len(latin1.Docs) != 1 || !strings.Contains(latin1.Docs[0].Text, "The café owners said") {
		t.Errorf("ISO-8859-1 text: %+v", latin1.Docs)
	}
	pdf := read(t, s.URL+"/report.pdf")
	if len(pdf.Docs) != 1 || !strings.Contains(pdf.Docs[0].Text, "traffic doubled in November, the busiest month") {
		t.Errorf("PDF: %+v", pdf.Docs)
	}
	if txt.Docs[0].ID == md.Docs[0].ID || !strings.HasPrefix(txt.Docs[0].ID, "notes-") {
		t.Errorf("ids %q and %q", txt.Docs[0].ID, md.Docs[0].ID)
	}
}

func TestBadURLsAreNamedWithTheReason(t *testing.T) {
	s := feedServer(t)
	for path, want := range map[string]string{
		"/not-xml":   "not a readable feed",
		"/image.png": "not a feed or a page: the server sends image/png",
		"/login":     "a login wall",
		"/missing":   "HTTP 404 Not Found",
	} {
		_, err := reader().Read(context.Background(), fetch.Request{URL: s.URL + path}, nil)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), s.URL+path+": ") {
			t.Errorf("%s: got %v, want %q", path, err, want)
		}
	}
}

func TestTheSameArticleUnderTwoLinksIsReadOnce(t *testing.T) {
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Dup</title>
<item><title>A</title><link>%[1]s/a?utm_source=rss</link></item>
<item><title>A</title><link>%[1]s/a</link></item></channel></rss>`, base)
	})
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, article("Ferry service resumes", "The ferry sailed again after the storm, the operator said."))
	})
	s := httptest.NewServer(mux)
	defer s.Close()
	base = s.URL
	res := read(t, s.URL+"/feed")
	if len(res.Docs) != 1 {
		t.Errorf("%d documents, want 1", len(res.Docs))
	}
}

func TestLargeFeedIsCappedAndKnownItemsAreNotFetched(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>Big</title>`)
	for i := range 10000 {
		fmt.Fprintf(&b, "<item><title>Item %d</title><guid>g-%d</guid><description>Figure %d was reported by the office on Monday.</description></item>", i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	body := b.String()
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body) }))
	defer s.Close()
	r := &Reader{Fetcher: &fetch.Client{AllowPrivate: true}, MaxItems: 50}
	res, err := r.Read(context.Background(), fetch.Request{URL: s.URL}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Feed.Items != 10000 || len(res.Docs) != 50 || len(res.Errs) != 1 || !strings.Contains(res.Errs[0].Error(), "9950 items left for later") {
		t.Fatalf("items %d, documents %d, errors %v", res.Feed.Items, len(res.Docs), res.Errs)
	}
	known := map[string]bool{}
	for _, d := range res.Docs[:10] {
		known[d.ID] = true
	}
	again, err := r.Read(context.Background(), fetch.Request{URL: s.URL}, func(id string) bool { return known[id] })
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Docs) != 50 || again.Docs[0].ID == res.Docs[0].ID || !strings.Contains(again.Errs[0].Error(), "9940 items left") {
		t.Errorf("%d documents read again (first %s), want the next 50 not known", len(again.Docs), again.Docs[0].ID)
	}
	for _, d := range again.Docs {
		if known[d.ID] {
			t.Errorf("known %s read again", d.ID)
		}
	}
}

func TestReadFile(t *testing.T) {
	s := feedServer(t)
	docs, err := reader().ReadFile(context.Background(), s.URL+"/notes.md", "harbour notes.md", "message-1")
	if err != nil || len(docs) != 1 || docs[0].Title != "Harbour notes" || !strings.HasPrefix(docs[0].ID, "harbour-notes-") {
		t.Fatalf("docs %+v, %v", docs, err)
	}
	again, _ := reader().ReadFile(context.Background(), s.URL+"/notes.md?signature=2", "harbour notes.md", "message-1")
	if len(again) != 1 || again[0].ID != docs[0].ID {
		t.Errorf("the same key gave another id: %q and %q", docs[0].ID, again[0].ID)
	}
	for name, want := range map[string]string{"photo.png": `unsupported file type ".png"`, "missing.txt": "HTTP 404"} {
		if _, err := reader().ReadFile(context.Background(), s.URL+"/"+name, name, "k"); err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), name+": ") {
			t.Errorf("%s: %v, want %q", name, err, want)
		}
	}
}

func TestConditionalRead(t *testing.T) {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v7"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v7"`)
		w.Header().Set("Last-Modified", "Tue, 01 Dec 2026 08:00:00 GMT")
		fmt.Fprint(w, `<rss version="2.0"><channel><title>T</title><item><title>A</title><guid>a</guid>
<description>The council said the budget passed by nine votes to four on Monday evening.</description></item></channel></rss>`)
	}))
	defer s.Close()
	first := read(t, s.URL)
	if len(first.Docs) != 1 || first.Validators.ETag != `"v7"` || first.Validators.LastModified == "" {
		t.Fatalf("first read: %d documents, validators %+v", len(first.Docs), first.Validators)
	}
	again, err := reader().Read(context.Background(), first.Validators, nil)
	if err != nil || !again.NotModified || len(again.Docs) != 0 || again.Validators.ETag != `"v7"` {
		t.Errorf("conditional read: %+v, %v", again, err)
	}
}
