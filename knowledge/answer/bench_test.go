package answer_test

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/answer"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/eval"
	"briefbot/knowledge/ingest"
	"briefbot/knowledge/words"
)

// benchQuestions are the sample and held-out questions.
func benchQuestions(b *testing.B) []string {
	var qs []string
	for _, path := range []string{sampleQuestions, heldOutQuestions} {
		f, err := os.Open(path)
		if err != nil {
			continue
		}
		loaded, err := eval.Load(f)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		for _, q := range loaded {
			qs = append(qs, q.Question)
		}
	}
	if len(qs) == 0 {
		b.Fatal("no questions")
	}
	return qs
}

// runLatency asks the questions round-robin and reports p50 and p99.
func runLatency(b *testing.B, e *answer.Engine, qs []string) {
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := time.Now()
		e.Ask(qs[i%len(qs)], 3)
		lat = append(lat, time.Since(t))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

func BenchmarkAsk(b *testing.B) {
	e, _ := seeds(b)
	runLatency(b, e, benchQuestions(b))
}

// BenchmarkAskLarge builds from the directory BRIEFBOT_BENCH_DOCS names
// (loaded with ingest.Load; testdata/bench-corpus.sh makes ~100 MB of real
// prose), or else from the seeds repeated with varied names and numbers to
// about 20 MB, and reports build time, heap and latency. The corpus is
// built once, not again for each round of the benchmark.
func BenchmarkAskLarge(b *testing.B) {
	large.once.Do(func() { large.load(b) })
	if large.engine == nil {
		b.Fatal("no large corpus")
	}
	runLatency(b, large.engine, benchQuestions(b)) // resets the timer and the metrics
	b.ReportMetric(large.corpusMB, "corpus-MB")
	b.ReportMetric(large.build.Seconds(), "build-s")
	b.ReportMetric(large.linkBuild.Seconds(), "actors+claims-build-s")
	b.ReportMetric(large.heapMB, "index-heap-MB")
}

type largeCorpus struct {
	once             sync.Once
	engine           *answer.Engine
	corpusMB, heapMB float64
	build, linkBuild time.Duration
}

var large largeCorpus

func (l *largeCorpus) load(b *testing.B) {
	var docs []*corpus.Document
	if dir := os.Getenv("BRIEFBOT_BENCH_DOCS"); dir != "" {
		var errs []error
		docs, errs = ingest.Load([]string{dir}, ingest.Options{})
		if len(docs) == 0 {
			b.Fatalf("no documents in %s: %v", dir, errs)
		}
	} else {
		docs = syntheticCorpus(20 << 20)
	}
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	l.corpusMB = float64(size) / (1 << 20)
	start := time.Now()
	reg := actors.Build(docs)
	cl := extractClaims(b, docs, reg)
	l.linkBuild = time.Since(start)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start = time.Now()
	l.engine = answer.New(docs, reg, cl)
	l.build = time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	l.heapMB = float64(after.HeapAlloc-min(before.HeapAlloc, after.HeapAlloc)) / (1 << 20)
}

// extractClaims runs the claim extractor, and carries on without claims if
// it fails on a corpus this size: the benchmark measures the answers.
func extractClaims(b *testing.B, docs []*corpus.Document, reg *actors.Registry) (cl *claims.Set) {
	defer func() {
		if r := recover(); r != nil {
			b.Logf("claims.Extract failed (%v); benchmarking without claims", r)
			cl = nil
		}
	}()
	return claims.Extract(docs, reg)
}

// syntheticCorpus repeats the seeds until about size bytes, giving every
// copy its own spelling of each name and its own numbers, so that the
// vocabulary and the posting lists grow as in a real corpus.
func syntheticCorpus(size int) []*corpus.Document {
	seedDocs := ingest.Seeds()
	var docs []*corpus.Document
	total := 0
	for copyN := 0; total < size; copyN++ {
		for _, d := range seedDocs {
			var paras []string
			for i := range d.Paragraphs {
				paras = append(paras, vary(d.ParagraphText(i+1), copyN))
			}
			nd := corpus.New(fmt.Sprintf("%s-%d", d.ID, copyN), d.File, d.Meta, paras)
			docs = append(docs, nd)
			total += len(nd.Text)
		}
	}
	return docs
}

// vary renames capitalised words and changes numbers for copy n (copy 0
// stays as it is).
func vary(text string, n int) string {
	if n == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, t := range words.Tokenize(text) {
		b.WriteString(text[last:t.Start])
		switch {
		case t.Start > 0 && t.Text[0] >= 'A' && t.Text[0] <= 'Z':
			b.WriteString(t.Text + suffix(n))
		case t.Text[0] >= '0' && t.Text[0] <= '9':
			b.WriteString(fmt.Sprint(n%97) + t.Text)
		default:
			b.WriteString(t.Text)
		}
		last = t.End
	}
	b.WriteString(text[last:])
	return b.String()
}

func suffix(n int) string {
	const letters = "bcdfghjklmnpqrstvwxz"
	s := ""
	for ; n > 0; n /= len(letters) {
		s += string(letters[n%len(letters)])
	}
	return s
}
