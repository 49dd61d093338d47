package answer

import (
	"container/heap"
	"sort"
)

// BM25 parameters, for sentence-long "documents": a mild length penalty so
// that a short sentence holding the question's words beats a long one that
// holds them among many others.
const (
	bm25K1 = 1.2
	bm25B  = 0.5
)

// Candidate generation reads whole posting lists only while their total
// stays under admitBudget; longer lists (common words of a large corpus)
// only add to sentences already found, so a query's work follows the
// postings of its rarer words, not the corpus size.
const (
	admitBudget   = 200_000
	maxCandidates = 64
)

// scratch is one query's accumulator. Only the entries in touched are ever
// non-zero, and they are cleared after use, so a pooled scratch costs
// nothing per query beyond the postings read.
type scratch struct {
	score   []float32
	seen    []uint32 // bit i: concept i already counted for this sentence
	touched []uint32
}

func newScratch(n int) *scratch {
	return &scratch{score: make([]float32, n), seen: make([]uint32, n)}
}

func (s *scratch) reset() {
	for _, id := range s.touched {
		s.score[id], s.seen[id] = 0, 0
	}
	s.touched = s.touched[:0]
}

// norm is BM25's term-frequency factor for one occurrence in sentence s.
func (e *Engine) norm(s uint32) float64 {
	l := float64(e.ix.lens[s]) / e.ix.avgLen
	return (bm25K1 + 1) / (1 + bm25K1*(1-bm25B+bm25B*l))
}

// candidates returns up to maxCandidates sentence ids, best first, by the
// weighted concepts they hold.
func (e *Engine) candidates(q *query) []uint32 {
	if len(q.concepts) == 0 {
		return nil
	}
	sc := e.pool.Get().(*scratch)
	defer func() { sc.reset(); e.pool.Put(sc) }()

	order := make([]int, len(q.concepts))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return e.conceptDF(&q.concepts[order[a]]) < e.conceptDF(&q.concepts[order[b]]) })
	read := 0
	for _, ci := range order {
		c := &q.concepts[ci]
		df := e.conceptDF(c)
		admit := read == 0 || read+df <= admitBudget
		read += df
		for _, a := range c.alts {
			e.accumulate(sc, e.ix.postings(a.term), uint32(1)<<ci, float32(c.weight*a.quality), admit)
		}
	}
	return topSentences(sc, maxCandidates)
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
		if sc.seen[s]&bit != 0 {
			return
		}
		if sc.seen[s] == 0 {
			sc.touched = append(sc.touched, s)
		}
		sc.seen[s] |= bit
		sc.score[s] += w * float32(e.norm(s))
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
			if sc.seen[s] != 0 {
				add(s)
			}
		}
	}
}

func hasSentence(post []uint32, s uint32) bool {
	i := sort.Search(len(post), func(i int) bool { return post[i] >= s })
	return i < len(post) && post[i] == s
}

// topSentences selects the k best touched sentences with a min-heap.
func topSentences(sc *scratch, k int) []uint32 {
	h := &sentHeap{score: sc.score}
	for _, s := range sc.touched {
		if h.Len() < k {
			heap.Push(h, s)
		} else if sc.score[s] > sc.score[h.ids[0]] {
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
	ids   []uint32
	score []float32
}

func (h *sentHeap) Len() int { return len(h.ids) }
func (h *sentHeap) Less(i, j int) bool {
	a, b := h.score[h.ids[i]], h.score[h.ids[j]]
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
