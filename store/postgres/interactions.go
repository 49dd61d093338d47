package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"briefbot/store"
)

// ClaimInteraction implements store.Store; the primary key decides between
// replicas racing for the same interaction.
func (s *Store) ClaimInteraction(ctx context.Context, id string, now time.Time) (bool, error) {
	if _, err := s.pool.Exec(ctx, `DELETE FROM interactions WHERE created_at < $1`,
		now.Add(-store.InteractionMemory).UnixMilli()); err != nil {
		return false, fmt.Errorf("forgetting old interactions: %w", err)
	}
	tag, err := s.pool.Exec(ctx, `INSERT INTO interactions (interaction_id, created_at) VALUES ($1, $2)
		ON CONFLICT (interaction_id) DO NOTHING`, id, now.UnixMilli())
	if err != nil {
		return false, fmt.Errorf("claiming interaction %s: %w", id, err)
	}
	return tag.RowsAffected() == 1, nil
}

// FinishInteraction implements store.Store.
func (s *Store) FinishInteraction(ctx context.Context, id, result string) error {
	if _, err := s.pool.Exec(ctx, `UPDATE interactions SET result = $1, done = 1 WHERE interaction_id = $2`, result, id); err != nil {
		return fmt.Errorf("finishing interaction %s: %w", id, err)
	}
	return nil
}

// InteractionResult implements store.Store.
func (s *Store) InteractionResult(ctx context.Context, id string) (string, bool, error) {
	var result string
	var done int64
	err := s.pool.QueryRow(ctx, `SELECT result, done FROM interactions WHERE interaction_id = $1`, id).Scan(&result, &done)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("reading interaction %s: %w", id, err)
	}
	return result, done == 1, nil
}
