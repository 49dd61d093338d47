package schedule

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"briefbot/internal/testlog"
	"briefbot/knowledge/briefing"
	"briefbot/schedule/scheduletest"
	"briefbot/store"
	"briefbot/store/sqlite"
)

// post is one briefing a fakePoster received, and when.
type post struct {
	Post
	at time.Time
}

// fakePoster records posts and, like Discord with enforce_nonce, keeps one
// message per nonce. fail, when set, decides the error of each attempt.
type fakePoster struct {
	mu       sync.Mutex
	clock    Clock
	attempts int
	messages []post
	fail     func(attempt int) error
}

func (p *fakePoster) PostBriefing(_ context.Context, sent Post) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.attempts++
	if p.fail != nil {
		if err := p.fail(p.attempts); err != nil {
			return err
		}
	}
	for _, m := range p.messages {
		if m.Nonce == sent.Nonce {
			return nil
		}
	}
	p.messages = append(p.messages, post{sent, p.clock.Now()})
	return nil
}

func (p *fakePoster) posts() []post {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]post(nil), p.messages...)
}

// composeEcho composes an empty briefing that says when it was made and
// since when.
func composeEcho(_ context.Context, sub store.Subscription, since, now time.Time) (briefing.Briefing, error) {
	return briefing.Briefing{Generated: now.UTC().Format(time.RFC3339), Since: since.UTC().Format(time.RFC3339),
		Actor: sub.Actor, Sections: []briefing.Section{}}, nil
}

// rig is a scheduler on a real SQLite file with a fake clock and poster.
type rig struct {
	dir    string
	store  *sqlite.Store
	clock  *scheduletest.Clock
	poster *fakePoster
	logs   *testlog.Buffer
	sched  *Scheduler
}

func newRig(t *testing.T, start time.Time) *rig {
	t.Helper()
	return openRig(t, t.TempDir(), scheduletest.New(start), nil)
}

// openRig opens a scheduler on the database in dir: a second call on the
// same dir is a restarted process.
func openRig(t *testing.T, dir string, clock *scheduletest.Clock, poster *fakePoster) *rig {
	t.Helper()
	st, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if poster == nil {
		poster = &fakePoster{clock: clock}
	}
	logs := &testlog.Buffer{}
	r := &rig{dir: dir, store: st, clock: clock, poster: poster, logs: logs}
	r.sched = New(Config{Store: st, Poster: poster, Compose: composeEcho, Clock: clock,
		Logger: slog.New(slog.NewTextHandler(logs, nil))})
	return r
}

func (r *rig) subscribe(t *testing.T, clock, timezone string, created time.Time) store.Subscription {
	t.Helper()
	sub, err := r.store.AddSubscription(context.Background(), store.Subscription{GuildID: "g1",
		ChannelID: "c1", Time: clock, Timezone: timezone, CreatedAt: created})
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

// runUntil runs the scheduler's own loop, waking every poll at most, until
// the clock passes end.
func (r *rig) runUntil(t *testing.T, poll time.Duration, end time.Time) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r.clock.StopAfter(end, cancel)
	r.sched.cfg.Poll = poll
	done := make(chan error, 1)
	go func() { done <- r.sched.Run(ctx) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Run did not stop after cancel")
	}
}

// tickEvery runs a pass every step from the clock's time until end.
func (r *rig) tickEvery(step time.Duration, end time.Time) {
	for t := r.clock.Now(); !t.After(end); t = t.Add(step) {
		r.clock.Set(t)
		r.sched.Tick(context.Background())
	}
}

func (r *rig) tickAt(t time.Time) {
	r.clock.Set(t)
	r.sched.Tick(context.Background())
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
