package sqlite

import (
	"briefbot/store"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ClaimInteraction implements store.Store; the primary key decides between racers.
func (s *Store) ClaimInteraction(ctx context.Context, id string, now time.Time) (bool, error) {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM interactions WHERE created_at < ?`,
		now.Add(-store.InteractionMemory).UnixMilli()); err != nil {
		return false, fmt.Errorf("forgetting old interactions: %w", err)
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO interactions (interaction_id, created_at) VALUES (?, ?)
		ON CONFLICT (interaction_id) DO NOTHING`, id, now.UnixMilli())
	if err != nil {
		return false, fmt.Errorf("claiming interaction %s: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("claiming interaction %s: %w", id, err)
	}
	return n == 1, nil
}

// FinishInteraction implements store.Store.
func (s *Store) FinishInteraction(ctx context.Context, id, result string) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE interactions SET result = ?, done = 1 WHERE interaction_id = ?`, result, id); err != nil {
		return fmt.Errorf("finishing interaction %s: %w", id, err)
	}
	return nil
}

// InteractionResult implements store.Store.
func (s *Store) InteractionResult(ctx context.Context, id string) (string, bool, error) {
	var result string
	var done bool
	err := s.db.QueryRowContext(ctx, `SELECT result, done FROM interactions WHERE interaction_id = ?`, id).Scan(&result, &done)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("reading interaction %s: %w", id, err)
	}
	return result, done, nil
}
