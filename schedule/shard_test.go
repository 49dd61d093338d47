package schedule_test

import (
	"context"
	"log/slog"
	"strconv"
	"testing"
	"time"

	"briefbot/schedule"
	"briefbot/schedule/scheduletest"
	"briefbot/store"
	"briefbot/store/sqlite"
)

func TestShardOwnsEachGuildOnce(t *testing.T) {
	shards := []schedule.Shard{{ID: 0, Count: 3}, {ID: 1, Count: 3}, {ID: 2, Count: 3}}
	perShard := make([]int, 3)
	for i := range 300 {
		guild := strconv.FormatUint(uint64(i)<<22|uint64(i*7919), 10)
		owners := 0
		for j, s := range shards {
			if s.Owns(guild) {
				owners++
				perShard[j]++
			}
		}
		if owners != 1 {
			t.Fatalf("guild %s owned by %d shards, want 1", guild, owners)
		}
	}
	for j, n := range perShard {
		if n != 100 {
			t.Errorf("shard %d owns %d of 300 guilds, want 100", j, n)
		}
	}
	// (197038439483310086 >> 22) % 10 = 46977624770 % 10 = 0, by Discord's formula.
	if !(schedule.Shard{ID: 0, Count: 10}).Owns("197038439483310086") {
		t.Error("guild 197038439483310086 is not on shard 0 of 10")
	}
	if !(schedule.Shard{}).Owns("anything") || !(schedule.Shard{ID: 0, Count: 1}).Owns("123") {
		t.Error("an unsharded bot must own every guild")
	}
	if (schedule.Shard{ID: 1, Count: 2}).Owns("not-a-snowflake") || !(schedule.Shard{ID: 0, Count: 2}).Owns("") {
		t.Error("a guild id that is no snowflake belongs to shard 0")
	}
}

func TestShardValidate(t *testing.T) {
	for _, s := range []schedule.Shard{{}, {ID: 0, Count: 1}, {ID: 3, Count: 4}} {
		if err := s.Validate(); err != nil {
			t.Errorf("%+v: %v", s, err)
		}
	}
	for _, s := range []schedule.Shard{{ID: 4, Count: 4}, {ID: -1, Count: 2}, {ID: 1, Count: 0}, {ID: 0, Count: -2}} {
		if err := s.Validate(); err == nil {
			t.Errorf("%+v accepted", s)
		}
	}
}

// TestSchedulerPostsForEachShardItRuns: a process running shards 0 and 2
// of 3 posts the briefings of those shards' guilds, not shard 1's.
func TestSchedulerPostsForEachShardItRuns(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Date(2026, 5, 4, 9, 0, 30, 0, time.UTC)
	onShard := map[string]int{}
	for shard := range 3 {
		sub, err := st.AddSubscription(ctx, store.Subscription{GuildID: guildOnShard(1, shard, 3), ChannelID: "c",
			Time: "09:00", Timezone: "UTC", CreatedAt: start.Add(-time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		onShard[schedule.Nonce(sub.ID, "2026-05-04")] = shard
	}
	d := &discord{posts: map[string][]string{}}
	schedule.New(schedule.Config{Store: st, Poster: &poster{name: "p", discord: d}, Compose: compose,
		Clock: scheduletest.New(start), Shards: []schedule.Shard{{ID: 0, Count: 3}, {ID: 2, Count: 3}},
		Logger: slog.New(slog.DiscardHandler)}).Tick(ctx)
	for nonce, shard := range onShard {
		if posted := len(d.posts[nonce]) == 1; posted != (shard != 1) {
			t.Errorf("briefing of shard %d posted: %v", shard, posted)
		}
	}
}
