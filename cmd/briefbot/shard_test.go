package main

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"briefbot/schedule"
)

func TestShardFlags(t *testing.T) {
	for _, c := range []struct {
		ids   string
		count int
		want  []schedule.Shard
	}{
		{"", 0, nil},
		{"0", 1, nil},
		{"3", 4, []schedule.Shard{{ID: 3, Count: 4}}},
		{"0-2", 8, []schedule.Shard{{ID: 0, Count: 8}, {ID: 1, Count: 8}, {ID: 2, Count: 8}}},
	} {
		got, err := (&shardFlags{ids: c.ids, count: c.count}).shards()
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("--shard-id %q --shard-count %d: %v (%v), want %v", c.ids, c.count, got, err, c.want)
		}
	}
	for _, c := range []shardFlags{{"", 4}, {"4", 4}, {"2-1", 4}, {"1-9", 4}, {"x", 4}, {"1", 0}, {"-1", 2}} {
		var ce *commandLineError
		if _, err := c.shards(); !errors.As(err, &ce) {
			t.Errorf("--shard-id %q --shard-count %d: %v, want a usage error", c.ids, c.count, err)
		}
	}
}

func TestServeRefusesABadShard(t *testing.T) {
	code, _, errOut := runCLI(t, nil, "", "serve", "--data", t.TempDir(), "--listen", "127.0.0.1:0",
		"--shard-id", "2", "--shard-count", "2")
	if code != 2 || !strings.Contains(errOut, "shard 2 of 2") {
		t.Errorf("exit %d, %q; want 2 and a refusal naming the shard", code, errOut)
	}
}
