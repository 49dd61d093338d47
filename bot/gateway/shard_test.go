package gateway_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"briefbot/bot/discordtest"
	"briefbot/bot/gateway"
	"briefbot/bot/internal/bottest"
	"briefbot/bot/respond"
	"briefbot/bot/serve"
	"briefbot/schedule"
)

// TestGatewayIdentifiesAsItsShard: a process running shard 1 of 4 says so
// in IDENTIFY and leaves command registration to shard 0.
func TestGatewayIdentifiesAsItsShard(t *testing.T) {
	fake := discordtest.New(t)
	gw, err := gateway.New(gateway.Config{
		Handling: respond.Handling{Dispatch: bottest.Dispatch(), Knowledge: bottest.NoKnowledge},
		Token:    "test-token", Commands: bottest.Commands(), Client: fake.Client(), Dialer: fake.Dialer(),
		Shard: schedule.Shard{ID: 1, Count: 4},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- gw.Run(ctx) }()
	fake.WaitSessions(t, 1, bottest.WaitLong)
	time.Sleep(100 * time.Millisecond) // time enough to register, were it shard 0
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := fake.Shards(); len(got) != 1 || got[0] != [2]int{1, 4} {
		t.Errorf("identified as shards %v, want [[1 4]]", got)
	}
	if n := bottest.CountRequests(fake, "PUT", "/commands"); n != 0 {
		t.Errorf("shard 1 registered the commands %d times; only shard 0 should", n)
	}
}

// TestServeRunsOneSessionPerShard: a process given shards 2 and 3 of 4
// opens two sessions, each identifying as its shard, and (shard 0 being
// elsewhere) registers nothing.
func TestServeRunsOneSessionPerShard(t *testing.T) {
	fake := discordtest.New(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- serve.Serve(ctx, serve.Config{Handling: respond.Handling{Knowledge: bottest.NoKnowledge}, Token: "test-token",
			Commands: bottest.Commands(), Client: fake.Client(), Dialer: fake.Dialer(),
			Shards: []schedule.Shard{{ID: 2, Count: 4}, {ID: 3, Count: 4}}})
	}()
	fake.WaitSessions(t, 2, bottest.WaitLong)
	time.Sleep(100 * time.Millisecond) // time enough to register, were one of them shard 0
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	got := fake.Shards()
	slices.SortFunc(got, func(a, b [2]int) int { return a[0] - b[0] })
	if !slices.Equal(got, [][2]int{{2, 4}, {3, 4}}) {
		t.Errorf("identified as shards %v, want [[2 4] [3 4]]", got)
	}
	if n := bottest.CountRequests(fake, "PUT", "/commands"); n != 0 {
		t.Errorf("shards 2 and 3 registered the commands %d times; only shard 0 should", n)
	}
}
