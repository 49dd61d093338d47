package main

import (
	"fmt"
	"strings"
)

// markdown renders the results as the README section of the issue: machine,
// date, one table per size with the ratios, the targets, and latency growth.
func (r *results) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "## Results\n\n")
	fmt.Fprintf(&b, "Measured %s on %d × %s, %s memory, %s %s; load average at the start %s.\n",
		r.Date, r.Machine.CPUs, r.Machine.Model, fmtBytes(r.Machine.MemBytes), r.Machine.Go, r.Machine.OS, r.Machine.Load)
	if r.Note != "" {
		fmt.Fprintf(&b, "\n**Note:** %s\n\n", r.Note)
	}
	fmt.Fprintf(&b, "Seed %d; %d generated questions per size; %d prefixes completed over %d names. bleve: %s, batches of %d.\n", r.Seed, r.Questions, r.Prefixes, r.Names, r.Bleve, r.Batch)
	for _, s := range r.Sizes {
		fmt.Fprintf(&b, "\n### %s: %s of text, %d documents (SOTU + Brown, copies: %d), seeds on top\n\n", s.Label, fmtBytes(s.Bytes), s.Docs, s.Copies)
		b.WriteString(s.table())
		for _, name := range []string{engineBriefbot, engineBleve} {
			if why, ok := s.Failed[name]; ok {
				fmt.Fprintf(&b, "\n**%s failed on this size:** %s\n", name, why)
			}
		}
		if len(s.Targets) > 0 {
			fmt.Fprintf(&b, "\n| target | value | met |\n|---|---|---|\n")
			for _, t := range s.Targets {
				fmt.Fprintf(&b, "| %s | %s | %s |\n", t.Name, t.Value, yesNo(t.Met))
			}
		}
	}
	if len(r.Growth) > 0 {
		fmt.Fprintf(&b, "\n### Ask p99 growth (p99 ∝ size^k; k < 1 is sublinear)\n\n| engine | from | to | k |\n|---|---|---|---|\n")
		for _, g := range r.Growth {
			fmt.Fprintf(&b, "| %s | %s | %s | %.2f |\n", g.Engine, g.From, g.To, g.Exponent)
		}
	}
	return b.String()
}

