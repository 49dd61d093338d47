package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"briefbot/knowledge/corpus"
	"briefbot/store/internal/sqlshared"
)

// documentsChannel is the NOTIFY channel PutDocuments signals on.
const documentsChannel = "briefbot_documents"

// PutDocuments implements store.Store. The notification is sent with the
// commit, so a listener that hears it reads the new rows.
func (s *Store) PutDocuments(ctx context.Context, docs []corpus.Stored, now time.Time) (int, error) {
	changed := 0
	upsert := sqlshared.LibraryUpsert(dialect)
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		changed = 0
		for _, d := range docs {
			row, err := sqlshared.LibraryRow(d, now)
			if err != nil {
				return err
			}
			tag, err := tx.Exec(ctx, upsert, row...)
			if err != nil {
				return fmt.Errorf("document %s: %w", d.ID, err)
			}
			changed += int(tag.RowsAffected())
		}
		if changed == 0 {
			return nil
		}
		_, err := tx.Exec(ctx, `SELECT pg_notify($1, '')`, documentsChannel)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("storing documents: %w", err)
	}
	return changed, nil
}

// DocumentHashes implements store.Store.
func (s *Store) DocumentHashes(ctx context.Context) (map[string]string, error) {
	rows, err := s.pool.Query(ctx, sqlshared.LibraryHashesQuery)
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
	rows, err := s.pool.Query(ctx, `SELECT `+sqlshared.LibraryColumns+` FROM library WHERE doc_id = ANY($1) ORDER BY doc_id`, ids)
	if err != nil {
		return nil, fmt.Errorf("reading stored documents: %w", err)
	}
	docs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (corpus.Stored, error) {
		return sqlshared.ScanStored(row)
	})
	if err != nil {
		return nil, fmt.Errorf("reading stored documents: %w", err)
	}
	return docs, nil
}

// ListenDocuments implements live.Listener on a connection of its own,
// LISTENing until ctx ends (nil) or the connection is lost (its error).
func (s *Store) ListenDocuments(ctx context.Context, changed func()) error {
	err := s.listen(ctx, changed)
	if ctx.Err() != nil {
		return nil
	}
	return err
}

func (s *Store) listen(ctx context.Context, changed func()) error {
	pooled, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	// Taken out of the pool: a connection left LISTENing must not serve
	// other queries.
	conn := pooled.Hijack()
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+documentsChannel); err != nil {
		return err
	}
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return err
		}
		changed()
	}
}
