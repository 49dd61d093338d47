package actors

import (
	"sort"

	"briefbot/knowledge/corpus"
)

// The largest number of actors of one sentence that are paired: a sentence
// listing dozens of names says little about each pair.
const maxPairedPerSentence = 12

// refsPerPair bounds the sentences kept as evidence for one pair.
const refsPerPair = 8

type sentRef struct{ doc, sentence int32 }

type pairStat struct {
	a, b     int32
	strength int
	docs     int
	lastDoc  int32
	refs     []sentRef
}

// relations counts, for every pair of actors, the sentences that mention
// both, keeping a few of them (from as many documents as possible).
type relations struct {
	docs []*corpus.Document
	// pairs finds a pair by its actors while they are counted; it is
	// dropped once they are (nothing looks a pair up after).
	pairs map[uint64]*pairStat
	list  []*pairStat // every pair, in the order first met
	adj   map[int32][]*pairStat
}

func newRelations(r *Registry, docs []*corpus.Document) *relations {
	rel := &relations{docs: docs, pairs: map[uint64]*pairStat{}, adj: map[int32][]*pairStat{}}
	defer func() { rel.pairs = nil }()
	for di := range r.sentences.docs() {
		for si := range r.sentences.sentences(di) {
			row := r.sentences.of(di, si)
			if len(row) > maxPairedPerSentence {
				row = row[:maxPairedPerSentence]
			}
			for x := 0; x < len(row); x++ {
				for y := x + 1; y < len(row); y++ {
					rel.add(row[x], row[y], sentRef{int32(di), int32(si)})
				}
			}
		}
	}
	return rel
}

func (rel *relations) add(a, b int32, ref sentRef) {
	if a > b {
		a, b = b, a
	}
	k := pairKey(a, b)
	p := rel.pairs[k]
	if p == nil {
		p = &pairStat{a: a, b: b, lastDoc: -1}
		rel.pairs[k], rel.list = p, append(rel.list, p)
		rel.adj[a] = append(rel.adj[a], p)
		rel.adj[b] = append(rel.adj[b], p)
	}
	p.strength++
	newDoc := p.lastDoc != ref.doc
	if newDoc {
		p.docs++
		p.lastDoc = ref.doc
	}
	switch {
	case len(p.refs) < refsPerPair:
		p.refs = append(p.refs, ref)
	case newDoc:
		// Make room for a new document by dropping a repeat of an earlier one.
		for i := len(p.refs) - 1; i > 0; i-- {
			if p.refs[i].doc == p.refs[i-1].doc {
				copy(p.refs[i:], p.refs[i+1:])
				p.refs[len(p.refs)-1] = ref
				break
			}
		}
	}
}

func pairKey(a, b int32) uint64 { return uint64(a)<<32 | uint64(b) }

// Related returns the actors mentioned in the same sentences as the actor
// with the given id, strongest link first, each with cited sentences.
func (r *Registry) Related(id string) []Relation {
	a := r.byID[id]
	if a == nil {
		return nil
	}
	self := int32(-1)
	for i, x := range r.actors {
		if x == a {
			self = int32(i)
			break
		}
	}
	var out []Relation
	for _, p := range r.links.adj[self] {
		other := r.actors[p.a]
		if p.a == self {
			other = r.actors[p.b]
		}
		rel := Relation{ID: other.ID, Name: other.Name, Strength: p.strength, Docs: p.docs}
		for _, ref := range p.refs {
			d := r.links.docs[ref.doc]
			rel.Citations = append(rel.Citations, d.CiteSentences(int(ref.sentence), int(ref.sentence)))
		}
		out = append(out, rel)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Strength != out[j].Strength {
			return out[i].Strength > out[j].Strength
		}
		if out[i].Docs != out[j].Docs {
			return out[i].Docs > out[j].Docs
		}
		return out[i].Name < out[j].Name
	})
	return out
}
