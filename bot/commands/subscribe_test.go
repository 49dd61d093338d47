package commands_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"briefbot/bot"
	"briefbot/bot/commands"
	"briefbot/knowledge"
	"briefbot/knowledge/ingest"
	"briefbot/store/sqlite"
)

// subscriptionRig holds the three commands over a SQLite store.
type subscriptionRig struct {
	store *sqlite.Store
	cmds  map[string]bot.Command
	kb    *knowledge.Base
	now   time.Time
}

func newSubscriptionRig(t *testing.T) *subscriptionRig {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r := &subscriptionRig{store: st, cmds: map[string]bot.Command{}, kb: knowledge.New(ingest.Seeds()),
		now: time.Date(2026, 3, 7, 15, 0, 0, 0, time.UTC)}
	for _, c := range commands.SubscriptionCommands(st, func() time.Time { return r.now }) {
		r.cmds[c.Spec.Name] = c
	}
	return r
}

func (r *subscriptionRig) run(name string, manager bool, opts map[string]string) bot.Response {
	return r.cmds[name].Handle(context.Background(), r.kb, bot.Request{Kind: bot.SlashCommand, Name: name,
		Options: opts, GuildID: "g1", ChannelID: "c0", UserID: "u1", CanManageGuild: manager})
}

func (r *subscriptionRig) complete(name, focused, typed string) bot.Response {
	return r.cmds[name].Complete(context.Background(), r.kb, bot.Request{Kind: bot.Autocomplete, Name: name,
		Options: map[string]string{focused: typed}, Focused: focused, GuildID: "g1", CanManageGuild: true})
}

