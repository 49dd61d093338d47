package answer

import (
	"container/heap"
	mathbits "math/bits"
	"runtime"
	"slices"
	"sort"
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

// scratch is one query's accumulator. Only the entries in touched are ever
// non-zero, and they are cleared after use, so a pooled scratch costs
// nothing per query beyond the postings read.
type scratch struct {
	acc     []accumulator // per sentence
	touched []uint32
	held    []uint32 // per document, bit i: its context holds concept i
}

// accumulator is one sentence's running score and the concepts counted
// for it, side by side: adding a posting reads and writes one place.
type accumulator struct {
	score float32
	seen  uint32 // bit i: concept i already counted for this sentence
}

// scratchPool keeps scratches for reuse. Unlike sync.Pool it is not
// emptied by the garbage collector, so a busy engine does not allocate
// corpus-sized arrays over and over; it holds as many as ran at once, up to
// its capacity.
type scratchPool struct {
	free        chan *scratch
	sents, docs int
}

func newScratchPool(sents, docs int) *scratchPool {
	return &scratchPool{free: make(chan *scratch, 2*runtime.GOMAXPROCS(0)), sents: sents, docs: docs}
}

func (p *scratchPool) get() *scratch {
	select {
	case s := <-p.free:
		return s
	default:
		return &scratch{acc: make([]accumulator, p.sents), held: make([]uint32, p.docs)}
	}
}

// put clears what the query touched and returns the scratch to the pool.
func (p *scratchPool) put(s *scratch) {
	for _, id := range s.touched {
		s.acc[id] = accumulator{}
	}
	s.touched = s.touched[:0]
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

	order := make([]int, len(q.concepts))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return e.conceptDF(&q.concepts[order[a]]) < e.conceptDF(&q.concepts[order[b]]) })
	// Concepts are read rarest first. Once the concepts still unread weigh
	// less than minCoverage of the question, a sentence holding none of the
	// read ones cannot be an answer, so the rest (the common words, whose
	// lists are long) only add to sentences already found: the work follows
	// the rare words' postings, not the corpus size.
	// What document contexts can give is an upper bound that any sentence
	// may still receive, so it counts as unread throughout.
	unread, needed, fromContext := q.totalWeight(), q.neededWeight(), 0.0
	for _, c := range q.concepts {
		switch {
		case len(c.contextDocs) > 0:
			fromContext += contextQuality * c.weight
		case len(c.mentionDocs) > 0:
			fromContext += mentionQuality * c.weight
		}
	}
	for _, ci := range order {
		c := &q.concepts[ci]
		admit := unread+fromContext >= needed
		// Once maxCandidates sentences are found, a sentence not found yet
		// can gain at most the unread weight at the shortest length: if
		// that cannot reach the maxCandidates-th best score so far (scores
		// only grow), it can be no candidate, and a long list only adds to
		// the sentences found (MaxScore's pruning; the candidates are the
		// same). The k-th score costs a pass over the sentences found, so
		// it is read only before a list longer than that.
		if admit && len(sc.touched) >= maxCandidates && e.conceptDF(c) > len(sc.touched) {
			admit = float32((unread+fromContext)*maxNorm) >= kthScore(sc, maxCandidates)
		}
		unread -= c.weight
		for _, a := range c.alts {
			e.accumulate(sc, e.ix.postings(a.term), uint32(1)<<ci, float32(c.weight*a.quality), admit)
		}
	}
	e.creditContext(sc, q, func(c *concept) []uint32 { return c.contextDocs }, contextQuality)
	e.creditContext(sc, q, func(c *concept) []uint32 { return c.mentionDocs }, mentionQuality)
	return topSentences(sc, maxCandidates)
}

// maxNorm is BM25's term-frequency factor for the shortest sentence, the
// most one occurrence can weigh.
var maxNorm = (bm25K1 + 1) / (1 + bm25K1*(1-bm25B))

