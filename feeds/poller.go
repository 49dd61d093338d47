// Package feeds polls the followed feeds and stores their new items in the
// library, from which the live knowledge base rebuilds: each feed at its
// own interval, with conditional requests, backing off with jitter when it
// fails and pausing it, with the reason, when it keeps failing. Several
// processes sharing a store each claim a feed before polling it, so one
// polls it at a time.
package feeds

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"time"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/fetch"
	"briefbot/knowledge/web"
	"briefbot/schedule"
	"briefbot/store"
)

// Intervals of a feed.
const (
	DefaultInterval = 30 * time.Minute
	MinInterval     = 5 * time.Minute
)

// Defaults of Poller's fields.
const (
	DefaultLease       = 10 * time.Minute
	DefaultPoll        = time.Minute
	DefaultMaxFailures = 8
	// firstBackoff is the wait after one failure; it doubles with each
	// failure in a row, up to maxBackoff.
	firstBackoff = 5 * time.Minute
	maxBackoff   = 12 * time.Hour
)

// Store is what the poller keeps feeds and documents in: the followed
// feeds, claimed and saved after each poll, and the library their items
// go to.
type Store interface {
	Feeds(ctx context.Context) ([]store.Feed, error)
	ClaimFeed(ctx context.Context, id int64, now time.Time, lease time.Duration) (bool, error)
	SaveFeed(ctx context.Context, f store.Feed) error
	DocumentHashes(ctx context.Context) (map[string]string, error)
	PutDocuments(ctx context.Context, docs []corpus.Stored, now time.Time) (int, error)
}

// Reader reads a feed's documents: a *web.Reader.
type Reader interface {
	Read(ctx context.Context, req fetch.Request, known func(id string) bool) (*web.Result, error)
}

// Poller polls the followed feeds. Store and Reader are required.
type Poller struct {
	Store  Store
	Reader Reader
	// Clock defaults to the system clock.
	Clock schedule.Clock
	// Lease is how long a claim holds before another process may take the
	// feed over (default DefaultLease): longer than one fetch can take.
	Lease time.Duration
	// Poll is the longest pause between passes (default DefaultPoll), so
	// that new feeds are picked up.
	Poll time.Duration
	// MaxFailures in a row pause a feed (default DefaultMaxFailures).
	MaxFailures int
	// Jitter returns a number in [0, 1) that spreads retries; default
	// math/rand.
	Jitter func() float64
	// Stored is called after a poll stored new or changed documents (to
	// wake the live knowledge base); nil is fine.
	Stored func()
	Logger *slog.Logger
}

// Run polls until ctx ends.
func (p *Poller) Run(ctx context.Context) error {
	for {
		next, err := p.PollDue(ctx)
		if err != nil {
			p.logger().Error("feeds: polling", "err", err)
		}
		// Until the next feed is due, or a pass to pick up new feeds; a
		// feed already due is another process's to poll.
		wait := p.poll()
		if until := next.Sub(p.clock().Now()); until > 0 {
			wait = min(wait, until)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-p.clock().After(wait):
		}
	}
}

// PollDue polls every feed that is due and claimed by this process, one
// after the other, and returns when the next feed will be due (zero when
// none is followed).
func (p *Poller) PollDue(ctx context.Context) (time.Time, error) {
	feeds, err := p.Store.Feeds(ctx)
	if err != nil {
		return time.Time{}, err
	}
	var next time.Time
	for _, f := range feeds {
		if f.Paused() {
			continue
		}
		if now := p.clock().Now(); !f.NextPoll.After(now) {
			claimed, err := p.Store.ClaimFeed(ctx, f.ID, now, cmp.Or(p.Lease, DefaultLease))
			if err != nil {
				return time.Time{}, err
			}
			if claimed {
				if f, err = p.PollFeed(ctx, f); err != nil {
					return time.Time{}, err
				}
			}
		}
		if !f.Paused() && (next.IsZero() || f.NextPoll.Before(next)) {
			next = f.NextPoll
		}
	}
	return next, ctx.Err()
}

// PollFeed fetches one feed claimed by the caller, stores its new items,
// and saves the feed's new state, which it returns. The error is the
// store's: a failing feed is recorded in its state.
func (p *Poller) PollFeed(ctx context.Context, f store.Feed) (store.Feed, error) {
	hashes, err := p.Store.DocumentHashes(ctx)
	if err != nil {
		return f, err
	}
	res, err := p.Reader.Read(ctx, fetch.Request{URL: f.URL, ETag: f.ETag, LastModified: f.LastModified},
		func(id string) bool { _, ok := hashes[id]; return ok })
	now := p.clock().Now()
	if err != nil {
		p.failed(&f, err, now)
		return f, p.Store.SaveFeed(ctx, f)
	}
	f.Failures, f.LastError, f.LastFetched = 0, "", now
	f.NextPoll = now.Add(Interval(f.Interval))
	f.ETag, f.LastModified = res.Validators.ETag, res.Validators.LastModified
	if res.Feed != nil && res.Feed.Title != "" {
		f.Title = res.Feed.Title
	}
	for _, e := range res.Errs {
		p.logger().Warn("feeds: item skipped", "feed", f.URL, "err", e)
	}
	if len(res.Docs) > 0 {
		rows := make([]corpus.Stored, len(res.Docs))
		for i, d := range res.Docs {
			rows[i] = d.Stored()
		}
		changed, err := p.Store.PutDocuments(ctx, rows, now)
		if err != nil {
			return f, err
		}
		f.Items += changed
		p.logger().Info("feeds: polled", "feed", f.URL, "documents", len(rows), "new", changed)
		if changed > 0 && p.Stored != nil {
			p.Stored()
		}
	}
	return f, p.Store.SaveFeed(ctx, f)
}

// failed records a failed poll: the next one after a backoff that doubles
// with each failure in a row, spread by jitter, and no sooner than the
// server asked; a feed that is gone, or keeps failing, is paused.
func (p *Poller) failed(f *store.Feed, err error, now time.Time) {
	f.Failures++
	f.LastError = err.Error()
	backoff := min(firstBackoff<<min(f.Failures-1, 16), maxBackoff)
	backoff = backoff/2 + time.Duration(p.jitter()*float64(backoff/2))
	var se *fetch.StatusError
	if errors.As(err, &se) {
		backoff = max(backoff, se.RetryAfter)
	}
	f.NextPoll = now.Add(backoff)
	switch {
	case se != nil && se.Code == http.StatusGone:
		f.PausedReason = "the feed is gone (HTTP 410)"
	case f.Failures >= cmp.Or(p.MaxFailures, DefaultMaxFailures):
		f.PausedReason = fmt.Sprintf("failed %d times in a row, last: %s", f.Failures, f.LastError)
	}
	p.logger().Warn("feeds: poll failed", "feed", f.URL, "failures", f.Failures, "next", f.NextPoll, "paused", f.PausedReason, "err", err)
}

// Interval is a feed's polling interval: the default when unset, never
// under the minimum.
func Interval(d time.Duration) time.Duration {
	if d == 0 {
		return DefaultInterval
	}
	return max(d, MinInterval)
}

func (p *Poller) clock() schedule.Clock {
	if p.Clock == nil {
		return schedule.SystemClock{}
	}
	return p.Clock
}

func (p *Poller) poll() time.Duration { return cmp.Or(p.Poll, DefaultPoll) }

func (p *Poller) jitter() float64 {
	if p.Jitter == nil {
		return rand.Float64()
	}
	return p.Jitter()
}

func (p *Poller) logger() *slog.Logger { return cmp.Or(p.Logger, slog.Default()) }
