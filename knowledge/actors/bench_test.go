package actors

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sahilm/fuzzy"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
)

// syntheticNames makes n distinct person, group and place names from
// syllables, deterministically.
func syntheticNames(n int) []string {
	rng := rand.New(rand.NewPCG(1, 2))
	syll := strings.Fields("al ba ka da ra mi zu ha qa ni sha ti lo be ur an ja fa hu de go ki ma no pe sa ta wa ya ze")
	word := func() string {
		var b strings.Builder
		for k := 2 + rng.IntN(3); k > 0; k-- {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		w := b.String()
		return strings.ToUpper(w[:1]) + w[1:]
	}
	tails := []string{"", "", "", " Network", " Province", " Movement", " Council"}
	seen := map[string]bool{}
	out := make([]string, 0, n)
	for len(out) < n {
		s := word() + " " + word() + tails[rng.IntN(len(tails))]
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// registryOfNames indexes one actor per name, as Build would.
func registryOfNames(names []string) *Registry {
	actors := make([]*Actor, len(names))
	for i, n := range names {
		actors[i] = &Actor{ID: fmt.Sprint(i), Name: n, Kind: Person, Aliases: []string{n, strings.Fields(n)[1]}, Mentions: len(names) - i}
	}
	return &Registry{actors: actors, names: newNameIndex(actors)}
}

// benchQueries are what users type: prefixes of names, and names with a
// letter dropped or doubled.
func benchQueries(names []string, n int) []string {
	rng := rand.New(rand.NewPCG(3, 4))
	out := make([]string, n)
	for i := range out {
		s := strings.ToLower(names[rng.IntN(len(names))])
		switch i % 3 {
		case 0:
			out[i] = s[:3+rng.IntN(6)]
		case 1:
			k := 1 + rng.IntN(len(s)-2)
			out[i] = s[:k] + s[k+1:]
		default:
			out[i] = s
		}
	}
	return out
}

// reportLatency adds p50 and p99 per call, in microseconds, to b.
func reportLatency(b *testing.B, took []time.Duration) {
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	b.ReportMetric(float64(took[len(took)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds()), "p99-µs")
}

// timeQueries runs find on the queries in turn and reports its p50 and p99.
func timeQueries(b *testing.B, queries []string, find func(string)) {
	var took []time.Duration
	runtime.GC()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		find(queries[i%len(queries)])
		took = append(took, time.Since(start))
	}
	reportLatency(b, took)
}

func BenchmarkComplete100k(b *testing.B) {
	names := syntheticNames(100_000)
	r := registryOfNames(names)
	timeQueries(b, benchQueries(names, 1000), func(q string) { r.Complete(q) })
}

// BenchmarkFuzzyFind100k is the baseline: sahilm/fuzzy over every name.
func BenchmarkFuzzyFind100k(b *testing.B) {
	names := syntheticNames(100_000)
	timeQueries(b, benchQueries(names, 1000), func(q string) { fuzzy.Find(q, names) })
}

var capitalised = regexp.MustCompile(`\b[A-Z][a-z]{2,}\b`)

// variedSeeds repeats the seeds copies times; in each copy every
// capitalised word gets a copy-specific ending, so that the corpus names
// many different actors.
func variedSeeds(copies int) []*corpus.Document {
	var out []*corpus.Document
	for c := range copies {
		tag := string(rune('a'+c%26)) + string(rune('a'+c/26%26))
		for _, d := range ingest.Seeds() {
			var paras []string
			for n := 1; n <= len(d.Paragraphs); n++ {
				paras = append(paras, capitalised.ReplaceAllStringFunc(d.ParagraphText(n), func(w string) string {
					if c == 0 {
						return w
					}
					return w + tag
				}))
			}
			out = append(out, corpus.New(fmt.Sprintf("%s-%d", d.ID, c), d.File, d.Meta, paras))
		}
	}
	return out
}

func BenchmarkBuild(b *testing.B) {
	for _, copies := range []int{10, 40} {
		docs := variedSeeds(copies)
		size := 0
		for _, d := range docs {
			size += len(d.Text)
		}
		b.Run(fmt.Sprintf("copies=%d", copies), func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				Build(docs)
			}
		})
	}
}
