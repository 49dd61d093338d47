package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// runConfig is what one run of the harness measures and where it writes.
type runConfig struct {
	sizes, engines   []string
	corpora, out, md string
	note             string
	breakdownLimit   int64 // largest size whose stages are timed one by one
}

// runAll measures every engine on every size, each engine in a process of
// its own so that peak memory and start-up are its own, and writes the
// results after each size so that a long run keeps what it finished.
func runAll(cfg childConfig, run runConfig) error {
	if cfg.Pprof != "" {
		if err := os.MkdirAll(cfg.Pprof, 0o755); err != nil {
			return err
		}
	}
	res := newResults(cfg)
	res.Note = run.note
	for _, label := range run.sizes {
		target, err := parseSize(label)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "%s: preparing the corpus\n", label)
		m, manifestPath, err := ensureCorpus(filepath.Join(run.corpora, "gen"), label, target, cfg.Seed, func() ([]speech, error) {
			return readSources(run.corpora)
		})
		if err != nil {
			return err
		}
		sr := sizeResult{Label: label, Bytes: m.Bytes, Docs: m.Docs, Copies: m.Copies, Engines: map[string]engineResult{}, Failed: map[string]string{}}
		c := cfg
		c.Manifest = manifestPath
		c.Names = filepath.Join(filepath.Dir(manifestPath), "actor-names.txt")
		c.Breakdown = target <= run.breakdownLimit
		if cfg.Pprof != "" {
			c.Pprof = filepath.Join(cfg.Pprof, label)
			if err := os.MkdirAll(c.Pprof, 0o755); err != nil {
				return err
			}
		}
		for _, name := range run.engines {
			fmt.Fprintf(os.Stderr, "%s: measuring %s\n", label, name)
			r, err := measure(c, name)
			if err != nil {
				// Keep going: a crash or an out-of-memory kill is itself a result.
				fmt.Fprintf(os.Stderr, "%s: %s failed: %v\n", label, name, err)
				sr.Failed[name] = err.Error()
				continue
			}
			sr.Engines[name] = r
		}
		res.add(sr)
		if err := res.write(run.out, run.md); err != nil {
			return err
		}
	}
	return nil
}

// measure runs one engine's child; briefbot's is then started again from
// the snapshot it kept, as a restarted server would be.
func measure(c childConfig, name string) (engineResult, error) {
	c.Engine = name
	if name != engineBriefbot {
		return spawn(c)
	}
	dir, err := os.MkdirTemp("", "bench-snapshot-*")
	if err != nil {
		return engineResult{}, err
	}
	defer os.RemoveAll(dir)
	c.Snapshot = dir
	r, err := spawn(c)
	if err != nil || r.Snapshot == nil {
		return r, err
	}
	fmt.Fprintf(os.Stderr, "measuring a restart of %s from its snapshot\n", name)
	restarted, err := spawnRestart(c)
	if err != nil {
		return engineResult{}, fmt.Errorf("restart from the snapshot: %w", err)
	}
	restarted.Bytes, restarted.SaveMS = r.Snapshot.Bytes, r.Snapshot.SaveMS
	restarted.SameAnswers = restarted.Digest == r.Snapshot.Digest
	r.Snapshot = &restarted
	return r, nil
}
