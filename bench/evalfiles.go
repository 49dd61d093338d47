package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/eval"
	"briefbot/knowledge/ingest"
)

// questionFile is one -eval: a question file and the documents it is asked
// on (none: the embedded seeds).
type questionFile struct {
	Path string
	Docs []string
	// Lower asks the questions in lower case, as people type in chat: the
	// answers should not depend on the shift key.
	Lower bool
}

// questionFiles collects repeated -eval flags. A value is QUESTIONS or
// QUESTIONS=DOCS, DOCS being a file or a folder; a file without DOCS is asked
// on the -eval-docs corpus, or on the seeds when there is none.
type questionFiles []questionFile

func (q *questionFiles) String() string {
	var s []string
	for _, f := range *q {
		s = append(s, f.Path)
	}
	return strings.Join(s, ",")
}

func (q *questionFiles) Set(v string) error {
	path, docs, _ := strings.Cut(v, "=")
	if path == "" {
		return errors.New("want QUESTIONS.jsonl or QUESTIONS.jsonl=DOCS")
	}
	f := questionFile{Path: path}
	if docs != "" {
		f.Docs = []string{docs}
	}
	*q = append(*q, f)
	return nil
}

// pathList collects a repeatable flag of paths.
type pathList []string

func (p *pathList) String() string     { return strings.Join(*p, ",") }
func (p *pathList) Set(v string) error { *p = append(*p, v); return nil }

// evalResult is one question file scored by each engine on one corpus.
type evalResult struct {
	Questions string                 `json:"questions"`
	Lower     bool                   `json:"lower,omitempty"` // asked in lower case
	Docs      []string               `json:"docs"`            // empty: the embedded seeds
	Documents int                    `json:"documents"`
	Engines   map[string]eval.Report `json:"engines"`
}

// runQuestionFiles asks every question file of every engine and scores it
// with the project's own rule (knowledge/eval). Each corpus is loaded once,
// with ingest.Load as `briefbot eval --docs` does, and each engine is built
// on it once for all the files asked on it. It prints one table per file to
// w and, when out is set, writes the reports (failures included) as JSON.
func runQuestionFiles(files []questionFile, defaultDocs, engines []string, out string, w, logw io.Writer) ([]evalResult, error) {
	if len(engines) == 0 {
		return nil, errors.New("no engine to run")
	}
	results := make([]evalResult, len(files))
	questions := make([][]eval.Question, len(files))
	for i, f := range files {
		if f.Docs == nil {
			f.Docs = defaultDocs
		}
		qs, err := loadQuestions(f.Path)
		if err != nil {
			return nil, err
		}
		if f.Lower {
			for j := range qs {
				qs[j].Question = strings.ToLower(qs[j].Question)
			}
		}
		questions[i] = qs
		results[i] = evalResult{Questions: f.Path, Lower: f.Lower, Docs: slices.Clone(f.Docs), Engines: map[string]eval.Report{}}
		if results[i].Docs == nil {
			results[i].Docs = []string{}
		}
	}
	// Group the files by corpus, keeping the order in which each first appears.
	var corpora []string
	byCorpus := map[string][]int{}
	for i, r := range results {
		key := strings.Join(r.Docs, "\x00")
		if _, ok := byCorpus[key]; !ok {
			corpora = append(corpora, key)
		}
		byCorpus[key] = append(byCorpus[key], i)
	}
	for _, key := range corpora {
		idx := byCorpus[key]
		docs, err := loadCorpus(results[idx[0]].Docs, logw)
		if err != nil {
			return nil, err
		}
		for _, name := range engines {
			fmt.Fprintf(logw, "%s: building %s on %d documents\n", corpusName(results[idx[0]].Docs), name, len(docs))
			e, err := newEngine(name, childConfig{BleveBatch: defaultBleveBatch})
			if err != nil {
				return nil, err
			}
			if err := e.add(docs); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			if _, err := e.finish(); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			for _, i := range idx {
				results[i].Documents = len(docs)
				results[i].Engines[name] = eval.Run(questions[i], e.ask)
			}
			e.close()
		}
		for _, i := range idx {
			printEval(w, results[i], engines)
		}
	}
	if out != "" {
		b, err := json.MarshalIndent(results, "", "  ")
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(out, append(b, '\n'), 0o644); err != nil {
			return nil, err
		}
	}
	return results, nil
}

// loadCorpus loads the documents at paths as the CLI does, reporting each
// unreadable file; no paths means the embedded seeds.
func loadCorpus(paths []string, logw io.Writer) ([]*corpus.Document, error) {
	if len(paths) == 0 {
		return ingest.Seeds(), nil
	}
	docs, errs := ingest.Load(paths, ingest.Options{})
	for _, err := range errs {
		fmt.Fprintln(logw, "skipped", err)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no readable document", corpusName(paths))
	}
	return docs, nil
}

func corpusName(paths []string) string {
	if len(paths) == 0 {
		return "the seeds"
	}
	return strings.Join(paths, ",")
}

// printEval writes one file's pass counts, a column per engine, a row per
// kind and the total last.
func printEval(w io.Writer, r evalResult, engines []string) {
	asked := ""
	if r.Lower {
		asked = ", asked in lower case"
	}
	fmt.Fprintf(w, "%s on %s (%d documents%s)\n", filepath.Base(r.Questions), corpusName(r.Docs), r.Documents, asked)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "kind\t"+strings.Join(engines, "\t"))
	var kinds []string
	for _, name := range engines {
		for _, k := range r.Engines[name].Kinds {
			if !slices.Contains(kinds, k.Kind) {
				kinds = append(kinds, k.Kind)
			}
		}
	}
	slices.Sort(kinds)
	for _, kind := range append(kinds, "total") {
		row := []string{kind}
		for _, name := range engines {
			row = append(row, passCount(r.Engines[name], kind))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	tw.Flush()
	fmt.Fprintln(w)
}

// passCount is "passed/total" of one kind of a report, or of all of it.
func passCount(rep eval.Report, kind string) string {
	if kind == "total" {
		return fmt.Sprintf("%d/%d", rep.Passed, rep.Total)
	}
	for _, k := range rep.Kinds {
		if k.Kind == kind {
			return fmt.Sprintf("%d/%d", k.Passed, k.Total)
		}
	}
	return "-"
}
