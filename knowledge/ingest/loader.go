package ingest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"briefbot/knowledge/corpus"
)

// source is where files come from: the operating system or an fs.FS.
type source interface {
	stat(name string) (fs.FileInfo, error)
	open(name string) (fs.File, error)
	walk(root string, fn fs.WalkDirFunc) error
}

type osSource struct{}

func (osSource) stat(name string) (fs.FileInfo, error) { return os.Stat(name) }
func (osSource) open(name string) (fs.File, error)     { return os.Open(name) }

// walk enters root even when it is a symbolic link to a directory (a mounted
// volume, say), which WalkDir alone does not: a trailing separator makes the
// system resolve the link. The callback still sees root as given.
func (osSource) walk(root string, fn fs.WalkDirFunc) error {
	dir := root + string(filepath.Separator)
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if path == dir {
			path = root
		}
		return fn(path, d, err)
	})
}

type fsSource struct{ fsys fs.FS }

func (s fsSource) stat(name string) (fs.FileInfo, error)     { return fs.Stat(s.fsys, name) }
func (s fsSource) open(name string) (fs.File, error)         { return s.fsys.Open(name) }
func (s fsSource) walk(root string, fn fs.WalkDirFunc) error { return fs.WalkDir(s.fsys, root, fn) }

// loader loads in two steps: it first lists the files to read in report
// order (planning), then parses them in parallel and numbers the documents
// in that order, so the result does not depend on which file finished first.
type loader struct {
	src  source
	max  int64
	jobs []*job
}

// job is one file to load, or a problem met while listing files.
type job struct {
	path string
	info fs.FileInfo // nil when the job only reports errs
	docs []loaded
	errs []error
}

// loaded is a document whose id is still to be given: N is its record number.
type loaded struct {
	N   int
	Doc *corpus.Document
}

// id is the document's id when nothing else took it: the file's stem, and
// the record number in a multi-record file.
func (d loaded) id(file string) string {
	stem := slug(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)))
	if d.N > 0 {
		return fmt.Sprintf("%s-%d", stem, d.N)
	}
	return stem
}

func newLoader(src source, opt Options) *loader {
	return &loader{src: src, max: opt.maxBytes()}
}

func (l *loader) fail(file string, err error) {
	l.jobs = append(l.jobs, &job{path: file, errs: []error{fileError(file, err)}})
}

func (l *loader) failf(file, format string, args ...any) {
	l.jobs = append(l.jobs, &job{path: file, errs: []error{&FileError{File: file, Reason: fmt.Sprintf(format, args...)}}})
}

// planPath plans a path named by the user: unlike a file met while walking a
// directory, a file of an unsupported type is an error.
func (l *loader) planPath(path string) {
	info, err := l.src.stat(path)
	switch {
	case err != nil:
		l.fail(path, err)
	case info.IsDir():
		l.planDir(path)
	case parsers[extension(path)] == nil:
		l.failf(path, "%s (supported: %s)", unsupportedType(path), supportedExtensions())
	default:
		l.jobs = append(l.jobs, &job{path: path, info: info})
	}
}

// maxNamedUnsupported bounds the unsupported files named one by one when a
// directory holds no document.
const maxNamedUnsupported = 20

// planDir walks root in lexical order and plans every supported file that is
// not hidden. A directory holding no document is an error, followed by the
// files it does hold, each with why it was skipped.
func (l *loader) planDir(root string) {
	files := 0
	var unsupported []string // the first maxNamedUnsupported+1 of them
	skipped := 0
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
		if d.IsDir() {
			return nil
		}
		if parsers[extension(path)] == nil {
			if skipped++; len(unsupported) <= maxNamedUnsupported {
				unsupported = append(unsupported, path)
			}
			return nil
		}
		// Stat rather than d.Info: a symbolic link is loaded as what it points to.
		info, err := l.src.stat(path)
		switch {
		case err != nil:
			l.fail(path, err)
		case !info.IsDir():
			l.jobs = append(l.jobs, &job{path: path, info: info})
			files++
		}
		return nil
	})
	if err != nil {
		l.fail(root, err)
	}
	if files > 0 {
		return
	}
	l.failf(root, "no documents found (supported types: %s)", supportedExtensions())
	for i, path := range unsupported {
		if i == maxNamedUnsupported {
			l.failf(root, "and %d more files of unsupported types", skipped-i)
			break
		}
		l.failf(path, "%s", unsupportedType(path))
	}
}

// unsupportedType says why path is not loaded.
func unsupportedType(path string) string {
	if ext := extension(path); ext != "" {
		return fmt.Sprintf("unsupported file type %q", ext)
	}
	return "unsupported file type (no extension)"
}

// run loads the planned files, as many at once as there are processors, and
// gives the documents their ids in plan order.
func (l *loader) run() ([]*corpus.Document, []error) {
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, j := range l.jobs {
		if j.info == nil {
			continue
		}
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer wg.Done()
			l.load(j)
			<-slots
		}()
	}
	wg.Wait()

	var all []loaded
	var errs []error
	for _, j := range l.jobs {
		errs = append(errs, j.errs...)
		all = append(all, j.docs...)
	}
	all, dups := dropDuplicates(all)
	docs := make([]*corpus.Document, len(all))
	taken := map[string]bool{}
	for i, d := range all {
		d.Doc.ID = uniqueID(taken, d.id(d.Doc.File))
		docs[i] = d.Doc
	}
	return docs, append(errs, dups...)
}

// load reads, checks, parses and segments the file of job j.
func (l *loader) load(j *job) {
	fail := func(err error) { j.errs = append(j.errs, fileError(j.path, err)) }
	if !j.info.Mode().IsRegular() {
		fail(errors.New("not a regular file"))
		return
	}
	if j.info.Size() > l.max {
		fail(fmt.Errorf("file is %d bytes, over the limit of %d bytes", j.info.Size(), l.max))
		return
	}
	data, err := l.read(j.path)
	if err != nil {
		fail(err)
		return
	}
	if isHTML(j.path) {
		data = htmlToUTF8(data)
	}
	var errs []error
	j.docs, errs = documents(j.path, parsers[extension(j.path)], data)
	for _, err := range errs {
		fail(err)
	}
}

// documents parses the content of one file (or of what stands for one: a
// web page, an attachment) into its documents, still without ids.
func documents(file string, p parser, data []byte) ([]loaded, []error) {
	text, err := checkText(data)
	if err != nil {
		return nil, []error{err}
	}
	records, errs := parse(p, string(text))
	var docs []loaded
	for _, r := range records {
		doc := corpus.New("", file, r.Article.Meta, r.Article.Paragraphs)
		if len(doc.Paragraphs) == 0 {
			errs = append(errs, fmt.Errorf("%sno text left after cleaning", recordPrefix(r.N)))
			continue
		}
		doc.Captions = r.Article.Captions
		docs = append(docs, loaded{N: r.N, Doc: doc})
	}
	return docs, errs
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
func uniqueID(taken map[string]bool, id string) string {
	unique := id
	for n := 2; taken[unique]; n++ {
		unique = fmt.Sprintf("%s-%d", id, n)
	}
	taken[unique] = true
	return unique
}

// recordPrefix names record n of a multi-record file in an error reason.
func recordPrefix(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("record %d: ", n)
}
