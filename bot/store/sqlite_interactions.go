package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ClaimInteraction implements Store; the primary key decides between racers.
func (s *SQLite) ClaimInteraction(ctx context.Context, id string, now time.Time) (bool, error) {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM interactions WHERE created_at < ?`,
		now.Add(-InteractionMemory).UnixMilli()); err != nil {
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

// FinishInteraction implements Store.
func (s *SQLite) FinishInteraction(ctx context.Context, id, result string) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE interactions SET result = ?, done = 1 WHERE interaction_id = ?`, result, id); err != nil {
		return fmt.Errorf("finishing interaction %s: %w", id, err)
	}
	return nil
}

// InteractionResult implements Store.
func (s *SQLite) InteractionResult(ctx context.Context, id string) (string, bool, error) {
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
