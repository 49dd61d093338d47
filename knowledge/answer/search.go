package answer

import (
	"math"
	mathbits "math/bits"
	"runtime"
	"slices"
	"sort"
	"sync"
)

// BM25 parameters, for sentence-long "documents": a mild length penalty so
// that a short sentence holding the question's words beats a long one that
// holds them among many others.
const (
	bm25K1 = 1.2
	bm25B  = 0.5
)

// maxCandidates is how many sentences are built into passages and scored.
const maxCandidates = 64

// scratch is one query's accumulator. Only the entries its parts touched
// are ever non-zero, and they are cleared after use, so a pooled scratch
// costs nothing per query beyond the postings read.
type scratch struct {
	acc []accumulator // per sentence
	// found marks the sentences touched (bit s%64 of word s/64): a long
	// posting list that only adds to them reads this, a small fraction of
	// the accumulators' size that stays in cache, rather than one
	// accumulator a posting.
	found []uint64
	parts []part
	// held is, per document, the concepts its context holds (bit i) and,
	// in the high half, those its text names elsewhere (bit 32+i).
	held []uint64
	// reach is, per document, the most its context and mentions can
	// still give any of its sentences: what a sentence found late needs
	// from them.
	reach []float32
}

// part is a range of sentence ids read by one goroutine, and the
// sentences of it found so far.
type part struct {
	lo, hi  uint32
	touched []uint32
}

// accumulator is the weight of the concepts counted for one sentence so
// far and which they are, beside the sentence's BM25 factor and document:
// adding a posting reads and writes one place, and ranking the sentences
// found reads that place again rather than two more arrays the size of
// the corpus (on a large corpus each was a cache miss a sentence). The
// sentence's score is the weight times its factor, applied when sentences
// are compared.
type accumulator struct {
	weight float32
	seen   uint32 // bit i: concept i already counted for this sentence
	norm   float32
	doc    uint32
}

// forget empties what a query counted for sentence s, keeping what the
// sentence is.
func (sc *scratch) forget(s uint32) {
	sc.acc[s].weight, sc.acc[s].seen = 0, 0
	sc.found[s/64] &^= 1 << (s % 64)
}

// scratchPool keeps scratches for reuse. Unlike sync.Pool it is not
// emptied by the garbage collector, so a busy engine does not allocate
// corpus-sized arrays over and over; it holds as many as ran at once, up to
// its capacity.
type scratchPool struct {
	free chan *scratch
	ix   *index
}

func newScratchPool(ix *index) *scratchPool {
	return &scratchPool{free: make(chan *scratch, 2*runtime.GOMAXPROCS(0)), ix: ix}
}

func (p *scratchPool) get() *scratch {
	select {
	case s := <-p.free:
		return s
	default:
		acc := make([]accumulator, len(p.ix.sents))
		for s, r := range p.ix.sents {
			acc[s] = accumulator{norm: p.ix.norms[s], doc: r.doc}
		}
		return &scratch{acc: acc, found: make([]uint64, (len(acc)+63)/64), held: make([]uint64, len(p.ix.docs)), reach: make([]float32, len(p.ix.docs))}
	}
}

// Warm readies a search scratch ahead of the first question: on a large
// corpus its arrays, the size of the corpus, take about a second to fault
// in (1.3 s at 1 GB), which the first question would otherwise wait for.
func (e *Engine) Warm() { e.scratches.put(e.scratches.get()) }

// put clears what the query touched and returns the scratch to the pool.
func (p *scratchPool) put(s *scratch) {
	for i := range s.parts {
		for _, id := range s.parts[i].touched {
			s.forget(id)
		}
		s.parts[i].touched = s.parts[i].touched[:0]
	}
	select {
	case p.free <- s:
	default:
	}
}

// norm is BM25's term-frequency factor for one occurrence in sentence s.
func (e *Engine) norm(s uint32) float64 { return float64(e.ix.norms[s]) }