func TestSubscriptionCommands(t *testing.T) {
	r := newSubscriptionRig(t)
	ctx := context.Background()
	valid := map[string]string{"channel": "c1", "time": "9:00", "timezone": "America/New_York"}

	t.Run("specs ask for Manage Server", func(t *testing.T) {
		for _, name := range []string{"subscribe", "unsubscribe"} {
			spec := r.cmds[name].Spec
			if spec.DefaultMemberPermissions == nil || *spec.DefaultMemberPermissions&(1<<5) == 0 {
				t.Errorf("/%s does not default to Manage Server", name)
			}
		}
		if len(r.cmds) != 3 || r.cmds["subscriptions"].Spec == nil {
			t.Errorf("commands %v", r.cmds)
		}
	})

	t.Run("refusals", func(t *testing.T) {
		cases := []struct {
			manager bool
			opts    map[string]string
			want    string
		}{
			{false, valid, "Manage Server"},
			{true, map[string]string{"channel": "c1", "time": "25:00", "timezone": "UTC"}, "HH:MM"},
			{true, map[string]string{"channel": "c1", "time": "09:00", "timezone": "Mars/Olympus_Mons"}, "not a timezone"},
			{true, map[string]string{"channel": "c1", "time": "09:00", "timezone": "Local"}, "not a timezone"},
			{true, map[string]string{"channel": "c1", "time": "09:00", "timezone": "../../etc/passwd"}, "not a timezone"},
			{true, map[string]string{"time": "09:00", "timezone": "UTC"}, "channel"},
		}
		for _, c := range cases {
			if got := r.run("subscribe", c.manager, c.opts); !strings.Contains(got.Content, c.want) || !got.Ephemeral {
				t.Errorf("subscribe %v (manager %v): %q, want it to mention %q", c.opts, c.manager, got.Content, c.want)
			}
		}
		dm := r.cmds["subscribe"].Handle(ctx, r.kb, bot.Request{Name: "subscribe", Options: valid, CanManageGuild: true})
		if !strings.Contains(dm.Content, "server") {
			t.Errorf("subscribe in a DM: %q", dm.Content)
		}
		if subs, _ := r.store.Subscriptions(ctx, ""); len(subs) != 0 {
			t.Errorf("refused requests stored %d subscriptions", len(subs))
		}
	})

	var id string
	t.Run("subscribe", func(t *testing.T) {
		got := r.run("subscribe", true, valid)
		if !strings.Contains(got.Content, "<#c1>") || !strings.Contains(got.Content, "09:00 America/New_York") ||
			!strings.Contains(got.Content, "<t:") {
			t.Fatalf("subscribe answered %q", got.Content)
		}
		subs, _ := r.store.Subscriptions(ctx, "g1")
		if len(subs) != 1 || subs[0].Time != "09:00" || subs[0].CreatedBy != "u1" || !subs[0].CreatedAt.Equal(r.now) {
			t.Fatalf("stored %+v", subs)
		}
		id = formatID(subs[0].ID)
		if again := r.run("subscribe", true, valid); !strings.Contains(again.Content, "already subscribed") {
			t.Errorf("second subscribe: %q", again.Content)
		}
	})

	t.Run("list shows next run and pause reason", func(t *testing.T) {
		next := time.Date(2026, 3, 8, 13, 0, 0, 0, time.UTC) // 09:00 EDT, the day clocks change
		got := r.run("subscriptions", false, nil)
		if len(got.Embeds) != 1 || !strings.Contains(got.Embeds[0].Description, "<t:"+formatID(next.Unix())+":F>") {
			t.Fatalf("subscriptions: %+v", got.Embeds)
		}
		subs, _ := r.store.Subscriptions(ctx, "g1")
		if err := r.store.PauseSubscription(ctx, subs[0].ID, "the bot may not post in the channel (Discord: Missing Permissions)", r.now); err != nil {
			t.Fatal(err)
		}
		got = r.run("subscriptions", false, nil)
		if d := got.Embeds[0].Description; !strings.Contains(d, "Paused") || !strings.Contains(d, "Missing Permissions") {
			t.Errorf("paused subscription shown as %q", d)
		}
		if resumed := r.run("subscribe", true, valid); !strings.Contains(resumed.Content, "Resumed") {
			t.Errorf("subscribing again to a paused briefing: %q", resumed.Content)
		}
		if sub, _ := r.store.Subscription(ctx, subs[0].ID); sub.Paused() {
			t.Error("still paused after subscribing again")
		}
	})

	t.Run("autocomplete", func(t *testing.T) {
		for typed, want := range map[string]string{"new york": "America/New_York", "london": "Europe/London", "utc": "UTC", "kabul": "Asia/Kabul"} {
			got := r.complete("subscribe", "timezone", typed).Choices
			if len(got) == 0 || got[0].Value != want {
				t.Errorf("timezone %q: first choice %v, want %s", typed, got, want)
			}
		}
		for _, typed := range []string{"", "a", strings.Repeat("x", 500)} {
			got := r.complete("subscribe", "timezone", typed).Choices
			if got == nil || len(got) > 25 {
				t.Errorf("timezone %q: %d choices", typed, len(got))
			}
			for _, c := range got {
				if len(c.Name) > 100 || len(c.Value.(string)) > 100 {
					t.Errorf("choice %q over 100 characters", c.Name)
				}
			}
		}
		got := r.complete("unsubscribe", "subscription", "")
		if len(got.Choices) != 1 || got.Choices[0].Value != id || !strings.Contains(got.Choices[0].Name, "America/New_York") {
			t.Errorf("unsubscribe choices %+v", got.Choices)
		}
	})

	t.Run("unsubscribe", func(t *testing.T) {
		if got := r.run("unsubscribe", false, map[string]string{"subscription": id}); !strings.Contains(got.Content, "Manage Server") {
			t.Errorf("non-manager unsubscribe: %q", got.Content)
		}
		other := r.cmds["unsubscribe"].Handle(ctx, r.kb, bot.Request{Name: "unsubscribe", GuildID: "g2",
			CanManageGuild: true, Options: map[string]string{"subscription": id}})
		if !strings.Contains(other.Content, "no subscription") {
			t.Errorf("another server's unsubscribe: %q", other.Content)
		}
		for _, bad := range []string{"", "abc", "99999"} {
			if got := r.run("unsubscribe", true, map[string]string{"subscription": bad}); !strings.Contains(got.Content, "subscription") {
				t.Errorf("unsubscribe %q: %q", bad, got.Content)
			}
		}
		if got := r.run("unsubscribe", true, map[string]string{"subscription": id}); !strings.Contains(got.Content, "Stopped") {
			t.Errorf("unsubscribe: %q", got.Content)
		}
		if subs, _ := r.store.Subscriptions(ctx, ""); len(subs) != 0 {
			t.Errorf("%d subscriptions left", len(subs))
		}
		if got := r.run("subscriptions", false, nil); !strings.Contains(got.Embeds[0].Description, "No briefing") {
			t.Errorf("empty list: %q", got.Embeds[0].Description)
		}
	})
}

func formatID(n int64) string { return strconv.FormatInt(n, 10) }
