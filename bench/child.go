package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"briefbot/knowledge/answer"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/eval"
	"briefbot/knowledge/ingest"
)

// childConfig is what the parent tells a measuring child.
type childConfig struct {
	Engine          string
	Manifest        string // path of the corpus manifest
	Questions       int    // generated questions over the whole corpus
	Seed            uint64
	Sample          string // eval question file, asked on the seeds and on the corpus
	Names           string // file of actor names: written by briefbot, read by bleve
	NameCount       int    // how many names to complete over
	CompleteQueries int    // how many prefixes of them to complete
	Pprof           string // directory for CPU profiles of build and ask, or ""
	BleveBatch      int    // units per bleve batch
	Breakdown       bool   // whether to build the stages again one by one
	Out             string // where the result goes
}

// readyLine tells the parent that the engine is built and could serve: the
// parent times start-up up to it.
const readyLine = "READY"

// maxMisses bounds the missed questions kept for inspection.
const maxMisses = 10

// warmUp questions are asked before timing, so one-off first-query costs do
// not count as tail latency.
const warmUp = 5

// engineResult is what one engine measured on one corpus.
type engineResult struct {
	Engine            string             `json:"engine"`
	Units             int                `json:"units"` // sentences in the corpus
	LoadErrors        int                `json:"load_errors"`
	StartupMS         float64            `json:"startup_ms"` // set by the parent
	IngestMS          float64            `json:"ingest_ms"`  // read, clean and segment
	BuildMS           float64            `json:"build_ms"`   // ingest plus the engine's own stages
	OwnMS             float64            `json:"engine_build_ms"`
	ThroughputMBs     float64            `json:"build_mb_per_s"`
	OwnMBs            float64            `json:"engine_build_mb_per_s"`
	StagesMS          map[string]float64 `json:"stages_ms"`
	StageErrors       []string           `json:"stage_errors,omitempty"`
	PeakRSS           int64              `json:"peak_rss_bytes"`
	LiveHeap          int64              `json:"live_heap_bytes"`
	Ask               latency            `json:"ask"`
	HitAt1            float64            `json:"hit_at_1"`
	HitAt3            float64            `json:"hit_at_3"`
	Misses            []question         `json:"misses,omitempty"` // the first questions not answered in the top 3
	Questions         int                `json:"questions"`
	QuestionsHash     string             `json:"questions_sha256"`
	SampleOnSeeds     score              `json:"sample_on_seeds"`
	SampleOnCorpus    score              `json:"sample_on_corpus"`
	Complete          latency            `json:"complete"`
	CompletePool      int                `json:"complete_pool"` // names the engine completes over
	CompleteSynthetic bool               `json:"complete_synthetic"`
}

// score is a pass count under the evaluation rule.
type score struct {
	Passed int `json:"passed"`
	Total  int `json:"total"`
}

func runChild(cfg childConfig) error {
	m, err := readManifest(cfg.Manifest)
	if err != nil {
		return err
	}
	sample, err := loadSample(cfg.Sample)
	if err != nil {
		return err
	}
	r := engineResult{Engine: cfg.Engine, StagesMS: map[string]float64{}}
	if r.SampleOnSeeds, err = sampleOnSeeds(cfg, sample); err != nil {
		return err
	}
	e, err := newEngine(cfg.Engine, cfg)
	if err != nil {
		return err
	}
	defer e.close()
	stop := profile(cfg.Pprof, cfg.Engine+"-build.prof")
	qs, err := build(e, m, cfg, &r)
	stop()
	if err != nil {
		return err
	}
	fmt.Println(readyLine)
	r.LiveHeap = liveHeap()

	stop = profile(cfg.Pprof, cfg.Engine+"-ask.prof")
	askAll(e, qs, &r)
	stop()
	r.SampleOnCorpus = scoreSample(sample, e.ask)
	// Peak memory is the build's and the questions': what follows is the
	// harness's own (a roster corpus, a stage breakdown).
	r.PeakRSS = peakRSS()
	if err := measureCompletion(e, cfg, &r); err != nil {
		return err
	}
	var stages map[string]time.Duration
	if cfg.Breakdown {
		stop = profile(cfg.Pprof, cfg.Engine+"-stages.prof")
		stages, r.StageErrors = e.stages()
		stop()
	}
	r.addBreakdown(stages, float64(m.Bytes)/1e6)
	return writeJSON(cfg.Out, r)
}

// addBreakdown records the stages timed one by one and sets the build time
// and throughputs. The engine's build time is the larger of its build and
// the sum of its stages: until the facade is wired to the stages, its build
// is a placeholder that costs nothing.
func (r *engineResult) addBreakdown(stages map[string]time.Duration, mb float64) {
	var sum float64
	for name, d := range stages {
		r.StagesMS[name] = ms(d)
		sum += ms(d)
	}
	r.OwnMS = max(r.OwnMS, sum)
	r.BuildMS = r.IngestMS + r.OwnMS
	r.ThroughputMBs = ratio(mb, r.BuildMS/1000)
	r.OwnMBs = ratio(mb, r.OwnMS/1000)
}

