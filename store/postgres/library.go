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