// candidates returns up to maxCandidates sentence ids, best first, by the
// weighted concepts they hold.
func (e *Engine) candidates(q *query) []uint32 {
	if len(q.concepts) == 0 {
		return nil
	}
	sc := e.scratches.get()
	defer e.scratches.put(sc)

	lists := e.lists(q)
	mostReach := e.markDocuments(sc, q)
	defer clearDocuments(sc, q)
	// On a large corpus the sentences are split between the cores, each
	// part read by its own goroutine; the k best of each hold the k best
	// of all.
	parts := sc.split(len(e.ix.sents), e.partsFor(lists))
	found := make([]topK, len(parts))
	read := func(i int) { found[i] = e.collect(sc, &parts[i], q, lists, mostReach) }
	if len(parts) == 1 {
		read(0)
	} else {
		var wg sync.WaitGroup
		for i := range parts {
			wg.Go(func() { read(i) })
		}
		wg.Wait()
	}
	all := topK{k: maxCandidates}
	for _, f := range found {
		for _, c := range f.items {
			all.offer(c)
		}
	}
	return all.ids()
}

// lists returns the posting lists of the question's concepts in the order
// candidates reads them. Concepts are read rarest first. Once the concepts
// still unread weigh less than minCoverage of the question, a sentence
// holding none of the read ones cannot be an answer, so the rest (the
// common words, whose lists are long) only add to sentences already found:
// the work follows the rare words' postings, not the corpus size. What
// document contexts can give is an upper bound that any sentence may still
// receive, so it counts as unread throughout.
func (e *Engine) lists(q *query) []list {
	order := make([]int, len(q.concepts))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return e.conceptDF(&q.concepts[order[a]]) < e.conceptDF(&q.concepts[order[b]]) })
	unread, needed, fromContext := q.totalWeight(), q.neededWeight(), 0.0
	for _, c := range q.concepts {
		switch {
		case len(c.contextDocs) > 0:
			fromContext += contextQuality * c.weight
		case len(c.mentionDocs) > 0:
			fromContext += mentionQuality * c.weight
		}
	}
	var lists []list
	for _, ci := range order {
		c := &q.concepts[ci]
		admit := unread+fromContext >= needed
		alts := c.wordAlts()
		for j, a := range alts {
			// A sentence first found in this list gets from the concept
			// at most its best quality still unread (a sentence counts the
			// first of a concept's lists that holds it).
			best := 0.0
			for _, b := range alts[j:] {
				best = max(best, b.quality)
			}
			lists = append(lists, list{e.ix.postings(a.term), uint32(1) << ci, float32(c.weight * a.quality), admit, unread - c.weight*(1-best)})
		}
		unread -= c.weight
	}
	return lists
}

// list is one posting list as candidates reads it: for one concept (bit)
// at its weight; admit says whether sentences not found yet may count
// (the coverage rule), own is the most such a sentence can still get from
// its own words.
type list struct {
	post  []uint32
	bit   uint32
	w     float32
	admit bool
	own   float64
}

// parallelPostings is how many postings a question must read before its
// sentences are split between the cores: below it, starting goroutines
// costs more than it saves. (A variable, so that a test can split a small
// corpus.)
var parallelPostings = 1 << 15

func (e *Engine) partsFor(lists []list) int {
	n := 0
	for _, l := range lists {
		n += len(l.post)
	}
	if n < parallelPostings {
		return 1
	}
	return runtime.GOMAXPROCS(0)
}

// split divides the sentence ids [0, sents) into n parts of about equal
// range, each starting on a word of the found bitmap: a part sets the bits
// of its own sentences, and two parts sharing a word would race.
func (sc *scratch) split(sents, n int) []part {
	sc.parts = slices.Grow(sc.parts[:0], n)[:n]
	for i := range sc.parts {
		sc.parts[i].lo, sc.parts[i].hi = uint32(sents*i/n)&^63, uint32(sents*(i+1)/n)&^63
	}
	sc.parts[n-1].hi = uint32(sents)
	return sc.parts
}

