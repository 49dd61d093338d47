package claims

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
)

// TestMergeEqualsReadingInOrder checks that merging in parallel, by
// candidates found first and components merged apart, groups the claims
// exactly as reading every claim in order on one CPU does, on documents
// that repeat statements word for word, in part and re-worded, often enough
// to fill the shingle buckets.
func TestMergeEqualsReadingInOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 9))
	speakers := []string{"Olga Varnsky", "Tomas Grell", "the minister", "a spokesman"}
	subjects := strings.Fields(`dam reservoir harbour railway bridge council budget tax levee canal`)
	verbs := strings.Fields(`will open must close could flood should expand cannot survive will cost`)
	statement := func() string {
		return fmt.Sprintf("the %s %s before the %s is finished and the %s is paid",
			subjects[rng.IntN(len(subjects))], verbs[rng.IntN(len(verbs))], subjects[rng.IntN(len(subjects))], subjects[rng.IntN(len(subjects))])
	}
	pool := make([]string, 30)
	for i := range pool {
		pool[i] = statement()
		if i%3 == 0 { // a shingle repeated within one statement
			pool[i] += " and " + pool[i]
		}
	}
	var docs []*corpus.Document
	for d := range 120 {
		var paras []string
		for range 6 {
			s := pool[rng.IntN(len(pool))]
			if rng.IntN(3) == 0 {
				s = strings.Replace(s, "the", "a", 1) // re-worded a little
			}
			switch rng.IntN(3) {
			case 0:
				paras = append(paras, fmt.Sprintf("“%s,” %s said.", s, speakers[rng.IntN(len(speakers))]))
			case 1:
				paras = append(paras, fmt.Sprintf("Officials warned that %s, with %d workers on the site.", s, 100*(1+rng.IntN(5))))
			default:
				paras = append(paras, strings.ToUpper(s[:1])+s[1:]+".")
			}
		}
		docs = append(docs, corpus.New(fmt.Sprintf("d%03d", d), fmt.Sprintf("d%03d.txt", d), corpus.Meta{Title: fmt.Sprintf("Report %d", d)}, paras))
	}
	raw := func() []*Claim {
		var out []*Claim
		for _, x := range extractAll(docs, unlinked{}) {
			out = append(out, x.claims...)
		}
		return out
	}
	got, want := merge(raw()), mergeInOrder(raw())
	t.Logf("%d claims, %d kept", len(raw()), len(want))
	if len(want) > len(raw())*9/10 {
		t.Fatalf("only %d of %d claims merged: the test merges too little to tell", len(raw())-len(want), len(raw()))
	}
	if len(got) != len(want) {
		t.Fatalf("merge kept %d claims, reading in order keeps %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Text != want[i].Text || !slices.Equal(got[i].Sources, want[i].Sources) || !slices.Equal(got[i].spans, want[i].spans) {
			t.Fatalf("claim %d: merged %q from %v, in order %q from %v", i, got[i].Text, got[i].Sources, want[i].Text, want[i].Sources)
		}
	}
}

// mergeInOrder is merge as one loop over the claims in order: each joins
// the earlier claim it repeats word for word, or the group of the first
// earlier claim sharing enough shingles that states the same thing.
func mergeInOrder(raw []*Claim) []*Claim {
	terms := make([][]string, len(raw))
	for i, c := range raw {
		if c.terms == nil {
			c.terms = compareTerms(c)
		}
		terms[i] = c.terms
	}
	parent := make([]int, len(raw))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	union := func(i, j int) {
		ri, rj := find(i), find(j)
		parent[max(ri, rj)] = min(ri, rj)
	}
	buckets := map[uint64][]int32{}
	verbatim := map[string]int{}
	for i, c := range raw {
		key := string(c.Kind) + "\x00" + strings.Join(terms[i], " ")
		if j, ok := verbatim[key]; ok && c.Kind != Figure && sameSpeaker(raw[j], c) &&
			(len(terms[i]) >= minClaimWords || c.spans[0].doc == raw[j].spans[0].doc || c.SpeakerID != "" && c.SpeakerID == raw[j].SpeakerID) {
			union(i, j)
			continue
		}
		verbatim[key] = i
		shared := map[int]int{}
		var order []int
		for _, key := range shingles(c.Kind, terms[i]) {
			b := buckets[key]
			if len(b) >= maxBucket {
				continue
			}
			for _, j := range b {
				if shared[int(j)] == 0 {
					order = append(order, int(j))
				}
				shared[int(j)]++
			}
			buckets[key] = append(b, int32(i))
		}
		for _, j := range order {
			r := find(j)
			if shared[j] >= minShared(c.Kind, len(terms[i]), len(terms[j])) && r != find(i) && sameClaim(raw[r], raw[i], terms[r], terms[i]) {
				union(i, r)
			}
		}
	}
	var out []*Claim
	byRoot := map[int]*Claim{}
	for i, c := range raw {
		c.context, c.ownWords, c.terms = nil, false, nil
		if r := find(i); r != i {
			absorb(byRoot[r], c)
			continue
		}
		byRoot[i] = c
		out = append(out, c)
	}
	return out
}
