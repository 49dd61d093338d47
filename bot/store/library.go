package store

import (
	"briefbot/knowledge/corpus"
	"context"
	"time"
)

// Library keeps the ingested documents.
type Library interface {
	// PutDocuments stores documents, replacing a stored one of the same id
	// whose hash differs, and returns how many were added or changed.
	PutDocuments(ctx context.Context, docs []corpus.Stored, now time.Time) (int, error)
	// DocumentHashes returns the hash of every stored document, by id:
	// cheap to poll, to learn which documents to read again.
	DocumentHashes(ctx context.Context) (map[string]string, error)
	// StoredDocuments returns the stored documents among ids, in id order.
	StoredDocuments(ctx context.Context, ids []string) ([]corpus.Stored, error)
}

// DocumentListener is a store that tells other processes at once when
// documents are stored (PostgreSQL's LISTEN/NOTIFY). Stores without it are
// polled.
type DocumentListener interface {
	// ListenDocuments calls changed after each PutDocuments that changed
	// something, in any process, until ctx ends.
	ListenDocuments(ctx context.Context, changed func()) error
}
