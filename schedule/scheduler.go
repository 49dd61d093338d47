// Package schedule posts each subscription's daily briefing at its local
// time: exactly once per subscription and local date, claimed in the store
// before posting and marked done after, late (and marked late) after
// downtime within a grace window, paused when the channel is gone.
package schedule

import (
	"cmp"
	"context"
	"log/slog"
	"time"

	"briefbot/knowledge/briefing"
	"briefbot/store"
)

// ComposeFunc composes the briefing of a subscription: what is new since
// the given time (its last posted briefing), as of now.
type ComposeFunc func(ctx context.Context, sub store.Subscription, since, now time.Time) (briefing.Briefing, error)

// Store is what the scheduler keeps in the store: the subscriptions it
// posts, paused when their channel is gone, and the claims on their runs.
type Store interface {
	Subscriptions(ctx context.Context, guildID string) ([]store.Subscription, error)
	PauseSubscription(ctx context.Context, id int64, reason string, at time.Time) error
	store.Runs
}

// Config configures a Scheduler. Store, Poster and Compose are required.
type Config struct {
	Store   Store
	Poster  Poster
	Compose ComposeFunc
	// Clock defaults to the system clock.
	Clock  Clock
	Logger *slog.Logger
	// Grace is how late a missed briefing may still be posted (default 6 h);
	// older misses are logged and skipped.
	Grace time.Duration
	// LateAfter is the delay past which a posted briefing is marked late
	// (default 10 min).
	LateAfter time.Duration
	// Lease is how long a claim holds before another process may take the
	// run over (default 5 min). Keep it short: Discord remembers a nonce
	// only for a few minutes.
	Lease time.Duration
	// Retries after a transient failure (default 5), the first after Backoff
	// (default 2 s), doubling; a run still failing is released and tried
	// again on a later pass, within the grace window.
	Retries int
	Backoff time.Duration
	// Poll is the longest pause between passes (default 1 min), so new
	// subscriptions are picked up.
	Poll time.Duration
	// Shards limits the scheduler to the guilds of this process's gateway
	// shards; none posts every guild's briefings. The run claim still keeps
	// two processes running the same shard to one post.
	Shards []Shard
}

// The defaults of Config.
const (
	DefaultGrace     = 6 * time.Hour
	DefaultLateAfter = 10 * time.Minute
	DefaultLease     = 5 * time.Minute
	DefaultRetries   = 5
	DefaultBackoff   = 2 * time.Second
	DefaultPoll      = time.Minute
	maxBackoff       = time.Minute
	// lookBack bounds how many past days a pass examines for misses.
	lookBack = 31
)

// Scheduler posts the briefings of every subscription in a store.
type Scheduler struct {
	cfg Config
	log *slog.Logger
}

// New returns a scheduler with cfg's defaults filled in.
func New(cfg Config) *Scheduler {
	cfg.Clock = cmp.Or[Clock](cfg.Clock, SystemClock{})
	cfg.Grace = cmp.Or(cfg.Grace, DefaultGrace)
	cfg.LateAfter = cmp.Or(cfg.LateAfter, DefaultLateAfter)
	cfg.Lease = cmp.Or(cfg.Lease, DefaultLease)
	cfg.Retries = cmp.Or(cfg.Retries, DefaultRetries)
	cfg.Backoff = cmp.Or(cfg.Backoff, DefaultBackoff)
	cfg.Poll = cmp.Or(cfg.Poll, DefaultPoll)
	return &Scheduler{cfg: cfg, log: cmp.Or(cfg.Logger, slog.Default())}
}

// Run makes a pass whenever a briefing falls due (and at least every Poll)
// until ctx is cancelled.
func (s *Scheduler) Run(ctx context.Context) error {
	for {
		s.Tick(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-s.cfg.Clock.After(s.untilNextPass(ctx)):
		}
	}
}

// Tick is one pass: every active subscription's due runs are posted, or
// logged and skipped when too old.
func (s *Scheduler) Tick(ctx context.Context) {
	subs, err := s.cfg.Store.Subscriptions(ctx, "")
	if err != nil {
		s.log.Error("scheduler: listing subscriptions", "err", err)
		return
	}
	for _, sub := range subs {
		if ctx.Err() != nil {
			return
		}
		if !sub.Paused() && s.owns(sub.GuildID) {
			s.runDue(ctx, sub)
		}
	}
}

// owns reports whether the guild's briefings are this scheduler's to post.
func (s *Scheduler) owns(guildID string) bool {
	for _, shard := range s.cfg.Shards {
		if shard.Owns(guildID) {
			return true
		}
	}
	return len(s.cfg.Shards) == 0
}

// untilNextPass is the time to the next due briefing, at most Poll.
func (s *Scheduler) untilNextPass(ctx context.Context) time.Duration {
	now := s.cfg.Clock.Now()
	wait := s.cfg.Poll
	subs, err := s.cfg.Store.Subscriptions(ctx, "")
	if err != nil {
		return wait
	}
	for _, sub := range subs {
		if next, err := NextRun(sub.Time, sub.Timezone, now); err == nil && !sub.Paused() && s.owns(sub.GuildID) {
			wait = min(wait, next.Sub(now))
		}
	}
	return max(wait, 0)
}

// runDue examines the local dates since the subscription's last run (or
// its creation) up to today and handles each one that is due.
func (s *Scheduler) runDue(ctx context.Context, sub store.Subscription) {
	log := s.log.With("subscription", sub.ID, "channel", sub.ChannelID, "timezone", sub.Timezone)
	hour, minute, err := ParseClock(sub.Time)
	if err != nil {
		log.Error("scheduler: bad subscription time", "err", err)
		return
	}
	loc, err := time.LoadLocation(sub.Timezone)
	if err != nil {
		log.Error("scheduler: unknown timezone", "err", err)
		return
	}
	now := s.cfg.Clock.Now()
	today := localDay(now, loc)
	day, err := s.firstOpenDay(ctx, sub, loc, today)
	if err != nil {
		log.Error("scheduler: reading last run", "err", err)
		return
	}
	for ; !day.After(today); day = addDays(day, 1) {
		due := dueAt(day, hour, minute, loc)
		if due.After(now) || due.Before(sub.CreatedAt) {
			continue
		}
		s.handle(ctx, log, sub, run{date: day.Format(time.DateOnly), due: due, loc: loc})
		now = s.cfg.Clock.Now()
	}
}

// firstOpenDay is the first local date that may still lack its run: the day
// after the last finished run, else the creation day, and never more than
// lookBack days ago.
func (s *Scheduler) firstOpenDay(ctx context.Context, sub store.Subscription, loc *time.Location, today time.Time) (time.Time, error) {
	first := localDay(sub.CreatedAt, loc)
	last, ok, err := s.cfg.Store.LastRun(ctx, sub.ID)
	if err != nil {
		return time.Time{}, err
	}
	if ok {
		if d, err := time.ParseInLocation(time.DateOnly, last.LocalDate, loc); err == nil {
			first = addDays(localDay(d, loc), 1)
		}
	}
	if oldest := addDays(today, -lookBack); first.Before(oldest) {
		first = oldest
	}
	return first, nil
}

// run is one subscription's briefing for one local date.
type run struct {
	date string
	due  time.Time
	loc  *time.Location
}
