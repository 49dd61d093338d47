package gateway_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"briefbot/bot"
	"briefbot/bot/commands"
	"briefbot/bot/discordtest"
	"briefbot/bot/gateway"
	"briefbot/bot/respond"
	"briefbot/knowledge"
	"briefbot/knowledge/actors"
	"briefbot/knowledge/briefing"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
	"briefbot/schedule"
	"briefbot/schedule/scheduletest"
	"briefbot/store"
	"briefbot/store/sqlite"
)

// seedBriefing is the whole seed corpus's briefing: more than one page.
func seedBriefing() briefing.Briefing {
	docs := ingest.Seeds()
	reg := actors.Build(docs)
	return briefing.Compose(briefing.Input{Docs: docs, Actors: reg, Claims: claims.Extract(docs, reg),
		Now: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)})
}

func smallBriefing() briefing.Briefing {
	return briefing.Briefing{Generated: "2026-11-22T09:00:00Z", Sections: []briefing.Section{{Title: briefing.TitleNew,
		Items: []briefing.Item{{Text: "@everyone Gunmen attacked a convoy.", Tag: briefing.New,
			Citations: []corpus.Citation{{Doc: "d1", Meta: corpus.Meta{Title: "Convoy"}, Paragraph: 1, Quote: "Gunmen attacked a convoy."}}}}}}}
}

func TestScheduledBriefingFitsDiscord(t *testing.T) {
	small := gateway.ScheduledBriefing(schedule.Post{Briefing: smallBriefing()})
	if len(small.Embeds) != 1 || len(small.Files) != 0 || strings.Contains(small.Content, "attached") {
		t.Errorf("a short briefing: %d embeds, %d files, %q", len(small.Embeds), len(small.Files), small.Content)
	}
	due, _ := time.Parse(time.RFC3339, "2026-11-22T09:00:00+01:00")
	b := seedBriefing()
	full := gateway.ScheduledBriefing(schedule.Post{Briefing: b, Due: due})
	if len(full.Embeds) == 0 || len(full.Embeds) > 10 || len([]rune(full.Content)) > 2000 {
		t.Fatalf("%d embeds, content %d characters", len(full.Embeds), len([]rune(full.Content)))
	}
	total := 0
	for _, e := range full.Embeds {
		total += len([]rune(e.Title + e.Description))
		if e.Footer != nil {
			total += len([]rune(e.Footer.Text))
		}
		for _, f := range e.Fields {
			total += len([]rune(f.Name + f.Value))
		}
	}
	if total > 6000 {
		t.Errorf("embeds hold %d characters, Discord allows 6000", total)
	}
	if !strings.Contains(full.Content, "Late") || !strings.Contains(full.Content, "<t:1795334400:f>") {
		t.Errorf("a late briefing is not marked late: %q", full.Content)
	}
	if len(full.Files) != 1 || !strings.HasSuffix(full.Files[0].Name, ".md") {
		t.Fatalf("a long briefing has %d files, want the Markdown attachment", len(full.Files))
	}
	md, _ := io.ReadAll(full.Files[0].Reader)
	late := "\n> **Late:** this briefing was due at 2026-11-22T09:00:00+01:00 and is posted after downtime.\n"
	if !strings.Contains(string(md), late) || strings.Replace(string(md), late, "", 1) != briefing.Markdown(b) {
		t.Errorf("the attachment is not the whole briefing's Markdown with the late note:\n%.600s", md)
	}
}

// newBriefingPoster is a BriefingPoster on the real discordgo client, talking to the
// fake Discord.
func newBriefingPoster(t *testing.T, fake *discordtest.Server) gateway.BriefingPoster {
	t.Helper()
	gw, err := gateway.New(gateway.Config{
		Handling: respond.Handling{Dispatch: bot.Router(commands.Commands()), Knowledge: func() *knowledge.Base { return nil }},
		Token:    "test-token", Client: fake.Client(), Dialer: fake.Dialer(),
	})
	if err != nil {
		t.Fatal(err)
	}
	return gateway.BriefingPoster{Gateway: gw}
}

func validateBriefingRequests(t *testing.T, fake *discordtest.Server) {
	t.Helper()
	v := discordtest.NewValidator(t)
	for _, r := range fake.Requests() {
		if err := v.Check(r); err != nil {
			t.Error(err)
		}
	}
}

