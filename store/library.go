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
