package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"briefbot/bot"
	"briefbot/bot/commands"
	"briefbot/knowledge"
	"briefbot/knowledge/ingest"
	"briefbot/store/sqlite"
)

func TestFeedCommands(t *testing.T) {
	st, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	cmds := commands.FeedCommands(st, func() time.Time { return now })
	if len(cmds) != 1 || cmds[0].Spec.Name != "feeds" {
		t.Fatalf("commands %+v", cmds)
	}
	feeds := cmds[0]
	if p := feeds.Spec.DefaultMemberPermissions; p == nil || *p&(1<<5) == 0 {
		t.Error("/feeds does not default to Manage Server")
	}
	kb := knowledge.New(ingest.Seeds())
	run := func(sub string, manager bool, opts map[string]string) string {
		t.Helper()
		resp := feeds.Handle(context.Background(), kb, bot.Request{Kind: bot.SlashCommand, Name: "feeds", Subcommand: sub,
			Options: opts, GuildID: "g1", UserID: "u1", CanManageGuild: manager})
		text := resp.Content
		for _, e := range resp.Embeds {
			text += e.Title + "\n" + e.Description
		}
		if !resp.Ephemeral {
			t.Errorf("/feeds %s answered in public", sub)
		}
		return text
	}

	for _, c := range []struct {
		sub     string
		manager bool
		opts    map[string]string
		want    string
	}{
		{"list", false, nil, "Only members with the Manage Server permission"},
		{"list", true, nil, "No feed is followed"},
		{"add", true, map[string]string{"url": "gopher://x.example/"}, `unsupported scheme "gopher"`},
		{"add", true, map[string]string{"url": "https://news.example/rss", "interval": "60"}, "Following No. 1: <https://news.example/rss>, checked every 60 minutes"},
		{"add", true, map[string]string{"url": "https://news.example/rss"}, "already followed (No. 1)"},
		{"list", true, nil, "**No. 1** · <https://news.example/rss>\nEvery 60 min · not fetched yet · 0 articles added"},
		{"remove", true, map[string]string{"feed": "7"}, "No followed feed is “7”"},
	} {
		if got := run(c.sub, c.manager, c.opts); !strings.Contains(got, c.want) {
			t.Errorf("/feeds %s %v:\n%s\nwant %q", c.sub, c.opts, got, c.want)
		}
	}

	f, err := st.Feeds(context.Background())
	if err != nil || len(f) != 1 {
		t.Fatal(f, err)
	}
	f[0].Title, f[0].PausedReason, f[0].LastFetched, f[0].Items = "Example News", "failed 8 times in a row, last: HTTP 500", now, 4
	if err := st.SaveFeed(context.Background(), f[0]); err != nil {
		t.Fatal(err)
	}
	if got := run("list", true, nil); !strings.Contains(got, "Example News") || !strings.Contains(got, "**Paused**: failed 8 times in a row, last\\: HTTP 500") || !strings.Contains(got, "4 articles added") {
		t.Errorf("list of a paused feed:\n%s", got)
	}
	choices := feeds.Complete(context.Background(), kb, bot.Request{Kind: bot.Autocomplete, Name: "feeds", Subcommand: "remove",
		Options: map[string]string{"feed": "exam"}, Focused: "feed", GuildID: "g1", CanManageGuild: true}).Choices
	if len(choices) != 1 || choices[0].Value != "1" || !strings.Contains(choices[0].Name, "Example News") {
		t.Errorf("choices %+v", choices)
	}
	if got := run("add", true, map[string]string{"url": "https://news.example/rss"}); !strings.Contains(got, "Resumed No. 1") {
		t.Errorf("adding a paused feed again: %s", got)
	}
	if got := run("remove", true, map[string]string{"feed": "1"}); !strings.Contains(got, "Stopped following No. 1") {
		t.Errorf("remove: %s", got)
	}
	if got := run("list", true, nil); !strings.Contains(got, "No feed is followed") {
		t.Errorf("after remove: %s", got)
	}
}
