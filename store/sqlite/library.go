package sqlite

import (
	"context"
	"fmt"
	"strings"
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

// DocumentHashes implements store.Store.
func (s *Store) DocumentHashes(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, sqlshared.LibraryHashesQuery)
	if err != nil {
		return nil, fmt.Errorf("reading stored documents: %w", err)
	}
	defer rows.Close()
	return sqlshared.ScanHashes(rows)
}

// StoredDocuments implements store.Store.
func (s *Store) StoredDocuments(ctx context.Context, ids []string) ([]corpus.Stored, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+sqlshared.LibraryColumns+` FROM library
		WHERE doc_id IN (?`+strings.Repeat(", ?", len(ids)-1)+`) ORDER BY doc_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("reading stored documents: %w", err)
	}
	defer rows.Close()
	var docs []corpus.Stored
	for rows.Next() {
		d, err := sqlshared.ScanStored(rows)
		if err != nil {
			return nil, fmt.Errorf("reading stored documents: %w", err)
		}
		docs = append(docs, d)
	}
	return docs, rows.Err()
}
