// Package web reads documents from web addresses: every item of an RSS,
// Atom or JSON feed (the article it links to, with the feed's metadata
// filling what the article does not state), a page, or a text or Markdown
// file. Fetching is fetch's job; cleaning is ingest's.
package web

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
	"sync"

	"golang.org/x/net/html/charset"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/fetch"
	"briefbot/knowledge/ingest"
)

// DefaultMaxItems is how many items of one feed a Read takes when
// Reader.MaxItems is 0: the first ones, which feeds list newest first.
const DefaultMaxItems = 200

// Fetcher gets one URL: a *fetch.Client.
type Fetcher interface {
	Get(ctx context.Context, r fetch.Request) (*fetch.Response, error)
}

// Reader reads documents from URLs.
type Reader struct {
	Fetcher  Fetcher
	MaxItems int // items of one feed read per Read; 0 means DefaultMaxItems
	Workers  int // articles fetched at once; 0 means 4
}

// Error says why one URL, or one item of a feed, gave no document.
type Error struct {
	URL    string
	Reason string
}

func (e *Error) Error() string { return e.URL + ": " + e.Reason }

// Result is what one URL gave.
type Result struct {
	// Feed is set when the URL is a feed.
	Feed *Feed
	// Docs are the documents read, in the feed's order.
	Docs []*corpus.Document
	// Errs name each item that gave no document, and why.
	Errs []error
	// NotModified is set when a conditional request found nothing new.
	NotModified bool
	// Validators are the ETag and Last-Modified to send next time.
	Validators fetch.Request
}

// Feed describes a feed that was read.
type Feed struct {
	Title string
	// Items counts the items the feed lists, read or not.
	Items int
}

// Read fetches req.URL and reads its documents. known, when not nil, tells
// which document ids are stored already: a feed's items with those ids are
// not fetched again (polling); without it, every item is read, so that a
// changed article replaces the stored one. The error is set when the URL
// itself gave nothing: it cannot be fetched, or is neither a feed nor a
// document.
func (r *Reader) Read(ctx context.Context, req fetch.Request, known func(id string) bool) (*Result, error) {
	resp, err := r.Fetcher.Get(ctx, req)
	if err != nil {
		return nil, &Error{URL: req.URL, Reason: err.Error()}
	}
	res := &Result{NotModified: resp.NotModified,
		Validators: fetch.Request{URL: req.URL, ETag: resp.ETag, LastModified: resp.LastModified}}
	if resp.NotModified {
		// A 304 need not restate the validators: the ones sent still hold.
		res.Validators.ETag = cmp.Or(resp.ETag, req.ETag)
		res.Validators.LastModified = cmp.Or(resp.LastModified, req.LastModified)
		return res, nil
	}
	if isFeed(resp) {
		if err := r.readFeed(ctx, resp, known, res); err != nil {
			return nil, &Error{URL: req.URL, Reason: err.Error()}
		}
		return res, nil
	}
	docs, err := page(resp, req.URL)
	if err != nil {
		return nil, &Error{URL: req.URL, Reason: err.Error()}
	}
	res.Docs = docs
	return res, nil
}

// readFeed reads the items of a feed that are not known, at most
// MaxItems, several at once, keeping the feed's order. An article that appears under two links is
// kept once.
func (r *Reader) readFeed(ctx context.Context, resp *fetch.Response, known func(string) bool, res *Result) error {
	f, err := parseFeed(resp.Body)
	if err != nil {
		return err
	}
	base, _ := url.Parse(resp.URL)
	res.Feed = &Feed{Title: strings.TrimSpace(f.Title), Items: len(f.Items)}
	// Items already stored are passed over before the cap, so that a
	// backlog is read over the next polls.
	var entries []entry
	for i, it := range f.Items {
		e := newEntry(it, i+1, base, res.Feed.Title)
		if known == nil || e.id == "" || !known(e.id) {
			entries = append(entries, e)
		}
	}
	if max := r.maxItems(); len(entries) > max {
		res.Errs = append(res.Errs, &Error{URL: resp.URL, Reason: fmt.Sprintf(
			"%d items left for later: at most %d items of a feed are read at a time, the first (newest) ones", len(entries)-max, max)})
		entries = entries[:max]
		// Without validators the next request gets the whole feed again.
		res.Validators.ETag, res.Validators.LastModified = "", ""
	}
	type outcome struct {
		docs []*corpus.Document
		err  error
	}
	out := make([]outcome, len(entries))
	var wg sync.WaitGroup
	slots := make(chan struct{}, r.workers())
	for i, e := range entries {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			out[i].docs, out[i].err = r.readEntry(ctx, e)
		}()
	}
	wg.Wait()
	for _, o := range out {
		if o.err != nil {
			res.Errs = append(res.Errs, o.err)
		}
		res.Docs = append(res.Docs, o.docs...)
	}
	res.Docs = Unique(res.Docs)
	return nil
}

