package store

import (
	"context"
	"time"

	"briefbot/bot/store/internal/sqlshared"
)

// StoredDocument is a cleaned document kept in the store by `briefbot
// ingest`, so that every process serving from the store can rebuild it
// (corpus.New of its paragraphs) without the original file: its ID, File,
// corpus.Meta, Paragraphs and Captions, its Hash (corpus.ContentHash), and
// when it was stored (StoredAt).
type StoredDocument = sqlshared.StoredDocument

// Library keeps the ingested documents.
type Library interface {
	// PutDocuments stores documents, replacing a stored one of the same id
	// whose hash differs, and returns how many were added or changed.
	PutDocuments(ctx context.Context, docs []StoredDocument, now time.Time) (int, error)
	// DocumentHashes returns the hash of every stored document, by id:
	// cheap to poll, to learn which documents to read again.
	DocumentHashes(ctx context.Context) (map[string]string, error)
	// StoredDocuments returns the stored documents among ids, in id order.
	StoredDocuments(ctx context.Context, ids []string) ([]StoredDocument, error)
}

// DocumentListener is a store that tells other processes at once when
// documents are stored (PostgreSQL's LISTEN/NOTIFY). Stores without it are
// polled.
type DocumentListener interface {
	// ListenDocuments calls changed after each PutDocuments that changed
	// something, in any process, until ctx ends.
	ListenDocuments(ctx context.Context, changed func()) error
}
