package sqlshared

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"briefbot/store"
)

// ClaimInteraction implements store.Interactions, forgetting interactions
// older than store.InteractionMemory; the primary key decides between
// processes racing for the same interaction.
func (t Tables) ClaimInteraction(ctx context.Context, id string, now time.Time) (bool, error) {
	if _, err := t.DB.ExecContext(ctx, t.bind(`DELETE FROM interactions WHERE created_at < ?`),
		now.Add(-store.InteractionMemory).UnixMilli()); err != nil {
		return false, fmt.Errorf("forgetting old interactions: %w", err)
	}
	res, err := t.DB.ExecContext(ctx, t.bind(`INSERT INTO interactions (interaction_id, created_at) VALUES (?, ?)
		ON CONFLICT (interaction_id) DO NOTHING`), id, now.UnixMilli())
	if err != nil {
		return false, fmt.Errorf("claiming interaction %s: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("claiming interaction %s: %w", id, err)
	}
	return n == 1, nil
}

// FinishInteraction implements store.Interactions.
func (t Tables) FinishInteraction(ctx context.Context, id, result string) error {
	if _, err := t.DB.ExecContext(ctx, t.bind(`UPDATE interactions SET result = ?, done = 1 WHERE interaction_id = ?`), result, id); err != nil {
		return fmt.Errorf("finishing interaction %s: %w", id, err)
	}
	return nil
}

// InteractionResult implements store.Interactions.
func (t Tables) InteractionResult(ctx context.Context, id string) (string, bool, error) {
	var result string
	var done int64
	err := t.DB.QueryRowContext(ctx, t.bind(`SELECT result, done FROM interactions WHERE interaction_id = ?`), id).Scan(&result, &done)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("reading interaction %s: %w", id, err)
	}
	return result, done == 1, nil
}