// kthScore returns the k-th best score of the sentences found (k <=
// len(touched)), with a min-heap of the k best.
func kthScore(sc *scratch, k int) float32 {
	h := make([]float32, 0, k)
	for _, s := range sc.touched {
		v := sc.acc[s].score
		switch {
		case len(h) < k:
			h = append(h, v)
			for i := len(h) - 1; i > 0 && h[(i-1)/2] > h[i]; i = (i - 1) / 2 {
				h[i], h[(i-1)/2] = h[(i-1)/2], h[i]
			}
		case v > h[0]:
			h[0] = v
			for i := 0; ; {
				m, l, r := i, 2*i+1, 2*i+2
				if l < k && h[l] < h[m] {
					m = l
				}
				if r < k && h[r] < h[m] {
					m = r
				}
				if m == i {
					break
				}
				h[i], h[m] = h[m], h[i]
				i = m
			}
		}
	}
	return h[0]
}

// creditContext credits, at quality, the sentences found whose document is
// one of docsOf a concept their own words lack (its context holds it, or
// its text names it elsewhere). The documents are marked first with their
// concepts, so that each sentence costs one lookup; the marks are cleared
// after.
func (e *Engine) creditContext(sc *scratch, q *query, docsOf func(*concept) []uint32, quality float64) {
	marked := false
	for ci := range q.concepts {
		for _, d := range docsOf(&q.concepts[ci]) {
			sc.held[d] |= uint32(1) << ci
			marked = true
		}
	}
	if !marked {
		return
	}
	defer func() {
		for ci := range q.concepts {
			for _, d := range docsOf(&q.concepts[ci]) {
				sc.held[d] = 0
			}
		}
	}()
	for _, s := range sc.touched {
		a := &sc.acc[s]
		bits := sc.held[e.ix.sents[s].doc] &^ a.seen
		for bits != 0 {
			ci := mathbits.TrailingZeros32(bits)
			bits &^= uint32(1) << ci
			a.seen |= uint32(1) << ci
			a.score += float32(quality*q.concepts[ci].weight) * e.ix.norms[s]
		}
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
// concept (bit). When admit is false only sentences already found count,
// and a short candidate list is probed by binary search instead of reading
// the whole posting list.
func (e *Engine) accumulate(sc *scratch, post []uint32, bit uint32, w float32, admit bool) {
	add := func(s uint32) {
		a := &sc.acc[s]
		if a.seen&bit != 0 {
			return
		}
		if a.seen == 0 {
			sc.touched = append(sc.touched, s)
		}
		a.seen |= bit
		a.score += w * e.ix.norms[s]
	}
	switch {
	case admit:
		for _, s := range post {
			add(s)
		}
	case len(sc.touched)*16 < len(post):
		for _, s := range sc.touched {
			if hasSentence(post, s) {
				add(s)
			}
		}
	default:
		for _, s := range post {
			if sc.acc[s].seen != 0 {
				add(s)
			}
		}
	}
}

func hasSentence(post []uint32, s uint32) bool {
	_, found := slices.BinarySearch(post, s)
	return found
}

// topSentences selects the k best touched sentences with a min-heap.
func topSentences(sc *scratch, k int) []uint32 {
	h := &sentHeap{acc: sc.acc}
	for _, s := range sc.touched {
		if h.Len() < k {
			heap.Push(h, s)
		} else if sc.acc[s].score > sc.acc[h.ids[0]].score {
			h.ids[0] = s
			heap.Fix(h, 0)
		}
	}
	out := make([]uint32, h.Len())
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(h).(uint32)
	}
	return out
}

type sentHeap struct {
	ids []uint32
	acc []accumulator
}

func (h *sentHeap) Len() int { return len(h.ids) }
func (h *sentHeap) Less(i, j int) bool {
	a, b := h.acc[h.ids[i]].score, h.acc[h.ids[j]].score
	if a != b {
		return a < b
	}
	return h.ids[i] > h.ids[j] // earlier sentences win ties
}
func (h *sentHeap) Swap(i, j int) { h.ids[i], h.ids[j] = h.ids[j], h.ids[i] }
func (h *sentHeap) Push(x any)    { h.ids = append(h.ids, x.(uint32)) }
func (h *sentHeap) Pop() any {
	x := h.ids[len(h.ids)-1]
	h.ids = h.ids[:len(h.ids)-1]
	return x
}
