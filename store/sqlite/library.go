package sqlite

import (
	"context"
	"fmt"
	"time"

	"briefbot/knowledge/corpus"
	"briefbot/store/internal/sqlshared"
)

// PutDocuments implements store.Store in one transaction.
func (s *Store) PutDocuments(ctx context.Context, docs []corpus.Stored, now time.Time) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("storing documents: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	changed := 0
	upsert := sqlshared.LibraryUpsert(sqlshared.SQLiteDialect)
	for _, d := range docs {
		row, err := sqlshared.LibraryRow(d, now)
		if err != nil {
			return 0, err
		}
		res, err := tx.ExecContext(ctx, upsert, row...)
		if err != nil {
			return 0, fmt.Errorf("storing document %s: %w", d.ID, err)
		}
		n, _ := res.RowsAffected()
		changed += int(n)
	}
	return changed, tx.Commit()
}
