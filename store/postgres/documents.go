package postgres

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"briefbot/store"
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

// SeenDocuments implements store.Store.
func (s *Store) SeenDocuments(ctx context.Context) (map[string]store.SeenDocument, error) {
	rows, err := s.pool.Query(ctx, `SELECT doc_id, content_hash, first_seen, changed_at FROM documents`)
	if err != nil {
		return nil, fmt.Errorf("reading documents: %w", err)
	}
	defer rows.Close()
	seen := map[string]store.SeenDocument{}
	for rows.Next() {
		var d store.SeenDocument
		var first, changed *int64
		if err := rows.Scan(&d.ID, &d.Hash, &first, &changed); err != nil {
			return nil, fmt.Errorf("reading documents: %w", err)
		}
		d.FirstSeen, d.ChangedAt = fromMillis(first), fromMillis(changed)
		seen[d.ID] = d
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading documents: %w", err)
	}
	return seen, nil
}
