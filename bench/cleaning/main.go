// Command cleaning scores briefbot's cleaning of web pages on trafilatura's
// own extraction benchmark, beside go-trafilatura alone, in one run.
//
// The benchmark ships inside the go-trafilatura module: 983 annotated pages
// under test-files/, and for each the snippets that must appear in the main
// text ("with") and the boilerplate that must not ("without"), listed in
// scripts/comparison/data.go. That file is Go source of the library's
// scripts; it is parsed here, never copied. The pages are read from the
// module cache and never committed.
//
// Scoring is the benchmark's: a "with" found in the title or the text is a
// true positive, one missing a false negative, a "without" found a false
// positive. A page refused (no text at all) scores every "with" as missed.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"briefbot/knowledge/ingest"
)

const libraryModule = "github.com/markusmobius/go-trafilatura"

func main() {
	dir := flag.String("dir", "", "the go-trafilatura module directory (default: found with go list)")
	jobs := flag.Int("j", max(1, runtime.GOMAXPROCS(0)/2), "pages cleaned at once")
	losses := flag.String("losses", "", "write every page where briefbot scores worse than the library to this file")
	show := flag.String("show", "", "print what each extractor keeps of this page (a file name of the benchmark) and stop")
	flag.Parse()
	if err := run(*dir, *jobs, *losses, *show, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "cleaning:", err)
		os.Exit(1)
	}
}

func run(dir string, jobs int, losses, show string, w io.Writer) error {
	if dir == "" {
		out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", libraryModule).Output()
		if err != nil {
			return fmt.Errorf("finding %s in the module cache (go mod download %s): %v", libraryModule, libraryModule, err)
		}
		dir = strings.TrimSpace(string(out))
	}
	src, err := os.ReadFile(filepath.Join(dir, "scripts", "comparison", "data.go"))
	if err != nil {
		return err
	}
	pages, err := parseEntries(src)
	if err != nil {
		return err
	}
	for i := range pages {
		pages[i].Path = findPage(dir, pages[i].File)
	}
	extractors := []extractor{briefbot, library}
	if show != "" {
		return showPage(w, pages, show, extractors)
	}
	results := make([][]outcome, len(extractors))
	for i, x := range extractors {
		results[i] = runAll(pages, x, jobs)
	}
	fmt.Fprintf(w, "%d pages of %s's benchmark\n\n", len(pages), libraryModule)
	fmt.Fprintln(w, "| extractor | precision | recall | F | pages refused | \"with\" found | \"without\" found |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	withouts := 0
	for _, p := range pages {
		withouts += len(p.Without)
	}
	for i, x := range extractors {
		s := total(results[i])
		fmt.Fprintf(w, "| %s | %.3f | %.3f | %.3f | %d | %d of %d | %d of %d |\n", x.name, s.precision(), s.recall(), s.f(),
			s.refused, s.tp, s.tp+s.fn, s.fp, withouts)
	}
	refusedAlone, withArticle := 0, 0
	for p := range pages {
		if results[0][p].refused && !results[1][p].refused {
			refusedAlone++
			if results[1][p].tp > 0 {
				withArticle++
			}
		}
	}
	fmt.Fprintln(w, "\n| extractor | titles as annotated |")
	fmt.Fprintln(w, "|---|---|")
	for i, x := range extractors {
		right, annotated := 0, 0
		for p, page := range pages {
			if page.Title == "" {
				continue
			}
			annotated++
			if sameTitle(results[i][p].title, page.Title) {
				right++
			}
		}
		fmt.Fprintf(w, "| %s | %d of %d |\n", x.name, right, annotated)
	}
	fmt.Fprintf(w, "\npages briefbot refuses that the library extracts: %d (with any of the article's snippets: %d)\n", refusedAlone, withArticle)
	if losses != "" {
		return writeLosses(losses, pages, results[0], results[1])
	}
	return nil
}

// extractor turns the page at path into its title and text; an error means
// the page was refused.
type extractor struct {
	name    string
	extract func(e entry) (extracted, error)
}

// extracted is what an extractor keeps of a page.
type extracted struct{ title, text string }

// scored is what the benchmark's snippets are looked for in.
func (x extracted) scored() string { return x.title + "\n" + x.text }

var briefbot = extractor{"briefbot (source)", func(e entry) (extracted, error) {
	docs, errs := ingest.Load([]string{e.Path}, ingest.Options{})
	if len(docs) == 0 {
		return extracted{}, fmt.Errorf("refused: %v", errs)
	}
	d := docs[0]
	paras := make([]string, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		paras[i] = d.ParagraphText(int(p.N))
	}
	return extracted{d.Title, strings.Join(paras, "\n")}, nil
}}

// library runs go-trafilatura as its benchmark does for its best figure:
// fallback extractors on, tables kept, comments left out.
var library = extractor{"go-trafilatura v1.12.2 alone (EnableFallback)", func(e entry) (extracted, error) {
	f, err := os.Open(e.Path)
	if err != nil {
		return extracted{}, err
	}
	defer f.Close()
	res, err := trafilatura.Extract(f, trafilatura.Options{EnableFallback: true, ExcludeComments: true})
	if err != nil {
		return extracted{}, err
	}
	if strings.TrimSpace(res.ContentText) == "" {
		return extracted{}, fmt.Errorf("no text")
	}
	return extracted{res.Metadata.Title, res.ContentText}, nil
}}

// outcome is one page's score for one extractor.
type outcome struct {
	score
	title   string
	text    string
	refused bool
	missed  []string // "with" snippets not found
	kept    []string // "without" snippets found
}

func runAll(pages []entry, x extractor, jobs int) []outcome {
	out := make([]outcome, len(pages))
	var wg sync.WaitGroup
	slots := make(chan struct{}, jobs)
	for i, p := range pages {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			x, err := x.extract(p)
			out[i] = evaluate(p, x, err != nil)
		}()
	}
	wg.Wait()
	return out
}

