package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"briefbot/knowledge/corpus"
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
	Pprof           string // directory for CPU profiles of build, ask and restart, or ""
	BleveBatch      int    // units per bleve batch
	Breakdown       bool   // whether to build the stages again one by one
	Snapshot        string // briefbot: directory where the built base is kept, for the restart
	Restart         bool   // start from the snapshot instead of building
	Out             string // where the result goes
}

// readyLine tells the parent that the engine is built and could serve: the
// parent times start-up up to it.
const readyLine = "READY"

// maxMisses bounds the missed questions kept for inspection, and the
// slowest ones.
const maxMisses = 10

// slowQuestion is one question with the time it took, for finding what
// makes the tail of the latency.
type slowQuestion struct {
	Text string  `json:"text"`
	MS   float64 `json:"ms"`
}

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
	Misses            []question         `json:"misses,omitempty"`  // the first questions not answered in the top 3
	Slowest           []slowQuestion     `json:"slowest,omitempty"` // the questions that took longest, slowest first
	Questions         int                `json:"questions"`
	QuestionsHash     string             `json:"questions_sha256"`
	SampleOnSeeds     score              `json:"sample_on_seeds"`
	SampleOnCorpus    score              `json:"sample_on_corpus"`
	Complete          latency            `json:"complete"`
	CompletePool      int                `json:"complete_pool"` // names the engine completes over
	CompleteSynthetic bool               `json:"complete_synthetic"`
	Snapshot          *snapshotResult    `json:"snapshot,omitempty"`
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
	sample, err := loadQuestions(cfg.Sample)
	if err != nil {
		return err
	}
	r := engineResult{Engine: cfg.Engine, StagesMS: map[string]float64{}}
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
	heapProfile(cfg.Pprof, cfg.Engine+"-heap.prof")

	stop = profile(cfg.Pprof, cfg.Engine+"-ask.prof")
	askAll(e, qs, &r)
	stop()
	r.SampleOnCorpus = scoreSample(sample, e.ask)
	// Peak memory is the build's and the questions': what follows is the
	// harness's own (a seeds-only build, a roster corpus, a stage breakdown).
	r.PeakRSS = peakRSS()
	if r.SampleOnSeeds, err = sampleOnSeeds(cfg, sample); err != nil {
		return err
	}
	if err := measureCompletion(e, cfg, &r); err != nil {
		return err
	}
	if b, ok := e.(*briefbotEngine); ok && cfg.Snapshot != "" {
		if r.Snapshot, err = keepSnapshot(b.base, m, cfg.Snapshot); err != nil {
			return err
		}
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

// addBreakdown records the stages timed one by one and sets the build
// throughputs. The engine's build time is its build as measured: the
// facade builds every stage, some side by side, so the stages' sum (built
// one after the other) says where the time goes, not how long a build
// takes.
func (r *engineResult) addBreakdown(stages map[string]time.Duration, mb float64) {
	for name, d := range stages {
		r.StagesMS[name] = ms(d)
	}
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

func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