// build loads the corpus a shard at a time, draws the questions from each
// shard as it passes, and hands the shard to the engine. The seeds come first.
// Build time is ingest plus the engine's own stages; the separate read and
// the drawing of questions are measured apart and left out.
func build(e engine, m manifest, cfg childConfig, r *engineResult) ([]question, error) {
	seeds := ingest.Seeds()
	r.Units += units(seeds)
	var read, ingestTime, drawing time.Duration
	start := time.Now()
	if err := e.add(seeds); err != nil {
		return nil, err
	}
	perShard := (cfg.Questions + len(m.Shards) - 1) / max(len(m.Shards), 1)
	var qs []question
	for i, shard := range m.Shards {
		// Read once on its own to split reading from cleaning; the file is
		// then in the page cache for both, as it is in the timed load.
		t := time.Now()
		if _, err := os.ReadFile(shard); err != nil {
			return nil, err
		}
		read += time.Since(t)
		t = time.Now()
		docs, errs := ingest.Load([]string{shard}, ingest.Options{})
		ingestTime += time.Since(t)
		r.LoadErrors += len(errs)
		r.Units += units(docs)
		t = time.Now()
		qs = append(qs, newQuestionMaker(cfg.Seed, uint64(i)).draw(docs, perShard)...)
		drawing += time.Since(t)
		if err := e.add(docs); err != nil {
			return nil, err
		}
	}
	stages, err := e.finish()
	if err != nil {
		return nil, err
	}
	r.IngestMS = ms(ingestTime)
	r.OwnMS = ms(time.Since(start) - read - drawing - ingestTime)
	r.StagesMS["read"] = ms(read)
	r.StagesMS["clean+segment"] = ms(ingestTime - read)
	for name, d := range stages {
		r.StagesMS[name] = ms(d)
	}
	if len(qs) > cfg.Questions {
		qs = qs[:cfg.Questions]
	}
	return qs, nil
}

func units(docs []*corpus.Document) int {
	n := 0
	for _, d := range docs {
		n += len(d.Sentences)
	}
	return n
}

// askAll times every generated question and scores hit@1 and hit@3: the
// known sentence appears, normalised, in the top 1 or 3 answers.
func askAll(e engine, qs []question, r *engineResult) {
	h := sha256.New()
	for _, q := range qs {
		h.Write([]byte(q.Text + "\x00"))
	}
	r.Questions, r.QuestionsHash = len(qs), hex.EncodeToString(h.Sum(nil))
	for _, q := range qs[:min(warmUp, len(qs))] {
		e.ask(q.Text, 3)
	}
	times := make([]time.Duration, 0, len(qs))
	hit1, hit3 := 0, 0
	for _, q := range qs {
		t := time.Now()
		res := e.ask(q.Text, 3)
		times = append(times, time.Since(t))
		if found(q, res, 1) {
			hit1++
		}
		if found(q, res, 3) {
			hit3++
		} else if len(r.Misses) < maxMisses {
			r.Misses = append(r.Misses, q)
		}
	}
	r.Ask = summarize(times)
	if len(qs) > 0 {
		r.HitAt1, r.HitAt3 = float64(hit1)/float64(len(qs)), float64(hit3)/float64(len(qs))
	}
}

// found applies the evaluation rule with the known sentence as the expected
// phrase.
func found(q question, res answer.Result, k int) bool {
	ok, _ := eval.Score(eval.Question{Question: q.Text, ExpectAny: []string{q.Answer}, K: k}, res)
	return ok
}

func loadSample(path string) ([]eval.Question, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("sample questions: %w", err)
	}
	defer f.Close()
	return eval.Load(f)
}

func scoreSample(qs []eval.Question, ask func(string, int) answer.Result) score {
	rep := eval.Run(qs, ask)
	return score{Passed: rep.Passed, Total: rep.Total}
}

// sampleOnSeeds scores the sample questions on an engine built from the
// seeds alone, the corpus they were written for.
func sampleOnSeeds(cfg childConfig, qs []eval.Question) (score, error) {
	e, err := newEngine(cfg.Engine, cfg)
	if err != nil {
		return score{}, err
	}
	defer e.close()
	if err := e.add(ingest.Seeds()); err != nil {
		return score{}, err
	}
	if _, err := e.finish(); err != nil {
		return score{}, err
	}
	return scoreSample(qs, e.ask), nil
}

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

// profile starts a CPU profile in dir/name and returns its stop; with no
// dir it does nothing.
func profile(dir, name string) func() {
	if dir == "" {
		return func() {}
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		fmt.Fprintln(os.Stderr, "pprof:", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "pprof:", err)
		f.Close()
		return func() {}
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}

func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
