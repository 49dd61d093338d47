package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"briefbot/store"
	"briefbot/store/internal/sqlshared"
)

// ClaimRun implements store.Store in one statement, so that the database, not
// the caller, decides between two processes racing for the same run.
func (s *Store) ClaimRun(ctx context.Context, subscriptionID int64, localDate string, now time.Time, lease time.Duration) (bool, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO runs (subscription_id, local_date, claimed_at, lease_until)
		VALUES (?, ?, ?, ?)
		ON CONFLICT (subscription_id, local_date) DO UPDATE
		SET claimed_at = excluded.claimed_at, lease_until = excluded.lease_until, attempts = runs.attempts + 1
		WHERE runs.finished_at IS NULL AND runs.lease_until <= excluded.claimed_at`,
		subscriptionID, localDate, now.UnixMilli(), now.Add(lease).UnixMilli())
	if err != nil {
		return false, fmt.Errorf("claiming run %d/%s: %w", subscriptionID, localDate, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("claiming run %d/%s: %w", subscriptionID, localDate, err)
	}
	return n == 1, nil
}

// FinishRun implements store.Store.
func (s *Store) FinishRun(ctx context.Context, subscriptionID int64, localDate string, outcome store.Outcome, now time.Time) error {
	res, err := s.db.ExecContext(ctx, `UPDATE runs SET finished_at = ?, outcome = ?
		WHERE subscription_id = ? AND local_date = ? AND finished_at IS NULL`,
		now.UnixMilli(), string(outcome), subscriptionID, localDate)
	if err != nil {
		return fmt.Errorf("finishing run %d/%s: %w", subscriptionID, localDate, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errors.Join(fmt.Errorf("finishing run %d/%s: no unfinished claim", subscriptionID, localDate), err)
	}
	return nil
}

// ReleaseRun implements store.Store.
func (s *Store) ReleaseRun(ctx context.Context, subscriptionID int64, localDate string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM runs WHERE subscription_id = ? AND local_date = ? AND finished_at IS NULL`,
		subscriptionID, localDate)
	if err != nil {
		return fmt.Errorf("releasing run %d/%s: %w", subscriptionID, localDate, err)
	}
	return nil
}

// LastRun implements store.Store.
func (s *Store) LastRun(ctx context.Context, subscriptionID int64, outcomes ...store.Outcome) (store.Run, bool, error) {
	query := `SELECT subscription_id, local_date, claimed_at, finished_at, outcome, attempts FROM runs
		WHERE subscription_id = ? AND finished_at IS NOT NULL`
	args := []any{subscriptionID}
	if len(outcomes) > 0 {
		query += ` AND outcome IN (?` + strings.Repeat(", ?", len(outcomes)-1) + `)`
		for _, o := range outcomes {
			args = append(args, string(o))
		}
	}
	query += ` ORDER BY finished_at DESC, local_date DESC LIMIT 1`
	var r store.Run
	var claimed, finished sql.NullInt64
	var outcome string
	err := s.db.QueryRowContext(ctx, query, args...).Scan(&r.SubscriptionID, &r.LocalDate, &claimed, &finished, &outcome, &r.Attempts)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Run{}, false, nil
	}
	if err != nil {
		return store.Run{}, false, fmt.Errorf("last run of %d: %w", subscriptionID, err)
	}
	r.ClaimedAt, r.FinishedAt, r.Outcome = sqlshared.FromMillis(claimed), sqlshared.FromMillis(finished), store.Outcome(outcome)
	return r, true, nil
}
