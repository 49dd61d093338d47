package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"time"
)

// bleveSetup says how bleve was run, for the record.
const bleveSetup = "github.com/blevesearch/bleve/v2 v2.5.7: in-memory scorch index, BM25, English analyzer, sentences stored, match query"

// results is one run of the harness.
type results struct {
	Machine   machine      `json:"machine"`
	Date      string       `json:"date"`
	Note      string       `json:"note,omitempty"`
	Seed      uint64       `json:"seed"`
	Questions int          `json:"questions_per_size"`
	Names     int          `json:"names_completed_over"`
	Prefixes  int          `json:"prefixes_completed"`
	Bleve     string       `json:"bleve"`
	Batch     int          `json:"bleve_batch"`
	Sizes     []sizeResult `json:"sizes"`
	Growth    []growth     `json:"growth,omitempty"`
}

// sizeResult is every engine measured on one corpus size.
type sizeResult struct {
	Label   string                  `json:"label"`
	Bytes   int64                   `json:"text_bytes"`
	Docs    int                     `json:"docs"`
	Copies  int                     `json:"copies"`
	Engines map[string]engineResult `json:"engines"`
	Failed  map[string]string       `json:"failed,omitempty"` // engine -> why it has no figures
	Ratios  *ratios                 `json:"ratios,omitempty"`
	Targets []target                `json:"targets,omitempty"`
}

// ratios compare briefbot with bleve: briefbot's figure over bleve's, or for
// hit rates the difference in points.
type ratios struct {
	AskP99           float64 `json:"ask_p99"`
	BuildThroughput  float64 `json:"build_throughput"`
	EngineThroughput float64 `json:"engine_build_throughput"`
	// IndexThroughput compares the index stages alone: briefbot's answer
	// index (its actors and claims left out) and bleve's whole build.
	IndexThroughput   float64 `json:"index_stage_throughput,omitempty"`
	LiveHeap          float64 `json:"live_heap"`
	PeakRSS           float64 `json:"peak_rss"`
	CompleteP99       float64 `json:"complete_p99"`
	HitAt3Points      float64 `json:"hit_at_3_points"`
	SampleSeedsPoints int     `json:"sample_on_seeds_passed_difference"`
}

// target is one of the performance targets, checked.
type target struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	Met   bool   `json:"met"`
}

// growth is how ask p99 grows with the corpus: p99 ~ size^Exponent.
type growth struct {
	Engine   string  `json:"engine"`
	From     string  `json:"from"`
	To       string  `json:"to"`
	Exponent float64 `json:"exponent"`
}

func newResults(cfg childConfig) *results {
	return &results{
		Machine:   thisMachine(),
		Date:      time.Now().UTC().Format(time.RFC3339),
		Seed:      cfg.Seed,
		Questions: cfg.Questions,
		Names:     cfg.NameCount,
		Prefixes:  cfg.CompleteQueries,
		Bleve:     bleveSetup,
		Batch:     cfg.BleveBatch,
	}
}

// add records one size, with its ratios and targets when both engines ran,
// and recomputes the latency growth between sizes.
func (r *results) add(s sizeResult) {
	b, okB := s.Engines[engineBriefbot]
	l, okL := s.Engines[engineBleve]
	if okB && okL {
		s.Ratios = compare(b, l, s.Bytes)
		s.Targets = checkTargets(b, l, *s.Ratios)
	}
	r.Sizes = append(r.Sizes, s)
	r.Growth = nil
	for i := 1; i < len(r.Sizes); i++ {
		from, to := r.Sizes[i-1], r.Sizes[i]
		for _, name := range []string{engineBriefbot, engineBleve} {
			a, okA := from.Engines[name]
			z, okZ := to.Engines[name]
			if okA && okZ && a.Ask.P99 > 0 && z.Ask.P99 > 0 {
				ex := math.Log(z.Ask.P99/a.Ask.P99) / math.Log(float64(to.Bytes)/float64(from.Bytes))
				r.Growth = append(r.Growth, growth{Engine: name, From: from.Label, To: to.Label, Exponent: ex})
			}
		}
	}
}

