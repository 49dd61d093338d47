package answer

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
)

// The pruning in candidates (MaxScore's bound, sharpened by each list's
// best quality still unread and by what a document's context can give)
// must never change the candidates: they are the ones an exhaustive pass
// over every posting list finds. The corpus is large enough that many
// more sentences than maxCandidates match, so the pruned branches run.
func TestCandidatesEqualAnExhaustiveRanking(t *testing.T) {
	for _, split := range []bool{false, true} {
		t.Run(fmt.Sprintf("split=%v", split), func(t *testing.T) {
			if split {
				defer func(n int) { parallelPostings = n }(parallelPostings)
				parallelPostings = 0 // every question's sentences read in parts
			}
			testCandidatesEqualAnExhaustiveRanking(t)
		})
	}
}

func testCandidatesEqualAnExhaustiveRanking(t *testing.T) {
	// Words of Zipf-like frequencies, so that questions mix rare and
	// common ones; titles name some of them, so that contexts count.
	vocabulary := strings.Fields(`harbour river bridge market council winter farmer grain tax school
		railway mill church wages bank ship storm road water price lighthouse ferry quarry orchard
		tannery foundry canal granary chapel meadow barley orchard kiln wharf ledger pasture`)
	rng := rand.New(rand.NewPCG(7, 11))
	word := func() string { return vocabulary[int(float64(len(vocabulary))*rng.Float64()*rng.Float64())] }
	var docs []*corpus.Document
	for d := range 250 {
		var paras []string
		for range 8 {
			words := []string{"The"}
			for range 3 + rng.IntN(9) {
				words = append(words, word())
			}
			paras = append(paras, strings.Join(words, " ")+" stood there.")
		}
		title := "Notes on the " + word() + " and the " + word()
		docs = append(docs, corpus.New(fmt.Sprintf("d%03d", d), fmt.Sprintf("d%03d.txt", d), corpus.Meta{Title: title}, paras))
	}
	e := linkedEngine(docs)
	many := 0
	for range 200 {
		words := []string{"What"}
		for range 3 + rng.IntN(4) {
			words = append(words, word())
		}
		question := strings.Join(words, " ") + "?"
		q := e.parse(question)
		got, want := e.candidates(&q), e.exhaustiveCandidates(&q)
		if len(want) == maxCandidates {
			many++
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q:\n got %v\nwant %v", question, got, want)
		}
	}
	if many < 100 {
		t.Errorf("only %d questions match more than %d sentences: the pruning is hardly tried", many, maxCandidates)
	}
}

// exhaustiveCandidates ranks every sentence of every list the coverage
// rule admits, with no bound: each concept counts at the weight of the
// first of its lists that holds the sentence, the document's context and
// mentions make up what its words lack, and the best maxCandidates by
// weight times the BM25 factor win, earlier sentences among equals.
func (e *Engine) exhaustiveCandidates(q *query) []uint32 {
	lists := e.lists(q)
	admitted := map[uint32]bool{}
	for _, l := range lists {
		if l.admit {
			for _, s := range l.post {
				admitted[s] = true
			}
		}
	}
	var all []scored
	for s := range admitted {
		// In the engine's order: the lists as read, then context, then
		// mentions (float sums depend on their order).
		var w float32
		var seen uint32
		for _, l := range lists {
			if seen&l.bit == 0 && hasSentence(l.post, s) {
				w += l.w
				seen |= l.bit
			}
		}
		doc := e.ix.sents[s].doc
		for _, credit := range []struct {
			docsOf  func(*concept) []uint32
			quality float64
		}{{func(c *concept) []uint32 { return c.contextDocs }, contextQuality}, {func(c *concept) []uint32 { return c.mentionDocs }, mentionQuality}} {
			for ci := range q.concepts {
				if c := &q.concepts[ci]; seen&(1<<ci) == 0 && slices.Contains(credit.docsOf(c), doc) {
					w += float32(credit.quality * c.weight)
					seen |= 1 << ci
				}
			}
		}
		all = append(all, scored{s, w * e.ix.norms[s]})
	}
	sort.Slice(all, func(i, j int) bool { return all[j].worse(all[i]) })
	var out []uint32
	for _, c := range all[:min(len(all), maxCandidates)] {
		out = append(out, c.id)
	}
	return out
}

