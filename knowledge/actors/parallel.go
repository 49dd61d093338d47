package actors

import (
	"runtime"
	"sync"
	"sync/atomic"

	"briefbot/knowledge/corpus"
)

// inParallel calls read(worker, i) for every i in [0, n) from up to
// workers goroutines; one worker index is never used by two at once.
func inParallel(n, workers int, read func(worker, i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				read(w, i)
			}
		}()
	}
	wg.Wait()
}

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
	workers := max(1, min(runtime.GOMAXPROCS(0), len(docs)))
	partial := make([]*tally, workers)
	for w := range partial {
		partial[w] = newTally()
	}
	inParallel(len(docs), workers, func(w, i int) {
		if docs[i] != nil {
			partial[w].add(docs[i])
		}
	})
	v := mergeTallies(partial)

	found := make([]docNames, len(docs))
	caches := make([]keyCache, workers)
	judged := make([]map[string]bool, workers)
	for w := range caches {
		caches[w], judged[w] = keyCache{}, map[string]bool{}
	}
	inParallel(len(docs), workers, func(w, i int) {
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
