// Package ingest loads documents in the formats people have (.txt, .md,
// .html, .json, .jsonl), keeps the article text, reads the metadata each
// states, and hands the result to corpus for segmentation.
package ingest

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
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
// documents come in path order, then in lexical order within a directory;
// every file that could not be loaded gets one error, and the rest still load.
func Load(paths []string, opt Options) ([]*corpus.Document, []error) {
	l := newLoader(osSource{}, opt)
	for _, p := range paths {
		l.loadPath(p)
	}
	return l.docs, l.errs
}

// LoadFS loads every supported file of fsys, as Load does for a directory.
func LoadFS(fsys fs.FS, opt Options) ([]*corpus.Document, []error) {
	l := newLoader(fsSource{fsys}, opt)
	l.loadDir(".")
	return l.docs, l.errs
}

// Seeds returns the embedded seed corpus. The seeds are fixed at build time
// and a test loads them without error, so there is nothing to report here.
func Seeds() []*corpus.Document {
	docs, _ := LoadFS(seeds.FS, Options{})
	return docs
}

// source is where files come from: the operating system or an fs.FS.
type source interface {
	stat(name string) (fs.FileInfo, error)
	open(name string) (fs.File, error)
	walk(root string, fn fs.WalkDirFunc) error
}

type osSource struct{}

func (osSource) stat(name string) (fs.FileInfo, error)     { return os.Stat(name) }
func (osSource) open(name string) (fs.File, error)         { return os.Open(name) }
func (osSource) walk(root string, fn fs.WalkDirFunc) error { return filepath.WalkDir(root, fn) }

type fsSource struct{ fsys fs.FS }

func (s fsSource) stat(name string) (fs.FileInfo, error)     { return fs.Stat(s.fsys, name) }
func (s fsSource) open(name string) (fs.File, error)         { return s.fsys.Open(name) }
func (s fsSource) walk(root string, fn fs.WalkDirFunc) error { return fs.WalkDir(s.fsys, root, fn) }

// loader accumulates documents and errors over one Load call.
type loader struct {
	src  source
	max  int64
	ids  map[string]bool
	docs []*corpus.Document
	errs []error
}

func newLoader(src source, opt Options) *loader {
	return &loader{src: src, max: opt.maxBytes(), ids: map[string]bool{}}
}

func (l *loader) fail(file string, err error) { l.errs = append(l.errs, fileError(file, err)) }

func (l *loader) failf(file, format string, args ...any) {
	l.errs = append(l.errs, &FileError{File: file, Reason: fmt.Sprintf(format, args...)})
}

// loadPath loads a path named by the user: unlike a file met while walking a
// directory, a file of an unsupported type is an error.
func (l *loader) loadPath(path string) {
	info, err := l.src.stat(path)
	switch {
	case err != nil:
		l.fail(path, err)
	case info.IsDir():
		l.loadDir(path)
	case parsers[extension(path)] == nil:
		l.failf(path, "unsupported file type %q (supported: %s)", extension(path), supportedExtensions())
	default:
		l.loadFile(path, info)
	}
}

// loadDir walks root in lexical order and loads every supported file that is
// not hidden.
func (l *loader) loadDir(root string) {
	before := len(l.docs)
	err := l.src.walk(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			l.fail(path, err)
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || parsers[extension(path)] == nil {
			return nil
		}
		// Stat rather than d.Info: a symbolic link is loaded as what it points to.
		info, err := l.src.stat(path)
		switch {
		case err != nil:
			l.fail(path, err)
		case !info.IsDir():
			l.loadFile(path, info)
		}
		return nil
	})
	if err != nil {
		l.fail(root, err)
	}
	if len(l.docs) == before {
		l.failf(root, "no documents found")
	}
}

// loadFile reads, checks and parses one file, adding its documents.
func (l *loader) loadFile(path string, info fs.FileInfo) {
	if !info.Mode().IsRegular() {
		l.failf(path, "not a regular file")
		return
	}
	if info.Size() > l.max {
		l.failf(path, "file is %d bytes, over the limit of %d bytes", info.Size(), l.max)
		return
	}
	data, err := l.read(path)
	if err != nil {
		l.fail(path, err)
		return
	}
	text, err := checkText(data)
	if err != nil {
		l.fail(path, err)
		return
	}
	records, errs := parse(parsers[extension(path)], string(text))
	for _, err := range errs {
		l.fail(path, err)
	}
	stem := slug(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	for _, r := range records {
		id := stem
		if r.N > 0 {
			id = fmt.Sprintf("%s-%d", stem, r.N)
		}
		doc := corpus.New(l.uniqueID(id), path, r.Article.Meta, r.Article.Paragraphs)
		if len(doc.Paragraphs) == 0 {
			l.failf(path, "%sno text left after cleaning", recordPrefix(r.N))
			continue
		}
		doc.Captions = r.Article.Captions
		l.docs = append(l.docs, doc)
	}
}

// parse runs a parser, turning a panic inside a third-party parser on
// hostile input into an error for this file alone.
func parse(p parser, text string) (records []record, errs []error) {
	defer func() {
		if r := recover(); r != nil {
			records, errs = nil, []error{fmt.Errorf("cannot be parsed: %v", r)}
		}
	}()
	return p(text)
}

// read reads a whole file, never more than the size limit even when the file
// grew after it was measured.
func (l *loader) read(path string) ([]byte, error) {
	f, err := l.src.open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, l.max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > l.max {
		return nil, fmt.Errorf("file is over the limit of %d bytes", l.max)
	}
	return data, nil
}

// uniqueID returns id, or id-2, id-3, ... when an earlier document took it.
func (l *loader) uniqueID(id string) string {
	unique := id
	for n := 2; l.ids[unique]; n++ {
		unique = fmt.Sprintf("%s-%d", id, n)
	}
	l.ids[unique] = true
	return unique
}

// recordPrefix names record n of a multi-record file in an error reason.
func recordPrefix(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("record %d: ", n)
}

func extension(path string) string { return strings.ToLower(filepath.Ext(path)) }

func supportedExtensions() string {
	exts := make([]string, 0, len(parsers))
	for e := range parsers {
		exts = append(exts, e)
	}
	sort.Strings(exts)
	return strings.Join(exts, ", ")
}

// parseText reads a plain-text file: one document.
func parseText(text string) ([]record, []error) {
	return []record{{Article: cleanText(text)}}, nil
}
