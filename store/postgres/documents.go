package postgres

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
)

// SeeDocuments implements store.Store in one transaction, in id order so
// that two replicas recording the same documents lock rows in the same
// order and never deadlock.
func (s *Store) SeeDocuments(ctx context.Context, docs map[string]string, now time.Time) error {
	ids := slices.Sorted(maps.Keys(docs))
	var batch pgx.Batch
	at := now.UnixMilli()
	for _, id := range ids {
		batch.Queue(`INSERT INTO documents (doc_id, content_hash, first_seen, changed_at)
			VALUES ($1, $2, $3, $3)
			ON CONFLICT (doc_id) DO UPDATE SET content_hash = excluded.content_hash, changed_at = excluded.changed_at
			WHERE documents.content_hash <> excluded.content_hash`, id, docs[id], at)
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		return tx.SendBatch(ctx, &batch).Close()
	})
	if err != nil {
		return fmt.Errorf("recording documents: %w", err)
	}
	return nil
}