// table lays out one size: a row per figure, a column per engine, and the
// ratio briefbot / bleve.
func (s sizeResult) table() string {
	var b strings.Builder
	b.WriteString("| figure | briefbot | bleve | briefbot / bleve |\n|---|---|---|---|\n")
	row := func(name string, cell func(engineResult) string, ratio string) {
		cells := make([]string, 2)
		for i, e := range []string{engineBriefbot, engineBleve} {
			cells[i] = "–"
			if r, ok := s.Engines[e]; ok {
				cells[i] = cell(r)
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", name, cells[0], cells[1], ratio)
	}
	q := ratios{}
	if s.Ratios != nil {
		q = *s.Ratios
	}
	row("sentences indexed", func(r engineResult) string { return fmt.Sprint(r.Units) }, "")
	row("build throughput (ingest + engine)", func(r engineResult) string { return fmt.Sprintf("%.2f MB/s", r.ThroughputMBs) }, fmtRatio(q.BuildThroughput))
	row("engine build throughput", func(r engineResult) string { return fmt.Sprintf("%.2f MB/s", r.OwnMBs) }, fmtRatio(q.EngineThroughput))
	if q.IndexThroughput > 0 {
		row("index stage throughput (briefbot: answer index only)", func(r engineResult) string {
			return fmt.Sprintf("%.2f MB/s", indexThroughput(r, s.Bytes))
		}, fmtRatio(q.IndexThroughput))
	}
	row("stages", func(r engineResult) string { return fmtStages(r.StagesMS) }, "")
	if s.stageFailures() {
		row("stages that failed", func(r engineResult) string { return strings.Join(r.StageErrors, "; ") }, "")
	}
	row("start-up (launch to ready)", func(r engineResult) string { return fmtMS(r.StartupMS) }, "")
	if s.Engines[engineBriefbot].Snapshot != nil {
		row("restart from the snapshot: launch to ready (hash files, read alongside)", func(r engineResult) string {
			sn := r.Snapshot
			if sn == nil {
				return "–"
			}
			return fmt.Sprintf("%s (%s, %s); %s on disk, kept in %s; same answers: %s", fmtMS(sn.StartupMS), fmtMS(sn.KeyMS),
				fmtMS(sn.LoadMS), fmtBytes(sn.Bytes), fmtMS(sn.SaveMS), yesNo(sn.SameAnswers))
		}, "")
		row("one new document served (Amend: a segment of its own, the whole base rebuilt meanwhile)", func(r engineResult) string {
			if r.Snapshot == nil || r.Snapshot.AmendMS == 0 {
				return "–"
			}
			return fmt.Sprintf("%s, cited: %s", fmtMS(r.Snapshot.AmendMS), yesNo(r.Snapshot.AmendCited))
		}, "")
	}
	row("peak RSS", func(r engineResult) string { return fmtBytes(r.PeakRSS) }, fmtRatio(q.PeakRSS))
	row("live heap after build", func(r engineResult) string { return fmtBytes(r.LiveHeap) }, fmtRatio(q.LiveHeap))
	if sn, bleve := s.Engines[engineBriefbot].Snapshot, s.Engines[engineBleve]; sn != nil && sn.LiveHeap > 0 && bleve.LiveHeap > 0 {
		// What a served base keeps after a restart (its snapshot mapped
		// where the system can), against bleve's index after its build.
		row("live heap after a restart (briefbot) / after build (bleve)", func(r engineResult) string {
			if r.Snapshot == nil {
				return fmtBytes(r.LiveHeap)
			}
			return fmtBytes(r.Snapshot.LiveHeap)
		}, fmtRatio(float64(sn.LiveHeap)/float64(bleve.LiveHeap)))
	}
	row("ask p50 / p99 / max", func(r engineResult) string {
		return fmt.Sprintf("%s / %s / %s", fmtMS(r.Ask.P50), fmtMS(r.Ask.P99), fmtMS(r.Ask.Max))
	}, fmtRatio(q.AskP99)+" (p99)")
	row("hit@1 / hit@3", func(r engineResult) string {
		return fmt.Sprintf("%.1f%% / %.1f%% of %d", 100*r.HitAt1, 100*r.HitAt3, r.Questions)
	}, fmtPoints(q.HitAt3Points)+" (hit@3)")
	row("sample questions on the seeds", func(r engineResult) string { return fmtScore(r.SampleOnSeeds) }, fmtDiff(q.SampleSeedsPoints))
	row("sample questions on this corpus", func(r engineResult) string { return fmtScore(r.SampleOnCorpus) }, "")
	row("Complete p50 / p99 (names completed over)", func(r engineResult) string {
		kind := "corpus actors"
		if r.CompleteSynthetic {
			kind = "synthetic roster"
		}
		return fmt.Sprintf("%s / %s (%d, %s)", fmtMS(r.Complete.P50), fmtMS(r.Complete.P99), r.CompletePool, kind)
	}, fmtRatio(q.CompleteP99)+" (p99)")
	return b.String()
}

func (s sizeResult) stageFailures() bool {
	for _, r := range s.Engines {
		if len(r.StageErrors) > 0 {
			return true
		}
	}
	return false
}

func fmtStages(st map[string]float64) string {
	var parts []string
	for _, k := range stageOrder(st) {
		parts = append(parts, fmt.Sprintf("%s %s", k, fmtMS(st[k])))
	}
	return strings.Join(parts, ", ")
}

// stageOrder lists the stages in pipeline order, unknown ones last.
func stageOrder(st map[string]float64) []string {
	known := []string{"read", "clean+segment", "knowledge.New", "actors", "claims", "index"}
	var out []string
	for _, k := range known {
		if _, ok := st[k]; ok {
			out = append(out, k)
		}
	}
	for k := range st {
		if !contains(known, k) {
			out = append(out, k)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func fmtMS(v float64) string {
	if v >= 1000 {
		return fmt.Sprintf("%.2f s", v/1000)
	}
	return fmt.Sprintf("%.3g ms", v)
}

func fmtBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

func fmtRatio(v float64) string {
	if v == 0 {
		return "–"
	}
	return fmt.Sprintf("%.3g×", v)
}

func fmtPoints(v float64) string { return fmt.Sprintf("%+.1f points", v) }
func fmtDiff(n int) string       { return fmt.Sprintf("%+d", n) }
func fmtScore(s score) string    { return fmt.Sprintf("%d/%d", s.Passed, s.Total) }

func yesNo(ok bool) string {
	if ok {
		return "yes"
	}
	return "no"
}