// collect reads the lists' postings that fall in part p and returns its k
// best sentences. Once maxCandidates sentences of the part are found, a
// sentence not found yet that cannot reach the part's maxCandidates-th
// best score so far at the shortest length (scores only grow) can be no
// candidate, and a list only adds to the sentences found (MaxScore's
// pruning; the candidates are the same). What such a sentence can still
// get is its own words' bound and its document's reach. The k-th score
// is read once a concept, before a list longer than the k sought.
func (e *Engine) collect(sc *scratch, p *part, q *query, lists []list, mostReach float64) topK {
	var kth float32
	kthOf := uint32(0) // the concept whose lists kth was read for
	for _, l := range lists {
		lo, _ := slices.BinarySearch(l.post, p.lo)
		hi, _ := slices.BinarySearch(l.post, p.hi)
		post := l.post[lo:hi]
		floor := float32(math.Inf(-1))
		if l.admit && len(p.touched) >= maxCandidates && len(post) > maxCandidates {
			if kthOf != l.bit { // once a concept: an older k-th score is still a bound
				kth, kthOf = e.kthScore(sc, p, maxCandidates), l.bit
			}
			floor = kth/float32(maxNorm) - float32(l.own)
		}
		e.accumulate(sc, p, post, l.bit, l.w, l.admit && floor <= float32(mostReach), floor)
	}
	return e.rank(sc, p, q, maxCandidates, mostReach > 0)
}

// maxNorm is BM25's term-frequency factor for the shortest sentence, the
// most one occurrence can weigh.
var maxNorm = (bm25K1 + 1) / (1 + bm25K1*(1-bm25B))

// kthSample bounds the sentences the k-th score is read from. The k-th
// best of any k or more sentences found is no better than the k-th best of
// all, so a sample gives a bound as safe, at a fixed cost: on a large
// corpus a question finds hundreds of thousands of sentences, and reading
// them all for the bound cost more than admitting every sentence of the
// shorter lists. The first found are sampled: they hold the rarest words,
// and have had the longest to gather others.
const kthSample = 1 << 12

// kthScore returns a lower bound of the k-th best score of the sentences
// found (k <= len(touched)): the k-th best of the first kthSample.
func (e *Engine) kthScore(sc *scratch, p *part, k int) float32 {
	best := topK{k: k}
	for _, s := range p.touched[:min(len(p.touched), kthSample)] {
		best.offer(scored{s, sc.acc[s].weight * sc.acc[s].norm})
	}
	return best.items[0].score
}

// markDocuments marks every document a concept's context or mentions hold
// with those concepts and with what they can give its sentences, and
// returns the most any document gets.
func (e *Engine) markDocuments(sc *scratch, q *query) float64 {
	var most float32
	for ci, c := range q.concepts {
		w := float32(c.weight * max(contextQuality, mentionQuality))
		for half, docs := range [][]uint32{c.contextDocs, c.mentionDocs} {
			for _, d := range docs {
				sc.held[d] |= uint64(1) << (32*half + ci)
				sc.reach[d] += w
				most = max(most, sc.reach[d])
			}
		}
	}
	return float64(most)
}

func clearDocuments(sc *scratch, q *query) {
	for _, c := range q.concepts {
		for _, docs := range [][]uint32{c.contextDocs, c.mentionDocs} {
			for _, d := range docs {
				sc.held[d], sc.reach[d] = 0, 0
			}
		}
	}
}

// rank returns the k best sentences found in part p, in one pass over
// them (each is a random read of the corpus-sized scratch): it credits a
// sentence the concepts its own words lack but its document's context
// holds (at contextQuality) or its document names elsewhere (at
// mentionQuality), when some document is marked, offers it to a min-heap
// of the k best, and clears it.
func (e *Engine) rank(sc *scratch, p *part, q *query, k int, marked bool) topK {
	best := topK{k: k}
	for _, s := range p.touched {
		a := &sc.acc[s]
		if marked {
			held := sc.held[a.doc]
			e.credit(q, s, a, uint32(held)&^a.seen, contextQuality)
			e.credit(q, s, a, uint32(held>>32)&^a.seen, mentionQuality)
		}
		best.offer(scored{s, a.weight * a.norm})
		sc.forget(s)
	}
	p.touched = p.touched[:0]
	return best
}