func TestBriefingPostThroughDiscordgo(t *testing.T) {
	ctx := context.Background()
	fake := discordtest.New(t)
	p := newBriefingPoster(t, fake)

	if err := p.PostBriefing(ctx, schedule.Post{ChannelID: "300000000000000001", Briefing: seedBriefing(), Nonce: "b1-20261122"}); err != nil {
		t.Fatal(err)
	}
	var body struct {
		Nonce           string `json:"nonce"`
		EnforceNonce    bool   `json:"enforce_nonce"`
		AllowedMentions struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
		Embeds []json.RawMessage `json:"embeds"`
	}
	msgs := fake.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages, want 1", len(msgs))
	}
	if err := json.Unmarshal(msgs[0], &body); err != nil {
		t.Fatal(err)
	}
	if body.Nonce != "b1-20261122" || !body.EnforceNonce || body.AllowedMentions.Parse == nil ||
		len(body.AllowedMentions.Parse) != 0 || len(body.Embeds) == 0 {
		t.Errorf("posted %s", msgs[0])
	}

	t.Run("a 500 is not retried by discordgo; the same nonce keeps one message", func(t *testing.T) {
		before := len(fake.Requests())
		fake.Fail("POST", "/channels/300000000000000002/messages", discordtest.Fault{Status: http.StatusInternalServerError, Commit: true})
		err := p.PostBriefing(ctx, schedule.Post{ChannelID: "300000000000000002", Briefing: smallBriefing(), Nonce: "b2-20261122"})
		var refusal *schedule.Refusal
		if err == nil || errors.As(err, &refusal) {
			t.Fatalf("a 500 gave %v, want a transient error", err)
		}
		if n := len(fake.Requests()) - before; n != 1 {
			t.Errorf("%d requests for one post, want 1 (no automatic retry)", n)
		}
		if err := p.PostBriefing(ctx, schedule.Post{ChannelID: "300000000000000002", Briefing: smallBriefing(), Nonce: "b2-20261122"}); err != nil {
			t.Fatal(err)
		}
		if n := len(fake.Messages()); n != 2 {
			t.Errorf("%d messages, want 2: the retry must not post twice", n)
		}
	})

	t.Run("refusals", func(t *testing.T) {
		for status, pause := range map[int]bool{http.StatusForbidden: true, http.StatusNotFound: true, http.StatusBadRequest: false} {
			fake.Fail("POST", "/channels/300000000000000003/messages", discordtest.Fault{Status: status})
			err := p.PostBriefing(ctx, schedule.Post{ChannelID: "300000000000000003", Briefing: smallBriefing(), Nonce: "b3-20261122"})
			var refusal *schedule.Refusal
			if !errors.As(err, &refusal) || refusal.Pause != pause || refusal.Reason == "" {
				t.Errorf("status %d gave %v, want a refusal with pause=%v", status, err, pause)
			}
		}
	})
	validateBriefingRequests(t, fake)
}

// crashingPoster posts through the real client, then ends its goroutine
// as a killed process would: the run stays claimed and unfinished.
type crashingPoster struct{ next schedule.Poster }

func (c crashingPoster) PostBriefing(ctx context.Context, p schedule.Post) error {
	_ = c.next.PostBriefing(ctx, p)
	runtime.Goexit()
	return nil
}

var quietScheduler = slog.New(slog.DiscardHandler)

// TestRestartPostsOnceOnDiscord: a first process posts the 09:00 briefing
// and dies before recording it; a second process on the same database
// takes the run over once the claim's lease expires and posts with the same
// nonce. Discord (the fake, enforcing nonces) holds one message.
func TestRestartPostsOnceOnDiscord(t *testing.T) {
	fake := discordtest.New(t)
	real := newBriefingPoster(t, fake)
	dir := t.TempDir()
	due := time.Date(2026, 3, 8, 13, 0, 0, 0, time.UTC) // 09:00 in New York, the day clocks change
	compose := func(_ context.Context, sub store.Subscription, since, now time.Time) (briefing.Briefing, error) {
		b := smallBriefing()
		b.Generated = now.UTC().Format(time.RFC3339)
		return b, nil
	}
	open := func() *sqlite.Store {
		st, err := sqlite.Open(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}

	first := open()
	if _, err := first.AddSubscription(context.Background(), store.Subscription{GuildID: "g1",
		ChannelID: "300000000000000001", Time: "09:00", Timezone: "America/New_York", CreatedAt: due.Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	crashed := make(chan struct{})
	go func() {
		defer close(crashed)
		schedule.New(schedule.Config{Store: first, Poster: crashingPoster{real}, Compose: compose,
			Clock: scheduletest.New(due), Logger: quietScheduler}).Tick(context.Background())
	}()
	<-crashed
	if n := len(fake.Messages()); n != 1 {
		t.Fatalf("%d messages after the first process, want 1", n)
	}

	clock := scheduletest.New(due.Add(time.Minute))
	second := schedule.New(schedule.Config{Store: open(), Poster: real, Compose: compose, Clock: clock, Logger: quietScheduler})
	for at := due.Add(time.Minute); at.Before(due.Add(schedule.DefaultLease + 5*time.Minute)); at = at.Add(time.Minute) {
		clock.Set(at)
		second.Tick(context.Background())
	}
	posts := 0
	for _, r := range fake.Requests() {
		if r.Method == "POST" && strings.HasSuffix(r.Path, "/messages") {
			posts++
		}
	}
	if posts != 2 || len(fake.Messages()) != 1 {
		t.Errorf("%d posts and %d messages, want 2 posts (one taken over after the lease) and 1 message", posts, len(fake.Messages()))
	}
	clock.Set(due.Add(24 * time.Hour))
	second.Tick(context.Background())
	if n := len(fake.Messages()); n != 2 {
		t.Errorf("%d messages after the next day, want 2", n)
	}
	validateBriefingRequests(t, fake)
}