func evaluate(e entry, x extracted, refused bool) outcome {
	text := x.scored()
	o := outcome{title: x.title, text: text, refused: refused}
	if refused {
		o.text, o.title = "", ""
		o.missed = e.With
		o.fn = len(e.With)
		return o
	}
	for _, s := range e.With {
		if strings.Contains(text, s) {
			o.tp++
		} else {
			o.fn++
			o.missed = append(o.missed, s)
		}
	}
	for _, s := range e.Without {
		if strings.Contains(text, s) {
			o.fp++
			o.kept = append(o.kept, s)
		}
	}
	return o
}

// score counts the benchmark's positives and negatives.
type score struct{ tp, fn, fp int }

type sum struct {
	score
	refused int
}

func total(outcomes []outcome) sum {
	var s sum
	for _, o := range outcomes {
		s.tp += o.tp
		s.fn += o.fn
		s.fp += o.fp
		if o.refused {
			s.refused++
		}
	}
	return s
}

func (s score) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s score) recall() float64    { return ratio(s.tp, s.tp+s.fn) }
func (s score) f() float64         { return ratio(2*s.tp, 2*s.tp+s.fp+s.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// findPage returns where the benchmark keeps a page: test-files/comparison,
// else test-files/mock, as its own scripts look.
func findPage(dir, file string) string {
	p := filepath.Join(dir, "test-files", "comparison", file)
	if _, err := os.Stat(p); err == nil {
		return p
	}
	return filepath.Join(dir, "test-files", "mock", file)
}

// writeLosses lists every page where briefbot misses a snippet or keeps
// boilerplate, each marked when the library does the same, for whoever
// improves the cleaning.
func writeLosses(path string, pages []entry, ours, theirs []outcome) error {
	var b strings.Builder
	for i, p := range pages {
		o, t := ours[i], theirs[i]
		wrongTitle := p.Title != "" && !sameTitle(o.title, p.Title)
		if o.fn == 0 && o.fp == 0 && !wrongTitle && !o.refused {
			continue
		}
		fmt.Fprintf(&b, "== %s (%s) refused=%v library-refused=%v\n", p.File, p.URL, o.refused, t.refused)
		if wrongTitle {
			fmt.Fprintf(&b, "  title: %q, annotated %q%s\n", o.title, p.Title, also(!sameTitle(t.title, p.Title)))
		}
		for _, s := range o.missed {
			fmt.Fprintf(&b, "  missed: %q%s\n", s, also(t.refused || !strings.Contains(t.text, s)))
		}
		lines := strings.Split(o.text, "\n")
		for _, s := range o.kept {
			fmt.Fprintf(&b, "  kept: %q%s\n", s, also(strings.Contains(t.text, s)))
			for i, l := range lines {
				if strings.Contains(l, s) {
					fmt.Fprintf(&b, "    in line %d of %d: %.200q\n", i+1, len(lines), l)
				}
			}
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func also(library bool) string {
	if library {
		return " (library too)"
	}
	return ""
}

func showPage(w io.Writer, pages []entry, file string, extractors []extractor) error {
	for _, p := range pages {
		if p.File != file {
			continue
		}
		fmt.Fprintf(w, "with: %q\nwithout: %q\n", p.With, p.Without)
		for _, x := range extractors {
			got, err := x.extract(p)
			o := evaluate(p, got, err != nil)
			fmt.Fprintf(w, "\n==== %s: missed %q, kept %q, error %v\n%s\n", x.name, o.missed, o.kept, err, o.text)
		}
		return nil
	}
	return fmt.Errorf("no page %q in the benchmark", file)
}

// sameTitle compares titles as a reader would: spacing aside.
func sameTitle(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}