func compare(b, l engineResult, bytes int64) *ratios {
	return &ratios{
		AskP99:            ratio(b.Ask.P99, l.Ask.P99),
		BuildThroughput:   ratio(b.ThroughputMBs, l.ThroughputMBs),
		EngineThroughput:  ratio(b.OwnMBs, l.OwnMBs),
		IndexThroughput:   ratio(indexThroughput(b, bytes), indexThroughput(l, bytes)),
		LiveHeap:          ratio(float64(b.LiveHeap), float64(l.LiveHeap)),
		PeakRSS:           ratio(float64(b.PeakRSS), float64(l.PeakRSS)),
		CompleteP99:       ratio(b.Complete.P99, l.Complete.P99),
		HitAt3Points:      100 * (b.HitAt3 - l.HitAt3),
		SampleSeedsPoints: b.SampleOnSeeds.Passed - l.SampleOnSeeds.Passed,
	}
}

// indexThroughput is the MB/s of r's index stage, 0 when it was not timed.
func indexThroughput(r engineResult, bytes int64) float64 {
	return ratio(float64(bytes)/1e6, r.StagesMS["index"]/1000)
}

// ratio is a/b, or 0 when b is 0 (an empty measurement, not infinity).
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// memoryCeiling is the bound on a 1 GB build.
const memoryCeiling = 24 << 30

// checkTargets applies the targets to one size.
func checkTargets(b, l engineResult, q ratios) []target {
	targets := []target{
		{"ask p99 at most 1/3 of bleve's", fmtRatio(q.AskP99), q.AskP99 > 0 && q.AskP99 <= 1.0/3},
		{"ask p99 under 5 ms", fmtMS(b.Ask.P99), b.Ask.P99 < 5},
		{"engine build throughput at least 3x bleve's (briefbot: actors, claims and index)", fmtRatio(q.EngineThroughput), q.EngineThroughput >= 3},
		{"live heap at most half of bleve's", fmtRatio(q.LiveHeap), q.LiveHeap > 0 && q.LiveHeap <= 0.5},
		{"hit@3 at least bleve's (generated questions)", fmtPoints(q.HitAt3Points), b.HitAt3 >= l.HitAt3},
		{"more sample questions passed than bleve (seeds)", fmtDiff(q.SampleSeedsPoints), q.SampleSeedsPoints > 0},
		{"peak RSS within 24 GiB", fmtBytes(b.PeakRSS), b.PeakRSS <= memoryCeiling},
		snapshotTarget(b),
		amendTarget(b),
	}
	if q.IndexThroughput > 0 { // timed only where the stages were built one by one
		targets = append(targets, target{"index stage throughput at least 3x bleve's", fmtRatio(q.IndexThroughput), q.IndexThroughput >= 3})
	}
	return targets
}

func (r *results) write(jsonPath, mdPath string) error {
	if err := writeJSON(jsonPath, r); err != nil {
		return err
	}
	return os.WriteFile(mdPath, []byte(r.markdown()), 0o644)
}

// snapshotTarget checks item 5: a restart reads the snapshot in under one
// second (launch to ready) and answers as the built base did.
func snapshotTarget(b engineResult) target {
	t := target{Name: "restart from the snapshot under 1 s, same answers", Value: "not measured"}
	if sn := b.Snapshot; sn != nil {
		t.Value = fmt.Sprintf("%s, same answers: %s", fmtMS(sn.StartupMS), yesNo(sn.SameAnswers))
		t.Met = sn.StartupMS < 1000 && sn.SameAnswers
	}
	return t
}

// amendTarget checks item 4: one new document is served in under 10 s.
func amendTarget(b engineResult) target {
	t := target{Name: "one new document served in under 10 s", Value: "not measured"}
	if sn := b.Snapshot; sn != nil && sn.AmendMS > 0 {
		t.Value = fmt.Sprintf("%s, cited: %s", fmtMS(sn.AmendMS), yesNo(sn.AmendCited))
		t.Met = sn.AmendMS < 10000 && sn.AmendCited
	}
	return t
}

// rerender reads the results in jsonPath and writes them again, ratios,
// targets and growth recomputed from the measured figures: for a change to
// the report, not to the measurements. An engine's figures from another run
// (merge) replace its figures for the same size, for an engine measured
// again alone.
func rerender(jsonPath, mdPath string, merge string) error {
	r, err := readResults(jsonPath)
	if err != nil {
		return err
	}
	sizes := r.Sizes
	if merge != "" {
		other, err := readResults(merge)
		if err != nil {
			return err
		}
		for _, o := range other.Sizes {
			for _, s := range sizes {
				if s.Label == o.Label {
					maps.Copy(s.Engines, o.Engines)
				}
			}
		}
	}
	r.Sizes = nil
	for _, s := range sizes {
		r.add(s)
	}
	return r.write(jsonPath, mdPath)
}

func readResults(path string) (*results, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r results
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &r, nil
}
