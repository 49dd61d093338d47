package sqlshared

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"briefbot/store"
)

const subscriptionColumns = `id, guild_id, channel_id, local_time, timezone, actor, created_by, created_at, paused_reason, paused_at`

// AddSubscription implements store.Subscriptions.
func (t Tables) AddSubscription(ctx context.Context, sub store.Subscription) (store.Subscription, error) {
	if sub.CreatedAt.IsZero() {
		sub.CreatedAt = time.Now()
	}
	sub.CreatedAt = sub.CreatedAt.UTC().Truncate(time.Millisecond)
	err := t.DB.QueryRowContext(ctx, t.bind(`INSERT INTO subscriptions
		(guild_id, channel_id, local_time, timezone, actor, created_by, created_at, paused_reason, paused_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		sub.GuildID, sub.ChannelID, sub.Time, sub.Timezone, sub.Actor, sub.CreatedBy,
		Millis(sub.CreatedAt), sub.PausedReason, Millis(sub.PausedAt)).Scan(&sub.ID)
	if err != nil {
		return store.Subscription{}, fmt.Errorf("adding subscription: %w", err)
	}
	return sub, nil
}

// Subscriptions implements store.Subscriptions.
func (t Tables) Subscriptions(ctx context.Context, guildID string) ([]store.Subscription, error) {
	rows, err := t.DB.QueryContext(ctx, t.bind(`SELECT `+subscriptionColumns+` FROM subscriptions
		WHERE ? = '' OR guild_id = ? ORDER BY id`), guildID, guildID)
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

// Subscription implements store.Subscriptions.
func (t Tables) Subscription(ctx context.Context, id int64) (store.Subscription, error) {
	sub, err := scanSubscription(t.DB.QueryRowContext(ctx,
		t.bind(`SELECT `+subscriptionColumns+` FROM subscriptions WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Subscription{}, store.ErrNotFound
	}
	return sub, err
}

// DeleteSubscription implements store.Subscriptions; runs go with it (ON
// DELETE CASCADE).
func (t Tables) DeleteSubscription(ctx context.Context, guildID string, id int64) error {
	return t.changeOne(ctx, `DELETE FROM subscriptions WHERE id = ? AND guild_id = ?`, id, guildID)
}

// PauseSubscription implements store.Subscriptions.
func (t Tables) PauseSubscription(ctx context.Context, id int64, reason string, at time.Time) error {
	return t.changeOne(ctx, `UPDATE subscriptions SET paused_reason = ?, paused_at = ? WHERE id = ?`,
		reason, Millis(at), id)
}

// ResumeSubscription implements store.Subscriptions.
func (t Tables) ResumeSubscription(ctx context.Context, id int64) error {
	return t.changeOne(ctx, `UPDATE subscriptions SET paused_reason = '', paused_at = NULL WHERE id = ?`, id)
}

// changeOne runs a statement meant to change one subscription, reporting
// store.ErrNotFound when it changed none.
func (t Tables) changeOne(ctx context.Context, query string, args ...any) error {
	res, err := t.DB.ExecContext(ctx, t.bind(query), args...)
	if err != nil {
		return fmt.Errorf("changing subscription: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errors.Join(store.ErrNotFound, err)
	}
	return nil
}

func scanSubscription(row interface{ Scan(...any) error }) (store.Subscription, error) {
	var sub store.Subscription
	var created, paused sql.NullInt64
	err := row.Scan(&sub.ID, &sub.GuildID, &sub.ChannelID, &sub.Time, &sub.Timezone, &sub.Actor,
		&sub.CreatedBy, &created, &sub.PausedReason, &paused)
	sub.CreatedAt, sub.PausedAt = FromMillis(created), FromMillis(paused)
	return sub, err
}
