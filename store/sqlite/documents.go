package sqlite

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"
)

// SeeDocuments implements store.Store in one transaction, in id order so that the
// same documents always write the same way.
func (s *Store) SeeDocuments(ctx context.Context, docs map[string]string, now time.Time) error {
	ids := slices.Sorted(maps.Keys(docs))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("recording documents: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO documents (doc_id, content_hash, first_seen, changed_at)
		VALUES (?, ?, ?, ?)
		ON CONFLICT (doc_id) DO UPDATE SET content_hash = excluded.content_hash, changed_at = excluded.changed_at
		WHERE documents.content_hash <> excluded.content_hash`)
	if err != nil {
		return fmt.Errorf("recording documents: %w", err)
	}
	defer stmt.Close()
	at := now.UnixMilli()
	for _, id := range ids {
		if _, err := stmt.ExecContext(ctx, id, docs[id], at, at); err != nil {
			return fmt.Errorf("recording document %s: %w", id, err)
		}
	}
	return tx.Commit()
}
