package gateway_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"briefbot/bot"
	"briefbot/bot/discordtest"
	"briefbot/bot/gateway"
	"briefbot/bot/internal/bottest"
	"briefbot/bot/respond"
)

// answered waits for the bot's callback to interaction i.
func answered(t *testing.T, fake *discordtest.Server, i discordtest.Interaction) bottest.Callback {
	t.Helper()
	r := fake.WaitRequest(t, bottest.WaitLong, func(r discordtest.Request) bool {
		return r.Method == "POST" && strings.Contains(r.Path, "/interactions/"+i.ID()+"/") && r.Status < 300
	})
	return bottest.DecodeJSON[bottest.Callback](t, r.Body)
}

// webhookFor waits for a webhook request (edit or follow-up) of interaction i.
func webhookFor(t *testing.T, fake *discordtest.Server, method string, i discordtest.Interaction) discordtest.Request {
	t.Helper()
	return fake.WaitRequest(t, bottest.WaitLong, func(r discordtest.Request) bool {
		return r.Method == method && strings.Contains(r.Path, "/webhooks/"+discordtest.AppID+"/"+i.Token())
	})
}

// TestGatewayWithRealClient drives the gateway transport, through the real
// discordgo client, against the fake Discord: registration, every kind of
// interaction, deferral, rate limits, a 429, a dropped socket, a failed POST
// and graceful shutdown. One session keeps the suite fast.
func TestGatewayWithRealClient(t *testing.T) {
	fake := discordtest.New(t)
	validator := discordtest.NewValidator(t)
	metrics := respond.NewMetrics()
	gw, err := gateway.New(gateway.Config{
		Handling: respond.Handling{Dispatch: bottest.Dispatch(), Knowledge: bottest.NoKnowledge, Metrics: metrics,
			RateLimit: respond.NewRateLimit(6, 3, 100), AckWithin: bottest.AckWithin},
		Token: "test-token", GuildID: discordtest.GuildID, Commands: bottest.Commands(),
		Client: fake.Client(), Dialer: fake.Dialer(), ReconnectDelay: 10 * time.Millisecond,
		OpenTimeout: time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stopped := make(chan error, 1)
	go func() { stopped <- gw.Run(ctx) }()

	put := fake.WaitRequest(t, bottest.WaitLong, func(r discordtest.Request) bool { return r.Method == "PUT" })
	t.Run("registers by bulk overwrite in the guild with minimal intents", func(t *testing.T) {
		if want := "/applications/" + discordtest.AppID + "/guilds/" + discordtest.GuildID + "/commands"; !strings.HasSuffix(put.Path, want) {
			t.Errorf("registration path %s, want suffix %s", put.Path, want)
		}
		if names := bottest.DecodeJSON[[]struct{ Name string }](t, put.Body); len(names) != 3 || names[0].Name != "quick" {
			t.Errorf("registered %s", put.Body)
		}
		if !strings.HasPrefix(put.Authorization, "Bot ") {
			t.Errorf("authorization %q lacks the Bot prefix", put.Authorization)
		}
		if got := fake.Intents(); len(got) != 1 || got[0] != 0 {
			t.Errorf("identified with intents %v, want [0]", got)
		}
	})

	t.Run("quick command answered at once without pinging", func(t *testing.T) {
		i := discordtest.SlashCommand("quick")
		fake.Interact(t, i)
		cb := answered(t, fake, i)
		if cb.Type != 4 || !strings.HasPrefix(cb.Data.Content, "quick answer") || cb.Data.Flags != 64 {
			t.Errorf("got type %d flags %d %q, want an ephemeral type 4 answer", cb.Type, cb.Data.Flags, cb.Data.Content)
		}
		if cb.Data.AllowedMentions == nil || cb.Data.AllowedMentions.Parse == nil || len(cb.Data.AllowedMentions.Parse) != 0 {
			t.Errorf("allowed_mentions %+v, want an empty parse list", cb.Data.AllowedMentions)
		}
	})

	t.Run("options of every type arrive as text", func(t *testing.T) {
		i := discordtest.SlashCommand("echo",
			discordtest.Option("question", discordtest.OptionString, "who leads?"),
			discordtest.Option("limit", discordtest.OptionInteger, 3),
			discordtest.Option("ratio", discordtest.OptionNumber, 2.5),
			discordtest.Option("public", discordtest.OptionBoolean, true),
			discordtest.Option("who", discordtest.OptionUser, "600000000000000009"),
		).From("600000000000000042", 1<<5)
		fake.Interact(t, i)
		got := answered(t, fake, i).Data.Content
		for _, want := range []string{"kind=0", "name=echo", "user=600000000000000042", "manage=true",
			"question=who leads?", "limit=3", "ratio=2.5", "public=true", "who=600000000000000009"} {
			if !strings.Contains(got, want) {
				t.Errorf("echo %q lacks %q", got, want)
			}
		}
	})

	t.Run("message command carries the target message", func(t *testing.T) {
		i := discordtest.MessageCommand("echo", "The Taliban said so.")
		fake.Interact(t, i)
		if got := answered(t, fake, i).Data.Content; !strings.Contains(got, `kind=3`) || !strings.Contains(got, `target="The Taliban said so."`) {
			t.Errorf("echo %q", got)
		}
	})

	t.Run("slow command is deferred then edited", func(t *testing.T) {
		i := discordtest.SlashCommand("slow")
		fake.Interact(t, i)
		cb := answered(t, fake, i)
		if cb.Type != 5 || cb.Data.Flags != 64 {
			t.Errorf("first answer type %d flags %d, want an ephemeral deferral (5, 64)", cb.Type, cb.Data.Flags)
		}
		edit := webhookFor(t, fake, "PATCH", i)
		if !strings.HasSuffix(edit.Path, "/messages/@original") || !strings.Contains(string(edit.Body), "slow answer") {
			t.Errorf("edit %s %s", edit.Path, edit.Body)
		}
	})

	t.Run("autocomplete answered with type 8", func(t *testing.T) {
		i := discordtest.Autocomplete("echo", "name", "zawa")
		fake.Interact(t, i)
		cb := answered(t, fake, i)
		if cb.Type != 8 || len(cb.Data.Choices) != 1 || cb.Data.Choices[0].Name != "typed zawa" {
			t.Errorf("autocomplete answer %+v", cb)
		}
	})

	t.Run("slow autocomplete is never deferred", func(t *testing.T) {
		i := discordtest.Autocomplete("slow", "name", "x")
		fake.Interact(t, i)
		if cb := answered(t, fake, i); cb.Type != 8 || len(cb.Data.Choices) != 0 {
			t.Errorf("slow autocomplete answered %+v, want type 8 with no choices", cb)
		}
	})

	t.Run("button press reaches its command by custom id", func(t *testing.T) {
		i := discordtest.Button("echo:page:k:2")
		fake.Interact(t, i)
		cb := answered(t, fake, i)
		if cb.Type != 7 || !strings.Contains(cb.Data.Content, "custom=echo:page:k:2") {
			t.Errorf("button answer type %d %q, want an update (7) echoing the custom id", cb.Type, cb.Data.Content)
		}
	})

	t.Run("slow button is acknowledged silently, then followed up", func(t *testing.T) {
		i := discordtest.Button("slow:share:k:0")
		fake.Interact(t, i)
		if cb := answered(t, fake, i); cb.Type != 6 {
			t.Errorf("first answer type %d, want 6", cb.Type)
		}
		post := webhookFor(t, fake, "POST", i)
		if !strings.Contains(string(post.Body), "slow answer") {
			t.Errorf("follow-up %s", post.Body)
		}
	})

	t.Run("slow page button edits the message it is on", func(t *testing.T) {
		i := discordtest.Button("slow:page:k:1")
		fake.Interact(t, i)
		if cb := answered(t, fake, i); cb.Type != 6 {
			t.Errorf("first answer type %d, want 6", cb.Type)
		}
		if edit := webhookFor(t, fake, "PATCH", i); !strings.HasSuffix(edit.Path, "/messages/@original") {
			t.Errorf("page edit went to %s", edit.Path)
		}
	})

	t.Run("rate limit answers a friendly ephemeral message", func(t *testing.T) {
		var last bottest.Callback
		for range 4 {
			i := discordtest.SlashCommand("quick").From("600000000000000077", 0)
			fake.Interact(t, i)
			last = answered(t, fake, i)
		}
		if !strings.Contains(last.Data.Content, "wait a few seconds") || last.Data.Flags != 64 {
			t.Errorf("fourth request in a burst of 3 got %q flags %d", last.Data.Content, last.Data.Flags)
		}
	})

	t.Run("429 on the callback: the client waits and retries", func(t *testing.T) {
		fake.Fail("POST", "/callback", discordtest.Fault{Status: 429, RetryAfter: 300 * time.Millisecond})
		i := discordtest.SlashCommand("quick")
		fake.Interact(t, i)
		answered(t, fake, i)
		var times []time.Time
		for _, r := range fake.Requests() {
			if strings.Contains(r.Path, i.ID()) {
				times = append(times, r.At)
			}
		}
		if len(times) != 2 || times[1].Sub(times[0]) < 250*time.Millisecond {
			t.Errorf("callback attempts at %v, want 2 at least retry-after apart", times)
		}
	})

	t.Run("dropped socket: the bot resumes and keeps answering", func(t *testing.T) {
		fake.Drop()
		fake.WaitSessions(t, 2, bottest.WaitLong)
		if fake.Resumes() != 1 || fake.Identifies() != 1 {
			t.Errorf("after a drop: %d identifies, %d resumes; want 1 and 1", fake.Identifies(), fake.Resumes())
		}
		i := discordtest.SlashCommand("quick")
		fake.Interact(t, i)
		if cb := answered(t, fake, i); cb.Type != 4 {
			t.Errorf("after resume, answer type %d", cb.Type)
		}
		// Counted once Open returns, which may be after the new session
		// has already answered.
		m := bottest.Scrape(t, metrics)
		for deadline := time.Now().Add(bottest.WaitLong); !strings.Contains(m, "briefbot_gateway_reconnects_total 1") && time.Now().Before(deadline); {
			time.Sleep(10 * time.Millisecond)
			m = bottest.Scrape(t, metrics)
		}
		if !strings.Contains(m, "briefbot_gateway_reconnects_total 1") {
			t.Errorf("reconnect not counted:\n%s", grepLines(m, "reconnects"))
		}
	})

	t.Run("expired session: the failed resume is followed by a fresh IDENTIFY", func(t *testing.T) {
		fake.ExpireSession()
		fake.Drop()
		fake.WaitSessions(t, 4, 3*bottest.WaitLong)
		if fake.Identifies() != 2 {
			t.Errorf("after an expired session: %d identifies, want 2", fake.Identifies())
		}
		i := discordtest.SlashCommand("quick")
		fake.Interact(t, i)
		if cb := answered(t, fake, i); cb.Type != 4 {
			t.Errorf("after re-identify, answer type %d", cb.Type)
		}
	})

	t.Run("500 on a channel post creates no duplicate", func(t *testing.T) {
		fake.Fail("POST", "/messages", discordtest.Fault{Status: 500, Commit: true})
		resp := bot.Response{Content: "Daily briefing"}
		if _, err := gw.Post(ctx, discordtest.ChannelID, resp, "briefing-2026-11-22"); err == nil {
			t.Error("a 500 was reported as success")
		}
		if n := bottest.CountRequests(fake, "POST", "/messages"); n != 1 {
			t.Errorf("%d POSTs after a 500, want 1 (no automatic retry)", n)
		}
		if _, err := gw.Post(ctx, discordtest.ChannelID, resp, "briefing-2026-11-22"); err != nil {
			t.Errorf("retry with the same nonce: %v", err)
		}
		if n := len(fake.Messages()); n != 1 {
			t.Errorf("%d messages after a retried post, want 1", n)
		}
	})

	t.Run("shutdown finishes the answer in flight", func(t *testing.T) {
		i := discordtest.SlashCommand("slow")
		fake.Interact(t, i)
		if cb := answered(t, fake, i); cb.Type != 5 {
			t.Fatalf("first answer type %d, want a deferral", cb.Type)
		}
		cancel()
		select {
		case err := <-stopped:
			if err != nil {
				t.Errorf("Run after cancel: %v", err)
			}
		case <-time.After(bottest.WaitLong):
			t.Fatal("Run did not return after cancel")
		}
		if n := bottest.CountRequests(fake, "PATCH", i.Token()); n != 1 {
			t.Errorf("deferred answer delivered %d times before shutdown, want 1", n)
		}
	})

	m := bottest.Scrape(t, metrics)
	for _, want := range []string{`briefbot_commands_total{command="quick",outcome="answered"}`,
		`briefbot_commands_total{command="slow",outcome="deferred"}`,
		`briefbot_commands_total{command="quick",outcome="rate_limited"} 1`,
		`briefbot_command_duration_seconds_count{command="slow"}`} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	bottest.ValidateAll(t, fake, validator)
}

func grepLines(text, word string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, word) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestGatewayStopsOnFatalCloseCode: a revoked token (4004) ends Run with an
// error instead of reconnecting forever.
func TestGatewayStopsOnFatalCloseCode(t *testing.T) {
	fake := discordtest.New(t)
	fake.RejectIdentify(4004)
	gw, err := gateway.New(gateway.Config{
		Handling: respond.Handling{Dispatch: bottest.Dispatch(), Knowledge: bottest.NoKnowledge},
		Token:    "revoked", Client: fake.Client(), Dialer: fake.Dialer(), ReconnectDelay: time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- gw.Run(context.Background()) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "4004") {
			t.Errorf("Run returned %v, want an error naming 4004", err)
		}
	case <-time.After(bottest.WaitLong):
		t.Fatal("Run kept retrying after 4004")
	}
	if n := fake.Identifies(); n != 1 {
		t.Errorf("%d identifies, want 1", n)
	}
}

func TestNewGatewayRejectsIncompleteConfig(t *testing.T) {
	if _, err := gateway.New(gateway.Config{Handling: respond.Handling{Dispatch: bottest.Dispatch(), Knowledge: bottest.NoKnowledge}}); err == nil {
		t.Error("no token accepted")
	}
	if _, err := gateway.New(gateway.Config{Token: "t"}); err == nil {
		t.Error("no dispatcher accepted")
	}
}
