package web

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/fetch"
	"briefbot/knowledge/ingest"
)

// feedTypes are the media types only feeds are sent as. Generic XML is
// sniffed instead: it may be a feed or not.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/rdf+xml":   true,
	"application/feed+json": true,
}

// sniffSize is how much of a body is looked at to recognise a feed.
const sniffSize = 4 << 10

// isFeed tells a feed by its media type, or by the root element of an XML
// body, or the version of a JSON Feed.
func isFeed(resp *fetch.Response) bool {
	if feedTypes[resp.MediaType] {
		return true
	}
	head := resp.Body[:min(len(resp.Body), sniffSize)]
	switch gofeed.DetectFeedType(bytes.NewReader(head)) {
	case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
		return true
	case gofeed.FeedTypeJSON:
		return bytes.Contains(head, []byte("jsonfeed.org/version"))
	}
	return false
}

// parseFeed parses a feed, turning a panic of the parser on hostile input
// into an error.
func parseFeed(body []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("not a readable feed: %v", r)
		}
	}()
	f, err = gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("not a readable feed: %v", oneLine(err.Error()))
	}
	return f, nil
}

// entry is one feed item, ready to read.
type entry struct {
	n       int    // its place in the feed, from 1
	id      string // the id of its document, known before fetching
	link    string // absolute
	content string // the item's own text, HTML
	meta    corpus.Meta
}

// newEntry resolves an item's link against the feed's address and keys its
// document by the item's guid, else its link, else its title and text.
func newEntry(it *gofeed.Item, n int, base *url.URL, feedTitle string) entry {
	e := entry{n: n, link: resolve(base, strings.TrimSpace(it.Link))}
	e.content = firstOf(it.Content, it.Description)
	e.meta = corpus.Meta{
		Title:  oneLine(html.UnescapeString(it.Title)),
		Source: feedTitle,
		Author: authors(it),
		Date:   itemDate(it),
		URL:    e.link,
	}
	key := firstOf(strings.TrimSpace(it.GUID), e.link)
	if key == "" && e.content != "" {
		key = it.Title + "\x00" + e.content
	}
	if key != "" {
		name := firstOf(e.link, it.GUID)
		if name == "" {
			name = e.meta.Title
		}
		e.id = keyedID(ingest.DocumentID(name), key)
	}
	return e
}

// name identifies the item in an error.
func (e entry) name() string {
	if e.link != "" {
		return e.link
	}
	if e.meta.Title != "" {
		return fmt.Sprintf("item %d (%q)", e.n, e.meta.Title)
	}
	return fmt.Sprintf("item %d", e.n)
}

// fill gives the item's documents their ids and the item's metadata where
// the article states none: the item's link is the citation's URL, and the
// item's title is the headline when the page's title is the headline with
// the site's name around it.
func (e entry) fill(docs []*corpus.Document) []*corpus.Document {
	for i, d := range docs {
		d.ID = e.id
		if len(docs) > 1 {
			d.ID = fmt.Sprintf("%s-%d", e.id, i+1)
		}
		if e.meta.Title != "" && (d.Title == "" || d.Title != e.meta.Title && strings.Contains(d.Title, e.meta.Title)) {
			d.Title = e.meta.Title
		}
		d.Source = firstOf(d.Source, e.meta.Source)
		d.Author = firstOf(d.Author, e.meta.Author)
		d.Date = firstOf(d.Date, e.meta.Date)
		d.URL = firstOf(e.meta.URL, d.URL)
		if e.link != "" {
			d.File = e.link
		}
	}
	return docs
}

func resolve(base *url.URL, link string) string {
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

// authors joins the item's authors (RSS author or dc:creator, Atom and
// JSON Feed authors) as the corpus writes them.
func authors(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	return strings.Join(names, ", ")
}

// itemDate is the day the item was published, else last updated (Atom
// entries may carry only that), as the feed states it.
func itemDate(it *gofeed.Item) string {
	for _, t := range []*time.Time{it.PublishedParsed, it.UpdatedParsed} {
		if t != nil && !t.IsZero() {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// firstOf returns the first of ss that is not blank, trimmed.
func firstOf(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
