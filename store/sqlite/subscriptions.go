package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"briefbot/store"
	"briefbot/store/internal/sqlshared"
)

const subscriptionColumns = `id, guild_id, channel_id, local_time, timezone, actor, created_by, created_at, paused_reason, paused_at`

// AddSubscription implements store.Store.
func (s *Store) AddSubscription(ctx context.Context, sub store.Subscription) (store.Subscription, error) {
	if sub.CreatedAt.IsZero() {
		sub.CreatedAt = time.Now()
	}
	sub.CreatedAt = sub.CreatedAt.UTC().Truncate(time.Millisecond)
	res, err := s.db.ExecContext(ctx, `INSERT INTO subscriptions
		(guild_id, channel_id, local_time, timezone, actor, created_by, created_at, paused_reason, paused_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		sub.GuildID, sub.ChannelID, sub.Time, sub.Timezone, sub.Actor, sub.CreatedBy,
		sqlshared.Millis(sub.CreatedAt), sub.PausedReason, sqlshared.Millis(sub.PausedAt))
	if err != nil {
		return store.Subscription{}, fmt.Errorf("adding subscription: %w", err)
	}
	if sub.ID, err = res.LastInsertId(); err != nil {
		return store.Subscription{}, fmt.Errorf("adding subscription: %w", err)
	}
	return sub, nil
}

// Subscriptions implements store.Store.
func (s *Store) Subscriptions(ctx context.Context, guildID string) ([]store.Subscription, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions
		WHERE ? = '' OR guild_id = ? ORDER BY id`, guildID, guildID)
	if err != nil {
		return nil, fmt.Errorf("listing subscriptions: %w", err)
	}
	defer rows.Close()
	subs := []store.Subscription{}
	for rows.Next() {
		sub, err := scanSubscription(rows)
		if err != nil {
			return nil, fmt.Errorf("listing subscriptions: %w", err)
		}
		subs = append(subs, sub)
	}
	return subs, rows.Err()
}

// Subscription implements store.Store.
func (s *Store) Subscription(ctx context.Context, id int64) (store.Subscription, error) {
	sub, err := scanSubscription(s.db.QueryRowContext(ctx,
		`SELECT `+subscriptionColumns+` FROM subscriptions WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Subscription{}, store.ErrNotFound
	}
	return sub, err
}

// DeleteSubscription implements store.Store; runs go with it (ON DELETE CASCADE).
func (s *Store) DeleteSubscription(ctx context.Context, guildID string, id int64) error {
	return s.changeOne(ctx, `DELETE FROM subscriptions WHERE id = ? AND guild_id = ?`, id, guildID)
}

// PauseSubscription implements store.Store.
func (s *Store) PauseSubscription(ctx context.Context, id int64, reason string, at time.Time) error {
	return s.changeOne(ctx, `UPDATE subscriptions SET paused_reason = ?, paused_at = ? WHERE id = ?`,
		reason, sqlshared.Millis(at), id)
}

// ResumeSubscription implements store.Store.
func (s *Store) ResumeSubscription(ctx context.Context, id int64) error {
	return s.changeOne(ctx, `UPDATE subscriptions SET paused_reason = '', paused_at = NULL WHERE id = ?`, id)
}

// changeOne runs a statement meant to change one subscription, reporting
// store.ErrNotFound when it changed none.
func (s *Store) changeOne(ctx context.Context, query string, args ...any) error {
	res, err := s.db.ExecContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("changing subscription: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errors.Join(store.ErrNotFound, err)
	}
	return nil
}

type scanner interface{ Scan(dest ...any) error }

func scanSubscription(row scanner) (store.Subscription, error) {
	var sub store.Subscription
	var created, paused sql.NullInt64
	err := row.Scan(&sub.ID, &sub.GuildID, &sub.ChannelID, &sub.Time, &sub.Timezone, &sub.Actor,
		&sub.CreatedBy, &created, &sub.PausedReason, &paused)
	sub.CreatedAt, sub.PausedAt = sqlshared.FromMillis(created), sqlshared.FromMillis(paused)
	return sub, err
}
