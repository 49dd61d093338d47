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
	total := 0
	for _, dn := range found {
		total += len(dn.spans)
	}
	spans := make([]rawSpan, 0, total) // millions on a large corpus: grown once
	var defs []acronymDef
	lists := 0
	for _, dn := range found {
		for _, sp := range dn.spans {
			if sp.list > 0 {
				sp.list += lists // list numbers are per document
			}
			spans = append(spans, sp)
		}
		defs = append(defs, dn.defs...)
		lists += dn.lists
	}
	return v, spans, defs
}

// document finds the names of every sentence of d.
func (f *finder) document(d *corpus.Document, di int) docNames {
	var spans []rawSpan
	for si := range d.Sentences {
		spans = f.appendSentenceSpans(spans, d, di, si)
	}
	return docNames{spans: spans, defs: f.defs, lists: f.lists}
}
