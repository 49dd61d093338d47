package actors

import (
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/internal/parallel"
)

// docNames is what the name finder read in one document.
type docNames struct {
	spans []rawSpan
	defs  []acronymDef
	lists int
}

// readCorpus learns the corpus vocabulary, then finds the names of every
// document, both on all CPUs. The result does not depend on the schedule:
// counts are summed and documents are joined in their order.
func readCorpus(docs []*corpus.Document) (*vocabulary, []rawSpan, []acronymDef) {
	partial := make([]*tally, parallel.Workers())
	for w := range partial {
		partial[w] = newTally()
	}
	parallel.For(len(docs), func(w, i int) {
		if docs[i] != nil {
			partial[w].add(docs[i])
		}
	})
	v := mergeTallies(partial)

	found := make([]docNames, len(docs))
	caches := make([]keyCache, parallel.Workers())
	judged := make([]map[string]bool, parallel.Workers())
	for w := range caches {
		caches[w], judged[w] = keyCache{}, map[string]bool{}
	}
	parallel.For(len(docs), func(w, i int) {
		if docs[i] != nil {
			f := &finder{vocab: v, keys: caches[w], parts: judged[w]}
			found[i] = f.document(docs[i], i)
		}
	})
	var defs []acronymDef
	total := 0
	for _, dn := range found {
		defs = append(defs, dn.defs...)
		for _, sp := range dn.spans {
			total += max(1, len(sp.alt)) // an unsettled long form may become its two readings
		}
	}
	// Joined and settled in one pass: the spans are millions on a large
	// corpus, a copy of hundreds of MB each time.
	established := establishedLongForms(found, defs)
	spans := make([]rawSpan, 0, total)
	lists := 0
	for _, dn := range found {
		for _, sp := range dn.spans {
			if sp.list > 0 {
				sp.list += lists // list numbers are per document
			}
			spans = settleLongForm(spans, sp, established)
		}
		lists += dn.lists
	}
	return v, spans, defs
}

// establishedLongForms counts, for each "X in the Y" reading ("al-Qaeda in
// the Indian Subcontinent"), how well the corpus establishes it as a name:
// two for a defined long form, one for each time it is written.
func establishedLongForms(found []docNames, defs []acronymDef) map[string]int {
	established := map[string]int{}
	for _, d := range defs {
		established[keySkeleton(d.long)] += 2
	}
	for _, dn := range found {
		for _, sp := range dn.spans {
			if sp.alt != nil {
				established[keySkeleton(sp.key)]++
			}
		}
	}
	return established
}

// settleLongForm appends sp to spans in its "X in the Y" reading when that
// is established (a defined long form, or one that recurs); otherwise the
// sentence names X and Y.
func settleLongForm(spans []rawSpan, sp rawSpan, established map[string]int) []rawSpan {
	if sp.alt != nil && established[keySkeleton(sp.key)] < 2 {
		return append(spans, sp.alt...)
	}
	sp.alt = nil
	return append(spans, sp)
}

// document finds the names of every sentence of d.
func (f *finder) document(d *corpus.Document, di int) docNames {
	var spans []rawSpan
	for si := range d.Sentences {
		spans = f.appendSentenceSpans(spans, d, di, si)
	}
	return docNames{spans: spans, defs: f.defs, lists: f.lists}
}
