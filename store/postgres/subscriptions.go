package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"briefbot/store"
)

const subscriptionColumns = `id, guild_id, channel_id, local_time, timezone, actor, created_by, created_at, paused_reason, paused_at`

// AddSubscription implements store.Store.
func (s *Store) AddSubscription(ctx context.Context, sub store.Subscription) (store.Subscription, error) {
	if sub.CreatedAt.IsZero() {
		sub.CreatedAt = time.Now()
	}
	sub.CreatedAt = sub.CreatedAt.UTC().Truncate(time.Millisecond)
	err := s.pool.QueryRow(ctx, `INSERT INTO subscriptions
		(guild_id, channel_id, local_time, timezone, actor, created_by, created_at, paused_reason, paused_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		sub.GuildID, sub.ChannelID, sub.Time, sub.Timezone, sub.Actor, sub.CreatedBy,
		millis(sub.CreatedAt), sub.PausedReason, millis(sub.PausedAt)).Scan(&sub.ID)
	if err != nil {
		return store.Subscription{}, fmt.Errorf("adding subscription: %w", err)
	}
	return sub, nil
}

// Subscriptions implements store.Store.
func (s *Store) Subscriptions(ctx context.Context, guildID string) ([]store.Subscription, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions
		WHERE $1 = '' OR guild_id = $1 ORDER BY id`, guildID)
	if err != nil {
		return nil, fmt.Errorf("listing subscriptions: %w", err)
	}
	subs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.Subscription, error) {
		return scanSubscription(row)
	})
	if err != nil {
		return nil, fmt.Errorf("listing subscriptions: %w", err)
	}
	if subs == nil {
		subs = []store.Subscription{}
	}
	return subs, nil
}

// Subscription implements store.Store.
func (s *Store) Subscription(ctx context.Context, id int64) (store.Subscription, error) {
	sub, err := scanSubscription(s.pool.QueryRow(ctx,
		`SELECT `+subscriptionColumns+` FROM subscriptions WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return store.Subscription{}, store.ErrNotFound
	}
	return sub, err
}

// DeleteSubscription implements store.Store; runs go with it (ON DELETE CASCADE).
func (s *Store) DeleteSubscription(ctx context.Context, guildID string, id int64) error {
	return s.changeOne(ctx, `DELETE FROM subscriptions WHERE id = $1 AND guild_id = $2`, id, guildID)
}

// PauseSubscription implements store.Store.
func (s *Store) PauseSubscription(ctx context.Context, id int64, reason string, at time.Time) error {
	return s.changeOne(ctx, `UPDATE subscriptions SET paused_reason = $1, paused_at = $2 WHERE id = $3`,
		reason, millis(at), id)
}

// ResumeSubscription implements store.Store.
func (s *Store) ResumeSubscription(ctx context.Context, id int64) error {
	return s.changeOne(ctx, `UPDATE subscriptions SET paused_reason = '', paused_at = NULL WHERE id = $1`, id)
}

// changeOne runs a statement meant to change one subscription, reporting
// store.ErrNotFound when it changed none.
func (s *Store) changeOne(ctx context.Context, query string, args ...any) error {
	tag, err := s.pool.Exec(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("changing subscription: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return store.ErrNotFound
	}
	return nil
}

func scanSubscription(row pgx.Row) (store.Subscription, error) {
	var sub store.Subscription
	var created, paused *int64
	err := row.Scan(&sub.ID, &sub.GuildID, &sub.ChannelID, &sub.Time, &sub.Timezone, &sub.Actor,
		&sub.CreatedBy, &created, &sub.PausedReason, &paused)
	sub.CreatedAt, sub.PausedAt = fromMillis(created), fromMillis(paused)
	return sub, err
}
