package sqlshared

import (
	"context"
	"database/sql"
	"fmt"

	"briefbot/store"
)

// SeenDocuments implements store.Seen; recording them (SeeDocuments) is
// each driver's, PostgreSQL's in one batch.
func (t Tables) SeenDocuments(ctx context.Context) (map[string]store.SeenDocument, error) {
	rows, err := t.DB.QueryContext(ctx, `SELECT doc_id, content_hash, first_seen, changed_at FROM documents`)
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
		d.FirstSeen, d.ChangedAt = FromMillis(first), FromMillis(changed)
		seen[d.ID] = d
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading documents: %w", err)
	}
	return seen, nil
}