// Unique keeps the first of documents whose text is the same: one article
// linked under two addresses (a tracking parameter, a mirror).
func Unique(docs []*corpus.Document) []*corpus.Document {
	seen := make(map[[sha256.Size]byte]bool, len(docs))
	kept := docs[:0]
	for _, d := range docs {
		if sum := sha256.Sum256([]byte(d.Text)); !seen[sum] {
			seen[sum] = true
			kept = append(kept, d)
		}
	}
	return kept
}

// readEntry reads the article an item links to, falling back on the
// item's own text when the link gives nothing.
func (r *Reader) readEntry(ctx context.Context, e entry) ([]*corpus.Document, error) {
	var linkErr error
	if e.link != "" {
		resp, err := r.Fetcher.Get(ctx, fetch.Request{URL: e.link})
		if err == nil {
			var docs []*corpus.Document
			if docs, err = page(resp, e.link); err == nil {
				return e.fill(docs), nil
			}
		}
		linkErr = err
	}
	if e.content == "" {
		if linkErr != nil {
			return nil, &Error{URL: e.name(), Reason: linkErr.Error() + "; the feed gives no text of its own"}
		}
		return nil, &Error{URL: e.name(), Reason: "an item with neither a link nor text"}
	}
	docs, errs := ingest.ParseFragment(e.link, []byte(e.content))
	if len(docs) == 0 {
		return nil, &Error{URL: e.name(), Reason: "the feed's text of the item: " + reasons(errs)}
	}
	for _, d := range docs {
		d.Title = "" // a fragment has no headline but the item's
	}
	return e.fill(docs), nil
}

func (r *Reader) maxItems() int { return cmp.Or(r.MaxItems, DefaultMaxItems) }

func (r *Reader) workers() int { return cmp.Or(r.Workers, 4) }

// page reads a fetched document that is not a feed: an HTML page, or a
// text, Markdown, JSON or PDF file. Its ids are keyed by its canonical URL when
// the page states one, so that the same article fetched under two
// addresses is one document.
func page(resp *fetch.Response, asked string) ([]*corpus.Document, error) {
	format, err := formatOf(resp)
	if err != nil {
		return nil, err
	}
	docs, errs := parse(asked, format, resp)
	if format == ".html" && loginWall(resp.Body, docs) {
		return nil, errors.New("a login wall: the page asks for a password and shows no article")
	}
	if len(docs) == 0 {
		if len(errs) == 0 {
			errs = []error{errors.New("no document found")}
		}
		return nil, errors.New(reasons(errs))
	}
	for _, d := range docs {
		key := resp.URL
		if d.URL != "" {
			key = d.URL
		} else {
			d.URL = resp.URL
		}
		d.ID = keyedID(d.ID, key)
	}
	return docs, nil
}

// utf8Text decodes a text document to UTF-8 from the charset its
// Content-Type or, for HTML, its <meta> declares (UTF-8 when it is valid
// UTF-8 and says nothing, else Windows-1252, as browsers do).
func utf8Text(body []byte, contentType string) ([]byte, error) {
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return nil, fmt.Errorf("unknown character set: %v", err)
	}
	return io.ReadAll(r)
}

// formatOf tells the ingest format of a fetched document from its media
// type, or, for a generic one, from the extension of its URL.
func formatOf(resp *fetch.Response) (string, error) {
	switch resp.MediaType {
	case "text/html", "application/xhtml+xml":
		return ".html", nil
	case "text/markdown", "text/x-markdown":
		return ".md", nil
	case "application/json":
		return ".json", nil
	case "application/pdf":
		return ".pdf", nil
	case "text/plain":
		if ext := urlExtension(resp.URL); ext == ".md" || ext == ".markdown" {
			return ext, nil
		}
		return ".txt", nil
	case "", "application/octet-stream", "binary/octet-stream":
		switch ext := urlExtension(resp.URL); ext {
		case ".html", ".htm", ".md", ".markdown", ".txt", ".json", ".jsonl", ".pdf":
			return ext, nil
		}
	}
	return "", fmt.Errorf("not a feed or a page: the server sends %s", cmp.Or(resp.MediaType, "no content type"))
}

// loginWall tells a page that asks for a password and shows little text:
// what a paywall or sign-in page puts where the article would be.
func loginWall(body []byte, docs []*corpus.Document) bool {
	if !bytes.Contains(bytes.ToLower(body), []byte(`type="password"`)) {
		return false
	}
	words := 0
	for _, d := range docs {
		words += len(strings.Fields(d.Text))
	}
	return words < 150
}

func urlExtension(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(path.Ext(u.Path))
}

// keyedID makes a document id unique to key (a guid or URL) yet readable:
// the name the document would have as a file, and a short hash of its key.
func keyedID(id, key string) string {
	sum := sha256.Sum256([]byte(key))
	return id + "-" + hex.EncodeToString(sum[:4])
}

// reasons joins errors in one line.
func reasons(errs []error) string {
	s := make([]string, len(errs))
	for i, err := range errs {
		s[i] = err.Error()
	}
	return strings.Join(s, "; ")
}
