package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"briefbot/store"
)

// ClaimRun implements store.Store. A new run is inserted (a racing insert
// waits for ours and then finds the row); an existing one is locked with
// SKIP LOCKED, so a process that finds another deciding on the same run
// walks away instead of waiting, and is taken over only when unfinished
// and past its lease.
func (s *Store) ClaimRun(ctx context.Context, subscriptionID int64, localDate string, now time.Time, lease time.Duration) (bool, error) {
	claimed := false
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO runs (subscription_id, local_date, claimed_at, lease_until)
			VALUES ($1, $2, $3, $4) ON CONFLICT (subscription_id, local_date) DO NOTHING`,
			subscriptionID, localDate, now.UnixMilli(), now.Add(lease).UnixMilli())
		if err != nil || tag.RowsAffected() == 1 {
			claimed = err == nil
			return err
		}
		var finished *int64
		var leaseUntil int64
		err = tx.QueryRow(ctx, `SELECT finished_at, lease_until FROM runs
			WHERE subscription_id = $1 AND local_date = $2 FOR UPDATE SKIP LOCKED`,
			subscriptionID, localDate).Scan(&finished, &leaseUntil)
		if errors.Is(err, pgx.ErrNoRows) || (err == nil && (finished != nil || leaseUntil > now.UnixMilli())) {
			return nil // held by another transaction, finished, or leased
		}
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE runs SET claimed_at = $3, lease_until = $4, attempts = attempts + 1
			WHERE subscription_id = $1 AND local_date = $2`,
			subscriptionID, localDate, now.UnixMilli(), now.Add(lease).UnixMilli())
		claimed = err == nil
		return err
	})
	if err != nil {
		return false, fmt.Errorf("claiming run %d/%s: %w", subscriptionID, localDate, err)
	}
	return claimed, nil
}

// FinishRun implements store.Store.
func (s *Store) FinishRun(ctx context.Context, subscriptionID int64, localDate string, outcome store.Outcome, now time.Time) error {
	tag, err := s.pool.Exec(ctx, `UPDATE runs SET finished_at = $1, outcome = $2
		WHERE subscription_id = $3 AND local_date = $4 AND finished_at IS NULL`,
		now.UnixMilli(), string(outcome), subscriptionID, localDate)
	if err != nil {
		return fmt.Errorf("finishing run %d/%s: %w", subscriptionID, localDate, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("finishing run %d/%s: no unfinished claim", subscriptionID, localDate)
	}
	return nil
}

// ReleaseRun implements store.Store.
func (s *Store) ReleaseRun(ctx context.Context, subscriptionID int64, localDate string) error {
	_, err := s.pool.Exec(ctx, `DELETE FROM runs WHERE subscription_id = $1 AND local_date = $2 AND finished_at IS NULL`,
		subscriptionID, localDate)
	if err != nil {
		return fmt.Errorf("releasing run %d/%s: %w", subscriptionID, localDate, err)
	}
	return nil
}

// LastRun implements store.Store.
func (s *Store) LastRun(ctx context.Context, subscriptionID int64, outcomes ...store.Outcome) (store.Run, bool, error) {
	wanted := make([]string, len(outcomes))
	for i, o := range outcomes {
		wanted[i] = string(o)
	}
	var r store.Run
	var claimed, finished *int64
	var outcome string
	err := s.pool.QueryRow(ctx, `SELECT subscription_id, local_date, claimed_at, finished_at, outcome, attempts FROM runs
		WHERE subscription_id = $1 AND finished_at IS NOT NULL AND (cardinality($2::text[]) = 0 OR outcome = ANY($2))
		ORDER BY finished_at DESC, local_date DESC LIMIT 1`, subscriptionID, wanted).
		Scan(&r.SubscriptionID, &r.LocalDate, &claimed, &finished, &outcome, &r.Attempts)
	if errors.Is(err, pgx.ErrNoRows) {
		return store.Run{}, false, nil
	}
	if err != nil {
		return store.Run{}, false, fmt.Errorf("last run of %d: %w", subscriptionID, err)
	}
	r.ClaimedAt, r.FinishedAt, r.Outcome = fromMillis(claimed), fromMillis(finished), store.Outcome(outcome)
	return r, true, nil
}
