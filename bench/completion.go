package main

import (
	"bufio"
	"os"
	"time"
)

// measureCompletion times Complete on prefixes of cfg.CompleteQueries names
// out of at least cfg.NameCount. When the corpus has that many actors, the
// names are all of briefbot's actors (written to cfg.Names, so that bleve
// completes over the same ones); otherwise both engines complete over the
// same synthetic names, which briefbot learns from a roster corpus of its own.
func measureCompletion(e engine, cfg childConfig, r *engineResult) error {
	found := e.actorNames()
	if cfg.Engine == engineBriefbot && cfg.Names != "" {
		if err := writeNames(cfg.Names, found); err != nil {
			return err
		}
	} else if cfg.Names != "" {
		found = readNames(cfg.Names)
	}
	names, own := found, len(found) >= cfg.NameCount
	if !own {
		names = syntheticNames(cfg.NameCount, cfg.Seed)
	}
	pool, err := e.prepareCompletion(names, own)
	if err != nil {
		return err
	}
	r.CompletePool, r.CompleteSynthetic = pool, !own
	ps := prefixes(names, cfg.CompleteQueries, cfg.Seed)
	times := make([]time.Duration, len(ps))
	for i, p := range ps {
		t := time.Now()
		e.complete(p)
		times[i] = time.Since(t)
	}
	r.Complete = summarize(times)
	return nil
}

func readNames(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		names = append(names, sc.Text())
	}
	return names
}

func writeNames(path string, names []string) error {
	var b []byte
	for _, n := range names {
		b = append(b, n...)
		b = append(b, '\n')
	}
	return os.WriteFile(path, b, 0o644)
}
