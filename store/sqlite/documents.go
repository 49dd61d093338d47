package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"time"

	"briefbot/store"
	"briefbot/store/internal/sqlshared"
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

// SeenDocuments implements store.Store.
func (s *Store) SeenDocuments(ctx context.Context) (map[string]store.SeenDocument, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT doc_id, content_hash, first_seen, changed_at FROM documents`)
	if err != nil {
		return nil, fmt.Errorf("reading documents: %w", err)
	}
	defer rows.Close()
	seen := map[string]store.SeenDocument{}
	for rows.Next() {
		var d store.SeenDocument
		var first, changed sql.NullInt64
		if err := rows.Scan(&d.ID, &d.Hash, &first, &changed); err != nil {
			return nil, fmt.Errorf("reading documents: %w", err)
		}
		d.FirstSeen, d.ChangedAt = sqlshared.FromMillis(first), sqlshared.FromMillis(changed)
		seen[d.ID] = d
	}
	return seen, rows.Err()
}
