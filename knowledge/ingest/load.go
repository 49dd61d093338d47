// Package ingest loads documents in the formats people have (.txt, .md,
// .html, .json, .jsonl), keeps the article text, reads the metadata each
// states, and hands the result to corpus for segmentation.
package ingest

import (
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"briefbot/knowledge/corpus"
	"briefbot/seeds"
)

// DefaultMaxBytes is the size limit of one file when Options.MaxBytes is 0.
const DefaultMaxBytes = 64 << 20

// Options tunes loading.
type Options struct {
	// MaxBytes is the largest file loaded; 0 means DefaultMaxBytes.
	MaxBytes int64
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// record is one document found in a file. N numbers the records of a
// multi-record file (.json array, .jsonl) from 1; it is 0 for a file that is
// one document.
type record struct {
	N       int
	Article article
}

// overlay returns found with every field that stated sets replaced: what a
// file declares (front matter, HTML meta, record fields) wins over what the
// cleaner read from the text.
func overlay(found, stated corpus.Meta) corpus.Meta {
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&found.Title, stated.Title},
		{&found.Source, stated.Source},
		{&found.Author, stated.Author},
		{&found.Date, stated.Date},
		{&found.URL, stated.URL},
	} {
		if f.src != "" {
			*f.dst = f.src
		}
	}
	return found
}

// parser reads a file's text into its documents. An error fails only the part
// of the file it names (a .jsonl line, say): the other records still load.
type parser func(text string) ([]record, []error)

// parsers maps a lower-case file extension to its format.
var parsers = map[string]parser{
	".txt":      parseText,
	".md":       parseMarkdown,
	".markdown": parseMarkdown,
	".html":     parseHTML,
	".htm":      parseHTML,
	".json":     parseJSON,
	".jsonl":    parseJSONL,
}

// Load reads each path, a file or a directory walked recursively. Inside a
// directory, hidden entries and files of unsupported types are skipped. The
// documents come in path order, then in lexical order within a directory.
// Each problem gets one error (a bad file, or a bad record of a multi-record
// file), and the rest still load.
func Load(paths []string, opt Options) ([]*corpus.Document, []error) {
	l := newLoader(osSource{}, opt)
	for _, p := range paths {
		l.planPath(p)
	}
	return l.run()
}

// LoadFS loads every supported file of fsys, as Load does for a directory.
func LoadFS(fsys fs.FS, opt Options) ([]*corpus.Document, []error) {
	l := newLoader(fsSource{fsys}, opt)
	l.planDir(".")
	return l.run()
}

// Parse reads content that is not a file on disk, a web page or an
// attachment, as Load reads a file: name stands for the file name (the
// documents' File, and their id's stem), format is the extension of a
// supported format (".html", ".md", ...). Each document is checked and
// cleaned as a file's would be; the caller, having read data, has applied
// its own size limit.
func Parse(name, format string, data []byte) ([]*corpus.Document, []error) {
	p := parsers[strings.ToLower(format)]
	if p == nil {
		return nil, []error{fmt.Errorf("unsupported format %q (supported: %s)", format, supportedExtensions())}
	}
	return parseAs(name, p, data)
}

// parseAs reads data with p and gives the documents their ids from name.
func parseAs(name string, p parser, data []byte) ([]*corpus.Document, []error) {
	loaded, errs := documents(name, p, data)
	docs := make([]*corpus.Document, len(loaded))
	taken := map[string]bool{}
	for i, d := range loaded {
		d.Doc.ID = uniqueID(taken, d.id(name))
		docs[i] = d.Doc
	}
	return docs, errs
}

// DocumentID is the id a document read from a file named name gets when no
// other document took it: the file's stem in lower-case ASCII.
func DocumentID(name string) string { return loaded{}.id(name) }

// Seeds returns the embedded seed corpus. The seeds are fixed at build time
// and a test loads them without error, so there is nothing to report here.
func Seeds() []*corpus.Document {
	docs, _ := LoadFS(seeds.FS, Options{})
	return docs
}

func extension(path string) string { return strings.ToLower(filepath.Ext(path)) }

func supportedExtensions() string {
	return strings.Join(slices.Sorted(maps.Keys(parsers)), ", ")
}

// parseText reads a plain-text file: one document.
func parseText(text string) ([]record, []error) {
	return []record{{Article: cleanText(text)}}, nil
}
