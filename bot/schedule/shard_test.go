package schedule_test

import (
	"strconv"
	"testing"

	"briefbot/bot/schedule"
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
