package web

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/fetch"
	"briefbot/knowledge/ingest"
	"briefbot/knowledge/pdftext"
)

// FileFormats are the extensions ReadFile reads.
var FileFormats = []string{".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".pdf"}

// ReadFile fetches the file at rawURL and reads it as a file named name
// would be read (its extension chooses the format; a PDF's text is read as
// plain text). The documents' ids are keyed by key, which stays the same
// when the address changes (a signed download link, say).
func (r *Reader) ReadFile(ctx context.Context, rawURL, name, key string) ([]*corpus.Document, error) {
	ext := strings.ToLower(path.Ext(name))
	if !slices.Contains(FileFormats, ext) {
		return nil, &Error{URL: name, Reason: fmt.Sprintf("unsupported file type %q (supported: %s)", ext, strings.Join(FileFormats, ", "))}
	}
	resp, err := r.Fetcher.Get(ctx, fetch.Request{URL: rawURL})
	if err != nil {
		return nil, &Error{URL: name, Reason: err.Error()}
	}
	docs, errs := parse(name, ext, resp)
	if len(docs) == 0 {
		return nil, &Error{URL: name, Reason: reasons(errs)}
	}
	for _, d := range docs {
		d.ID = keyedID(d.ID, key)
	}
	return docs, nil
}

// parse reads a fetched document in format (an extension) as ingest
// reads a file: text decoded to UTF-8 first, a PDF's text as plain text.
func parse(name, format string, resp *fetch.Response) ([]*corpus.Document, []error) {
	var body []byte
	var err error
	if format == ".pdf" {
		var text string
		text, err = pdftext.Text(resp.Body)
		body, format = []byte(text), ".txt"
	} else {
		body, err = utf8Text(resp.Body, resp.ContentType)
	}
	if err != nil {
		return nil, []error{err}
	}
	return ingest.Parse(name, format, body)
}
