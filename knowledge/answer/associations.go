package answer

import (
	"sort"

	"briefbot/knowledge/words"
)

// Associations stand in for WordNet where it has no entry: a domain word
// ("jihadists", "mujahideen") is related to the terms that keep it company
// in the user's own documents, learnt from the sentences that hold it.
const (
	// associationSample bounds the sentences read to learn one word's
	// company, so that the cost does not grow with the corpus, and
	// associationBytes the text read, so that it does not grow with a
	// sentence either (a list of names with no full stop is one sentence
	// of hundreds of kilobytes).
	associationSample = 200
	associationBytes  = 64 << 10
	// minAssociationCount and minLift keep a term that shares a sentence
	// with the word by chance out: it must do so at least this often, and
	// this many times more often than its share of all sentences.
	minAssociationCount = 3
	minLift             = 8.0
	// A word in more than one sentence in commonShare (and more than
	// commonFloor) is no domain word but a function word WordNet does not
	// list ("unless", "toward"): nothing keeps it company eight times more
	// than chance, and reading its sample would be wasted.
	commonShare        = 1000
	commonFloor        = 100
	maxAssociations    = 3
	associationQuality = 0.4
)

// associated returns up to maxAssociations terms over-represented in the
// sentences of term t, most over-represented first. Learning them reads up
// to associationSample sentences, so they are remembered.
func (e *Engine) associated(t uint32) []uint32 {
	return e.associations.get(t, func() []uint32 { return e.learnAssociations(t) })
}

// learnAssociations reads a sample of the sentences of term t for the terms
// that keep it company.
func (e *Engine) learnAssociations(t uint32) []uint32 {
	post := e.ix.postings(t)
	if len(post) < minAssociationCount || len(post) > max(commonFloor, len(e.ix.sents)/commonShare) {
		return nil
	}
	step := max(1, len(post)/associationSample)
	counts := map[uint32]int{}
	read, bytes := 0, 0
	for i := 0; i < len(post) && bytes < associationBytes; i += step {
		read++
		text := e.ix.text(int(post[i]))
		text = text[:min(len(text), associationBytes-bytes)]
		bytes += len(text)
		seen := map[uint32]bool{}
		for _, tok := range words.Tokenize(text) {
			wordsOf(tok.Text, func(w string) {
				if u, ok := e.ix.lookup(w); ok && u != t && !seen[u] {
					seen[u] = true
					counts[u]++
				}
			})
		}
	}
	type scored struct {
		term uint32
		lift float64
	}
	var out []scored
	n := float64(len(e.ix.sents))
	for u, c := range counts {
		if c < minAssociationCount {
			continue
		}
		lift := (float64(c) / float64(read)) / (float64(e.ix.df(u)) / n)
		if lift >= minLift {
			out = append(out, scored{u, lift})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].lift != out[j].lift {
			return out[i].lift > out[j].lift
		}
		return out[i].term < out[j].term
	})
	var terms []uint32
	for _, s := range out[:min(len(out), maxAssociations)] {
		terms = append(terms, s.term)
	}
	return terms
}
