package claims

import (
	"briefbot/knowledge/actors"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// Set is the claims of a corpus, merged across documents, with the index
// that Cite searches.
type Set struct {
	docs     []*corpus.Document
	claims   []*Claim
	contests []Contest
	index    *textIndex
	said     [][]saidSpan      // per document, the attributed spans, for Cite
	docOrder map[string]int    // document id -> position in the corpus
	names    map[string]string // actor key -> name, for contest subjects
}

// Extract finds the claims of docs and indexes their sentences for Cite.
// Speakers and subjects are linked to reg's actors; with a nil reg nothing
// is linked and speakers stay as written. The work is linear in the size of
// the corpus.
func Extract(docs []*corpus.Document, reg *actors.Registry) *Set {
	if reg == nil {
		return extract(docs, unlinked{})
	}
	return extract(docs, newRegistryLinker(reg))
}

func extract(docs []*corpus.Document, l linker) *Set {
	var raw []*Claim
	names := map[string]string{}
	for i, d := range docs {
		if d == nil {
			continue
		}
		x := extractDoc(l, d, i)
		raw = append(raw, x.claims...)
		for _, ms := range x.mentioned {
			for _, m := range ms {
				if _, ok := names[m.Key]; !ok {
					names[m.Key] = m.Name
				}
			}
		}
	}
	s := &Set{docs: docs, claims: merge(raw, docs), names: names}
	for _, c := range s.claims {
		c.ID = claimID(c)
	}
	s.contests = findContests(s)
	s.index = buildIndex(docs)
	s.said = indexSaid(s.claims, len(docs))
	s.docOrder = map[string]int{}
	for i, d := range docs {
		if d != nil {
			s.docOrder[d.ID] = i
		}
	}
	return s
}

// All returns every claim, in the order of its first source (document
// order, then position).
func (s *Set) All() []*Claim {
	return append([]*Claim(nil), s.claims...)
}

// ByKind returns the claims of kind k.
func (s *Set) ByKind(k Kind) []*Claim {
	var out []*Claim
	for _, c := range s.claims {
		if c.Kind == k {
			out = append(out, c)
		}
	}
	return out
}

// ByActor returns the claims an actor makes (its id as SpeakerID, or its
// name as an unlinked Speaker), then the claims about it (its id as About:
// figures and stated conditions).
func (s *Set) ByActor(actorID string) []*Claim {
	var said, about []*Claim
	key := words.Key(actorID)
	for _, c := range s.claims {
		switch {
		case c.SpeakerID == actorID || (c.SpeakerID == "" && key != "" && words.Key(c.Speaker) == key):
			said = append(said, c)
		case c.About == actorID:
			about = append(about, c)
		}
	}
	return append(said, about...)
}

// Contested returns the groups of claims that disagree about one subject.
func (s *Set) Contested() []Contest {
	return append([]Contest(nil), s.contests...)
}
