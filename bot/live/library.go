package live

import (
	"context"
	"maps"
	"slices"

	"briefbot/bot/store"
	"briefbot/knowledge/corpus"
)

// librarySource loads the documents stored by `briefbot ingest`. A load
// reads only the ids and hashes, then the documents that are new or
// changed, so polling a large library stays cheap.
type librarySource struct {
	library  store.Library
	fallback []*corpus.Document
	hashes   map[string]string // of the last load; nil before it
	docs     map[string]*corpus.Document
}

func (s *librarySource) load(ctx context.Context) ([]*corpus.Document, bool, error) {
	hashes, err := s.library.DocumentHashes(ctx)
	if err != nil {
		return nil, false, err
	}
	if s.hashes != nil && maps.Equal(hashes, s.hashes) {
		return nil, false, nil
	}
	var fetch []string
	for id, h := range hashes {
		if d, ok := s.docs[id]; !ok || d.ContentHash() != h {
			fetch = append(fetch, id)
		}
	}
	stored, err := s.library.StoredDocuments(ctx, fetch)
	if err != nil {
		return nil, false, err
	}
	docs := make(map[string]*corpus.Document, len(hashes))
	for id := range hashes {
		if d, ok := s.docs[id]; ok {
			docs[id] = d
		}
	}
	for _, sd := range stored {
		docs[sd.ID] = Document(sd)
	}
	s.hashes, s.docs = hashes, docs
	if len(docs) == 0 {
		return s.fallback, true, nil
	}
	out := make([]*corpus.Document, 0, len(docs))
	for _, id := range slices.Sorted(maps.Keys(docs)) {
		out = append(out, docs[id])
	}
	return out, true, nil
}

func (s *librarySource) forget() { s.hashes = nil }

// Stored is d as `briefbot ingest` stores it: cleaned paragraphs and
// metadata, from which Document rebuilds the same document.
func Stored(d *corpus.Document) store.StoredDocument {
	paragraphs := make([]string, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		paragraphs[i] = d.Text[p.Start:p.End]
	}
	return store.StoredDocument{ID: d.ID, File: d.File, Meta: d.Meta, Paragraphs: paragraphs,
		Captions: d.Captions, Hash: d.ContentHash()}
}

// Document rebuilds a stored document.
func Document(sd store.StoredDocument) *corpus.Document {
	d := corpus.New(sd.ID, sd.File, sd.Meta, sd.Paragraphs)
	d.Captions = sd.Captions
	return d
}
