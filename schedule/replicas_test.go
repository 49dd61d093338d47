package schedule_test

import (
	"context"
	"log/slog"
	"strconv"
	"sync"
	"testing"
	"time"

	"briefbot/knowledge/briefing"
	"briefbot/schedule"
	"briefbot/schedule/scheduletest"
	"briefbot/store"
	"briefbot/store/postgres/pgtest"
)

// discord counts every message it receives by nonce, without collapsing
// repeats, so that a second post of one briefing shows.
type discord struct {
	mu    sync.Mutex
	posts map[string][]string // nonce -> the processes that posted it
}

// poster is one process's connection to the shared discord; a hung one
// never returns from its next post (the process is killed mid-run).
type poster struct {
	name    string
	discord *discord
	hang    chan struct{} // closed to let a hung post end
	hung    chan struct{} // closed when the post hangs
	once    sync.Once
}

func (p *poster) PostBriefing(_ context.Context, sent schedule.Post) error {
	if p.hang != nil {
		p.once.Do(func() { close(p.hung) })
		<-p.hang
		return &schedule.Refusal{Reason: "the process was killed"}
	}
	p.discord.mu.Lock()
	defer p.discord.mu.Unlock()
	p.discord.posts[sent.Nonce] = append(p.discord.posts[sent.Nonce], p.name)
	return nil
}

func compose(_ context.Context, _ store.Subscription, _, now time.Time) (briefing.Briefing, error) {
	return briefing.Briefing{Generated: now.Format(time.RFC3339), Sections: []briefing.Section{}}, nil
}

// guildOnShard makes a guild id on shard of count.
func guildOnShard(n, shard, count int) string {
	return strconv.FormatUint(uint64(n*count+shard)<<22|uint64(n), 10)
}

// TestReplicasPostEachBriefingOnce runs three processes on one database:
// shard 0, shard 1, and a second shard 1 (misconfigured). Over three days
// every briefing is posted exactly once, by a process owning its guild,
// while the shard 0 process is killed in the middle of a post on day two
// and restarted after the lease.
func TestReplicasPostEachBriefingOnce(t *testing.T) {
	pgtest.EachDriver(t, testReplicas)
}

func testReplicas(t *testing.T, open func() store.Store) {
	ctx := context.Background()
	const shards, guildsPerShard, days = 2, 4, 3
	start := time.Date(2026, 5, 4, 9, 0, 30, 0, time.UTC)
	d := &discord{posts: map[string][]string{}}
	owner := map[string]int{} // nonce -> shard
	admin := open()
	var subs []store.Subscription
	for shard := range shards {
		for n := range guildsPerShard {
			sub, err := admin.AddSubscription(ctx, store.Subscription{GuildID: guildOnShard(n, shard, shards),
				ChannelID: "c" + strconv.Itoa(n), Time: "09:00", Timezone: "UTC", CreatedAt: start.Add(-time.Hour)})
			if err != nil {
				t.Fatal(err)
			}
			subs = append(subs, sub)
			for day := range days {
				owner[schedule.Nonce(sub.ID, start.AddDate(0, 0, day).Format(time.DateOnly))] = shard
			}
		}
	}
	type process struct {
		sched  *schedule.Scheduler
		clock  *scheduletest.Clock
		poster *poster
	}
	launch := func(name string, shard int) *process {
		p := &process{clock: scheduletest.New(start), poster: &poster{name: name, discord: d}}
		p.sched = schedule.New(schedule.Config{Store: open(), Poster: p.poster, Compose: compose, Clock: p.clock,
			Shards: []schedule.Shard{{ID: shard, Count: shards}}, Retries: 1, Logger: slog.New(slog.DiscardHandler)})
		return p
	}
	procs := []*process{launch("p0", 0), launch("p1", 1), launch("p1-twin", 1)}
	tickAll := func(at time.Time, ps ...*process) {
		var wg sync.WaitGroup
		for _, p := range ps {
			p.clock.Set(at)
			wg.Go(func() { p.sched.Tick(ctx) })
		}
		wg.Wait()
	}

	tickAll(start, procs...) // day one

	// Day two: p0 hangs in its first post, as if killed mid-run; the others
	// go on. Its claim holds until the lease runs out.
	day2 := start.AddDate(0, 0, 1)
	killed := procs[0]
	killed.poster.hang, killed.poster.hung = make(chan struct{}), make(chan struct{})
	hungTick := make(chan struct{})
	killed.clock.Set(day2)
	go func() { killed.sched.Tick(ctx); close(hungTick) }()
	<-killed.poster.hung
	tickAll(day2, procs[1], procs[2])
	restarted := launch("p0-restarted", 0)
	tickAll(day2.Add(time.Minute), restarted) // within the lease: the hung run is left alone
	tickAll(day2.Add(schedule.DefaultLease+time.Minute), restarted)
	close(killed.poster.hang)
	<-hungTick

	tickAll(start.AddDate(0, 0, 2), restarted, procs[1], procs[2]) // day three

	d.mu.Lock()
	defer d.mu.Unlock()
	for nonce, shard := range owner {
		posters := d.posts[nonce]
		if len(posters) != 1 {
			t.Errorf("briefing %s posted %d times (by %v), want once", nonce, len(posters), posters)
			continue
		}
		if want := map[int][]string{0: {"p0", "p0-restarted"}, 1: {"p1", "p1-twin"}}[shard]; posters[0] != want[0] && posters[0] != want[1] {
			t.Errorf("briefing %s of shard %d posted by %s", nonce, shard, posters[0])
		}
	}
	if len(d.posts) != len(owner) {
		t.Errorf("%d briefings posted, want %d", len(d.posts), len(owner))
	}
	for _, sub := range subs {
		if r, ok, err := admin.LastRun(ctx, sub.ID); err != nil || !ok || r.LocalDate != "2026-05-06" {
			t.Errorf("subscription %d: last run %+v %v %v, want day three", sub.ID, r, ok, err)
		}
	}
}
