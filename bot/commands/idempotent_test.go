package commands_test

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"briefbot/bot"
	"briefbot/bot/commands"
	"briefbot/knowledge"
	"briefbot/knowledge/ingest"
	"briefbot/store"
	"briefbot/store/postgres/pgtest"
)

// TestInteractionReplayedToTwoReplicas: the same /subscribe and
// /unsubscribe interaction delivered to two replicas of one database at
// once changes state once, and both answer alike.
func TestInteractionReplayedToTwoReplicas(t *testing.T) {
	pgtest.EachDriver(t, func(t *testing.T, open func() store.Store) {
		testReplay(t, [2]store.Store{open(), open()})
	})
}

func testReplay(t *testing.T, replicas [2]store.Store) {
	ctx := context.Background()
	kb := knowledge.New(ingest.Seeds())
	now := func() time.Time { return time.Date(2026, 3, 7, 15, 0, 0, 0, time.UTC) }
	var handlers [2]map[string]bot.Command
	for i, st := range replicas {
		handlers[i] = map[string]bot.Command{}
		for _, c := range commands.SubscriptionCommands(st, now) {
			handlers[i][c.Spec.Name] = c
		}
	}
	deliver := func(name, interaction string, opts map[string]string) [2]string {
		var answers [2]string
		var wg sync.WaitGroup
		for i := range handlers {
			wg.Go(func() {
				answers[i] = handlers[i][name].Handle(ctx, kb, bot.Request{Kind: bot.SlashCommand, Name: name,
					Options: opts, GuildID: "g1", UserID: "u1", CanManageGuild: true, InteractionID: interaction}).Content
			})
		}
		wg.Wait()
		if answers[0] != answers[1] {
			t.Errorf("%s %s: the replicas answered differently:\n%s\n%s", name, interaction, answers[0], answers[1])
		}
		return answers
	}
	count := func() int {
		subs, err := replicas[0].Subscriptions(ctx, "g1")
		if err != nil {
			t.Fatal(err)
		}
		return len(subs)
	}

	opts := map[string]string{"channel": "c1", "time": "09:00", "timezone": "Europe/London"}
	deliver("subscribe", "i-1", opts)
	deliver("subscribe", "i-1", opts) // a late retry
	if n := count(); n != 1 {
		t.Fatalf("%d subscriptions after one interaction delivered four times, want 1", n)
	}
	subs, _ := replicas[0].Subscriptions(ctx, "g1")
	answers := deliver("unsubscribe", "i-2", map[string]string{"subscription": itoa(subs[0].ID)})
	if n := count(); n != 0 {
		t.Errorf("%d subscriptions after /unsubscribe, want 0", n)
	}
	if len(answers[0]) < 8 || answers[0][:8] != "Stopped " {
		t.Errorf("a replayed /unsubscribe answered %q, want the first delivery's “Stopped …”", answers[0])
	}
	deliver("subscribe", "i-3", opts)
	if n := count(); n != 1 {
		t.Errorf("a new interaction was not acted on: %d subscriptions, want 1", n)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
