package live

import (
	"context"
	"maps"
	"slices"

	"briefbot/knowledge/basecache"
	"briefbot/knowledge/corpus"
)

// librarySource loads the documents stored by `briefbot ingest`. A load
// reads only the ids and hashes, then the documents that are new or
// changed, so polling a large library stays cheap.
type librarySource struct {
	library   Library
	fallback  []*corpus.Document
	snapshots snapshots
	hashes    map[string]string // of the last load; nil before it
	docs      map[string]*corpus.Document
}

func (s *librarySource) load(ctx context.Context) (batch, bool, error) {
	hashes, err := s.library.DocumentHashes(ctx)
	if err != nil {
		return batch{}, false, err
	}
	if s.hashes != nil && maps.Equal(hashes, s.hashes) {
		return batch{}, false, nil
	}
	l, keyed := batch{}, false
	if len(hashes) > 0 {
		l, keyed = s.snapshots.keyed(func() (basecache.Key, error) { return basecache.DocumentsKey(hashes), nil }, s.hashes == nil)
	}
	if l.base != nil {
		s.hashes, s.docs = hashes, make(map[string]*corpus.Document, len(l.docs))
		for _, d := range l.docs {
			s.docs[d.ID] = d
		}
		return l, true, nil
	}
	var fetch []string
	for id, h := range hashes {
		if d, ok := s.docs[id]; !ok || d.ContentHash() != h {
			fetch = append(fetch, id)
		}
	}
	stored, err := s.library.StoredDocuments(ctx, fetch)
	if err != nil {
		return batch{}, false, err
	}
	docs := make(map[string]*corpus.Document, len(hashes))
	for id := range hashes {
		if d, ok := s.docs[id]; ok {
			docs[id] = d
		}
	}
	for _, sd := range stored {
		docs[sd.ID] = sd.Document()
	}
	s.hashes, s.docs = hashes, docs
	if len(docs) == 0 {
		return batch{docs: s.fallback}, true, nil
	}
	l.docs = make([]*corpus.Document, 0, len(docs))
	for _, id := range slices.Sorted(maps.Keys(docs)) {
		l.docs = append(l.docs, docs[id])
	}
	if keyed {
		// Kept under what was fetched, which a concurrent ingest may have
		// made differ from the listing.
		l.rekey = func() (basecache.Key, error) { return basecache.DocumentsKey(contentHashes(l.docs)), nil }
	}
	return l, true, nil
}

func (s *librarySource) forget() { s.hashes = nil }
