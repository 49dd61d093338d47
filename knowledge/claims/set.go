package claims

import (
	"maps"
	"slices"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/internal/parallel"
	"briefbot/knowledge/words"
)

// Set is the claims of a corpus, merged across documents, with the index
// that Cite searches. It is not changed after Extract and is safe for
// concurrent use.
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
	return IndexText(docs).Extract(reg)
}

// TextIndex is the word index Cite searches, being built: it needs the
// documents alone, so it can be built while the registry the claims link
// to is.
type TextIndex struct {
	docs []*corpus.Document
	done chan struct{}
	ix   *textIndex
}

// IndexText starts indexing the words of docs on other goroutines and
// returns at once.
func IndexText(docs []*corpus.Document) *TextIndex {
	t := &TextIndex{docs: docs, done: make(chan struct{})}
	go func() {
		defer close(t.done)
		t.ix = buildIndex(docs)
	}()
	return t
}

// Extract finds the claims of the indexed documents, as the function
// Extract does, and waits for the index to finish. A TextIndex extracts
// once.
func (t *TextIndex) Extract(reg *actors.Registry) *Set {
	var l linker = unlinked{}
	if reg != nil {
		l = newRegistryLinker(reg)
	}
	docs := t.docs
	var raw []*Claim
	names := map[string]string{}
	for _, x := range extractAll(docs, l) {
		if x == nil {
			continue
		}
		raw = append(raw, x.claims...)
		// Sentences in order, so that an unlinked key always gets the
		// name it is first written with.
		for _, si := range slices.Sorted(maps.Keys(x.mentioned)) {
			for _, m := range x.mentioned[si] {
				if _, ok := names[m.Key]; !ok {
					names[m.Key] = m.Name
				}
			}
		}
	}
	s := &Set{docs: docs, claims: merge(raw), names: names}
	for _, c := range s.claims {
		c.ID = claimID(c)
	}
	s.contests = findContests(s)
	s.said = indexSaid(s.claims, len(docs))
	s.docOrder = docPositions(docs)
	<-t.done
	s.index = t.ix
	return s
}

// docPositions maps each document's id to its position in the corpus.
func docPositions(docs []*corpus.Document) map[string]int {
	order := make(map[string]int, len(docs))
	for i, d := range docs {
		if d != nil {
			order[d.ID] = i
		}
	}
	return order
}

// extractAll extracts the documents in parallel (each document alone, the
// linker only read), returning the results in corpus order.
func extractAll(docs []*corpus.Document, l linker) []*docExtractor {
	out := make([]*docExtractor, len(docs))
	forEachDoc(docs, func(i int) { out[i] = extractDoc(l, docs[i], i) })
	return out
}

// forEachDoc calls do(i) for each non-nil document on all CPUs.
func forEachDoc(docs []*corpus.Document, do func(i int)) {
	parallel.For(len(docs), func(_, i int) {
		if docs[i] != nil {
			do(i)
		}
	})
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