// credit adds the concepts of bits, at quality, to sentence s.
func (e *Engine) credit(q *query, s uint32, a *accumulator, bits uint32, quality float64) {
	for bits != 0 {
		ci := mathbits.TrailingZeros32(bits)
		bits &^= uint32(1) << ci
		a.seen |= uint32(1) << ci
		a.weight += float32(quality * q.concepts[ci].weight)
	}
}

func (e *Engine) conceptDF(c *concept) int {
	n := 0
	for _, a := range c.alts {
		n += e.ix.df(a.term)
	}
	return n
}

// accumulate adds weight w to the sentences of one posting list, once per
// concept (bit). When admit is true a sentence not found yet is added if
// its document's reach makes up floor; when false only sentences already
// found count, and a short candidate list is probed by binary search
// instead of reading the whole posting list.
func (e *Engine) accumulate(sc *scratch, p *part, post []uint32, bit uint32, w float32, admit bool, floor float32) {
	add := func(s uint32) {
		a := &sc.acc[s]
		if a.seen&bit != 0 {
			return
		}
		if a.seen == 0 {
			p.touched = append(p.touched, s)
			sc.found[s/64] |= 1 << (s % 64)
		}
		a.seen |= bit
		a.weight += w
	}
	switch {
	case admit && floor < 0:
		for _, s := range post {
			add(s)
		}
	case admit:
		for _, s := range post {
			if a := &sc.acc[s]; a.seen != 0 || sc.reach[a.doc] >= floor {
				add(s)
			}
		}
	case len(p.touched)*16 < len(post):
		for _, s := range p.touched {
			if hasSentence(post, s) {
				add(s)
			}
		}
	default:
		for _, s := range post {
			if sc.found[s/64]&(1<<(s%64)) != 0 {
				add(s)
			}
		}
	}
}

func hasSentence(post []uint32, s uint32) bool {
	_, found := slices.BinarySearch(post, s)
	return found
}

type scored struct {
	id    uint32
	score float32
}

// worse orders sentences by score, and the later of two equal ones first:
// earlier sentences win ties.
func (a scored) worse(b scored) bool {
	if a.score != b.score {
		return a.score < b.score
	}
	return a.id > b.id
}

// topK keeps the k best sentences offered in a min-heap: items[0] is the
// worst kept.
type topK struct {
	k     int
	items []scored
}

func (t *topK) offer(c scored) {
	switch {
	case len(t.items) < t.k:
		t.items = append(t.items, c)
		for i := len(t.items) - 1; i > 0 && t.items[i].worse(t.items[(i-1)/2]); i = (i - 1) / 2 {
			t.items[i], t.items[(i-1)/2] = t.items[(i-1)/2], t.items[i]
		}
	case t.items[0].worse(c):
		t.items[0] = c
		t.down(0, len(t.items))
	}
}

// down sifts item i down the heap of the first n items.
func (t *topK) down(i, n int) {
	for {
		m, l, r := i, 2*i+1, 2*i+2
		if l < n && t.items[l].worse(t.items[m]) {
			m = l
		}
		if r < n && t.items[r].worse(t.items[m]) {
			m = r
		}
		if m == i {
			return
		}
		t.items[i], t.items[m] = t.items[m], t.items[i]
		i = m
	}
}

// ids returns the kept sentences, best first (emptying the heap).
func (t *topK) ids() []uint32 {
	out := make([]uint32, len(t.items))
	for n := len(t.items); n > 0; n-- {
		out[n-1] = t.items[0].id
		t.items[0] = t.items[n-1]
		t.down(0, n-1)
	}
	return out
}