// TestReadSentencesEqualsOneByOne checks that reading the sentences around
// the candidates at once, by walking postings against them, finds what a
// search of every term's postings for each sentence finds.
func TestReadSentencesEqualsOneByOne(t *testing.T) {
	e := buildLinked(ingest.Seeds()).e
	for _, question := range []string{
		"Who leads the Taliban?", "How many fighters does al-Qaeda have in Afghanistan?",
		"What did Zawahiri say about the United States?", "Is al-Qaeda still a threat to the West?",
		"When did the Taliban take Kabul?", "taliban",
	} {
		q := e.parse(question)
		ss := around(e.candidates(&q), len(e.ix.sents))
		if len(ss) < 10 {
			t.Fatalf("%q: only %d sentences to read", question, len(ss))
		}
		e.readSentences(&q, ss)
		for _, s := range ss {
			// Alone: the best quality of the concept's terms whose postings hold s.
			want := make([]float64, len(q.concepts))
			for i, c := range q.concepts {
				for _, a := range c.alts {
					if hasSentence(e.ix.postings(a.term), s) {
						want[i] = max(want[i], a.quality)
					}
				}
			}
			if got := q.matched[int(s)]; !slices.Equal(got, want) {
				t.Errorf("%q, sentence %d: read together %v, alone %v", question, s, got, want)
			}
		}
	}
}

func TestIntersectFindsEveryCommonID(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for range 200 {
		a, b := randomIDs(rng, rng.IntN(50)), randomIDs(rng, rng.IntN(400))
		var got [][2]int
		intersect(a, b, func(i, j int) { got = append(got, [2]int{i, j}) })
		var want [][2]int
		for i, x := range a {
			if j, ok := slices.BinarySearch(b, x); ok {
				want = append(want, [2]int{i, j})
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("intersect(%v, %v) = %v, want %v", a, b, got, want)
		}
	}
}

// randomIDs returns up to n sorted, distinct ids below 500.
func randomIDs(rng *rand.Rand, n int) []uint32 {
	ids := make([]uint32, n)
	for i := range ids {
		ids[i] = uint32(rng.IntN(500))
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Warm leaves a scratch in the pool, filled with each sentence's BM25
// factor and document, so that the first question takes it instead of
// faulting in arrays the size of the corpus; the question then returns it.
func TestWarmReadiesAScratchForTheFirstQuestion(t *testing.T) {
	e := vocabEngine("The harbour master closed the pier after the storm.", "Fishermen landed herring at the harbour.")
	if len(e.scratches.free) != 0 {
		t.Fatalf("%d scratches before warming", len(e.scratches.free))
	}
	e.Warm()
	if len(e.scratches.free) != 1 {
		t.Fatalf("%d scratches after warming, want 1", len(e.scratches.free))
	}
	sc := <-e.scratches.free
	for s, a := range sc.acc {
		if a.norm != e.ix.norms[s] || a.doc != e.ix.sents[s].doc || a.weight != 0 || a.seen != 0 {
			t.Fatalf("sentence %d: accumulator %+v, want factor %v, document %d, nothing counted", s, a, e.ix.norms[s], e.ix.sents[s].doc)
		}
	}
	e.scratches.put(sc)
	if res := e.Ask("harbour master closed pier", 3); !res.Answered {
		t.Fatalf("not answered after warming: %+v", res)
	}
	if len(e.scratches.free) != 1 {
		t.Errorf("%d scratches after the first question, want the warmed one back", len(e.scratches.free))
	}
}

// BenchmarkLearnAssociationsInAHugeSentence learns the company of a word
// met in a list of names with no full stop, one sentence of a megabyte:
// the text read is bounded (associationBytes), as the sentences are.
func BenchmarkLearnAssociationsInAHugeSentence(b *testing.B) {
	names := strings.Repeat("Quillon Marbeck Ostrava Pelligrew Tamsin Vorhees ", 20_000)
	var sentences []string
	for i := range 8 {
		sentences = append(sentences, fmt.Sprintf("The zorblat fair opened in hall %d with Quillon and Marbeck.", i))
	}
	e := vocabEngine(append([]string{"Zorblat lists " + names}, sentences...)...)
	term, ok := e.ix.lookup("zorblat")
	if !ok {
		b.Fatal("no term for zorblat")
	}
	b.ResetTimer()
	for b.Loop() {
		e.learnAssociations(term)
	}
}
