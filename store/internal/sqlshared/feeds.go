package sqlshared

import (
	"briefbot/store"
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Tables implements what both drivers keep alike on any database/sql
// database that runs the shared migrations: the followed feeds (feeds.go),
// the answer pages (pages.go), the handled interactions (interactions.go),
// the subscriptions (subscriptions.go), and the reads of the library
// (library.go) and of the documents seen (documents.go).
type Tables struct {
	DB      *sql.DB
	Dialect Dialect
}

const feedColumns = `id, url, title, interval_minutes, added_by, added_at, etag, last_modified,
	last_fetched, items, failures, last_error, next_poll, paused_reason`

// AddFeed implements store.FeedStore.
func (t Tables) AddFeed(ctx context.Context, f store.Feed) (store.Feed, error) {
	res, err := t.DB.ExecContext(ctx, t.bind(`INSERT INTO feeds (url, interval_minutes, added_by, added_at, next_poll)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`),
		f.URL, int64(f.Interval/time.Minute), f.AddedBy, f.AddedAt.UnixMilli(), f.NextPoll.UnixMilli())
	if err != nil {
		return store.Feed{}, fmt.Errorf("adding feed: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return store.Feed{}, store.ErrFeedExists
	}
	row := t.DB.QueryRowContext(ctx, t.bind(`SELECT `+feedColumns+` FROM feeds WHERE url = ?`), f.URL)
	return scanFeed(row)
}

// Feeds implements store.FeedStore.
func (t Tables) Feeds(ctx context.Context) ([]store.Feed, error) {
	rows, err := t.DB.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("reading feeds: %w", err)
	}
	defer rows.Close()
	var feeds []store.Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, err
		}
		feeds = append(feeds, f)
	}
	return feeds, rows.Err()
}

// RemoveFeed implements store.FeedStore.
func (t Tables) RemoveFeed(ctx context.Context, id int64) error {
	res, err := t.DB.ExecContext(ctx, t.bind(`DELETE FROM feeds WHERE id = ?`), id)
	if err != nil {
		return fmt.Errorf("removing feed: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return store.ErrFeedNotFound
	}
	return nil
}

// ClaimFeed implements store.FeedStore with one conditional update, which the
// database applies to the row atomically: of two racing claims, one finds
// the feed already claimed.
func (t Tables) ClaimFeed(ctx context.Context, id int64, now time.Time, lease time.Duration) (bool, error) {
	at := now.UnixMilli()
	res, err := t.DB.ExecContext(ctx, t.bind(`UPDATE feeds SET claimed_until = ?
		WHERE id = ? AND paused_reason = '' AND next_poll <= ? AND (claimed_until IS NULL OR claimed_until <= ?)`),
		now.Add(lease).UnixMilli(), id, at, at)
	if err != nil {
		return false, fmt.Errorf("claiming feed %d: %w", id, err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// SaveFeed implements store.FeedStore.
func (t Tables) SaveFeed(ctx context.Context, f store.Feed) error {
	res, err := t.DB.ExecContext(ctx, t.bind(`UPDATE feeds SET title = ?, interval_minutes = ?, etag = ?,
		last_modified = ?, last_fetched = ?, items = ?, failures = ?, last_error = ?, next_poll = ?,
		paused_reason = ?, claimed_until = NULL WHERE id = ?`),
		f.Title, int64(f.Interval/time.Minute), f.ETag, f.LastModified, Millis(f.LastFetched), f.Items,
		f.Failures, f.LastError, f.NextPoll.UnixMilli(), f.PausedReason, f.ID)
	if err != nil {
		return fmt.Errorf("saving feed %d: %w", f.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return store.ErrFeedNotFound
	}
	return nil
}

// bind writes q's ? parameters in the dialect's form.
func (t Tables) bind(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString(t.Dialect.Bind(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func scanFeed(row interface{ Scan(...any) error }) (store.Feed, error) {
	var f store.Feed
	var minutes, added, next int64
	var fetched sql.NullInt64
	err := row.Scan(&f.ID, &f.URL, &f.Title, &minutes, &f.AddedBy, &added, &f.ETag, &f.LastModified,
		&fetched, &f.Items, &f.Failures, &f.LastError, &next, &f.PausedReason)
	if err != nil {
		return store.Feed{}, fmt.Errorf("reading feeds: %w", err)
	}
	f.Interval = time.Duration(minutes) * time.Minute
	f.AddedAt, f.NextPoll = time.UnixMilli(added).UTC(), time.UnixMilli(next).UTC()
	f.LastFetched = FromMillis(fetched)
	return f, nil
}
