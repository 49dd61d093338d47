package commands

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/bot/discordtest"
	"briefbot/knowledge"
	"briefbot/knowledge/ingest"
)

// seedBase is the knowledge base of the seed documents.
func seedBase(t testing.TB) *knowledge.Base {
	t.Helper()
	docs := ingest.Seeds()
	if len(docs) == 0 {
		t.Fatal("no seed documents")
	}
	return knowledge.New(docs)
}

// captureLog sends slog's default logger to a buffer for the test.
func captureLog(t *testing.T) *bytes.Buffer {
	t.Helper()
	var buf bytes.Buffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, nil)))
	t.Cleanup(func() { slog.SetDefault(old) })
	return &buf
}

func TestCommandSpecsAreValid(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Commands() {
		s := c.Spec
		if seen[s.Name] {
			t.Errorf("two commands named %q", s.Name)
		}
		seen[s.Name] = true
		if s.Type == discordgo.MessageApplicationCommand {
			if s.Description != "" || len(s.Options) > 0 {
				t.Errorf("%s: a message command takes no description or options", s.Name)
			}
			continue
		}
		if s.Name != strings.ToLower(s.Name) || utf8.RuneCountInString(s.Name) > 32 || strings.Contains(s.Name, " ") {
			t.Errorf("bad slash command name %q", s.Name)
		}
		if n := utf8.RuneCountInString(s.Description); n == 0 || n > 100 {
			t.Errorf("%s: description of %d characters", s.Name, n)
		}
		required := true
		for _, o := range s.Options {
			if n := utf8.RuneCountInString(o.Description); n == 0 || n > 100 {
				t.Errorf("%s %s: description of %d characters", s.Name, o.Name, n)
			}
			if o.Required && !required {
				t.Errorf("%s: required option %s after an optional one", s.Name, o.Name)
			}
			required = o.Required
			if o.Autocomplete && c.Complete == nil {
				t.Errorf("%s %s: autocomplete with no handler", s.Name, o.Name)
			}
		}
	}
	for _, want := range []string{"ask", "actor", "claims", "cite", "sources", "source", "briefing", "help", "Find source"} {
		if !seen[want] {
			t.Errorf("missing command %q", want)
		}
	}
}

func TestDispatchRecoversFromPanic(t *testing.T) {
	log := captureLog(t)
	boom := bot.Command{
		Spec:     slash("boom", "panics"),
		Handle:   func(context.Context, *knowledge.Base, bot.Request) bot.Response { panic("kaboom") },
		Complete: func(context.Context, *knowledge.Base, bot.Request) bot.Response { panic("kaboom") },
	}
	route := bot.Router([]bot.Command{boom})
	resp := route(context.Background(), seedBase(t), bot.Request{Kind: bot.SlashCommand, Name: "boom"})
	if !strings.Contains(resp.Content, "went wrong") || !resp.Ephemeral {
		t.Errorf("panic answered with %+v", resp)
	}
	// That no answer, an apology included, can mention anyone is
	// respond's TestResponsesAlwaysSilenceMentions.
	if !strings.Contains(log.String(), "kaboom") || !strings.Contains(log.String(), "command=boom") {
		t.Errorf("panic not logged: %s", log)
	}
	auto := route(context.Background(), seedBase(t), bot.Request{Kind: bot.Autocomplete, Name: "boom"})
	if auto.Content != "" || auto.Choices == nil || len(auto.Choices) != 0 {
		t.Errorf("a panicking autocomplete must answer no choices: %+v", auto)
	}
}

func TestDispatchRejectsPolitely(t *testing.T) {
	kb := seedBase(t)
	ctx := context.Background()
	for name, c := range map[string]struct {
		kb   *knowledge.Base
		req  bot.Request
		want string
	}{
		"unknown command":    {kb, bot.Request{Kind: bot.SlashCommand, Name: "@everyone"}, "Try /help"},
		"no base yet":        {nil, bot.Request{Kind: bot.SlashCommand, Name: "ask"}, "still loading"},
		"bad button":         {kb, bot.Request{Kind: bot.Component, CustomID: "garbage"}, "not known"},
		"expired button":     {kb, bot.Request{Kind: bot.Component, CustomID: bot.CustomID("ask", ActionMore, "0000000000000000", 0)}, "expired"},
		"empty question":     {kb, bot.Request{Kind: bot.SlashCommand, Name: "ask", Options: map[string]string{"question": "  "}}, "/ask question"},
		"no such doc":        {kb, bot.Request{Kind: bot.SlashCommand, Name: "source", Options: map[string]string{"document": "nope"}}, "no document"},
		"no paragraph":       {kb, bot.Request{Kind: bot.SlashCommand, Name: "source", Options: map[string]string{"document": kb.Docs()[0].ID, "paragraph": "999"}}, "paragraphs"},
		"sentence 0":         {kb, bot.Request{Kind: bot.SlashCommand, Name: "source", Options: map[string]string{"document": kb.Docs()[0].ID, "paragraph": "1", "sentence": "0"}}, "¶1 has sentences 1 to"},
		"no such sentence":   {kb, bot.Request{Kind: bot.SlashCommand, Name: "source", Options: map[string]string{"document": kb.Docs()[0].ID, "paragraph": "1", "sentence": "999"}}, "not 999"},
		"sentence no number": {kb, bot.Request{Kind: bot.SlashCommand, Name: "source", Options: map[string]string{"document": kb.Docs()[0].ID, "paragraph": "1", "sentence": "x"}}, "sentence is a number"},
		"sentence alone":     {kb, bot.Request{Kind: bot.SlashCommand, Name: "source", Options: map[string]string{"document": kb.Docs()[0].ID, "sentence": "2"}}, "give the paragraph too"},
	} {
		resp := Dispatch(ctx, c.kb, c.req)
		if !strings.Contains(resp.Content, c.want) {
			t.Errorf("%s: answered %q, want it to contain %q", name, resp.Content, c.want)
		}
		if strings.Contains(resp.Content, "@everyone") {
			t.Errorf("%s: echoed a live mention: %q", name, resp.Content)
		}
		assertWithinLimits(t, name, resp)
	}
}

func TestEveryCommandAnswersWithinLimits(t *testing.T) {
	kb := seedBase(t)
	doc := kb.Docs()[0].ID
	for _, req := range []bot.Request{
		{Kind: bot.SlashCommand, Name: "ask", Options: map[string]string{"question": discordtest.Hostile}},
		{Kind: bot.SlashCommand, Name: "ask", Options: map[string]string{"question": "Who leads al-Qaeda?", "public": "true"}},
		{Kind: bot.SlashCommand, Name: "actor", Options: map[string]string{"name": strings.Repeat("zawahiri ", 2000)}},
		{Kind: bot.SlashCommand, Name: "claims", Options: map[string]string{"actor": "Taliban", "kind": "quote"}},
		{Kind: bot.SlashCommand, Name: "cite", Options: map[string]string{"quote": strings.Repeat("x", 10000)}},
		{Kind: bot.SlashCommand, Name: "sources"},
		{Kind: bot.SlashCommand, Name: "source", Options: map[string]string{"document": doc}},
		{Kind: bot.SlashCommand, Name: "briefing"},
		{Kind: bot.SlashCommand, Name: "help"},
		{Kind: bot.MessageCommand, Name: "Find source", TargetText: discordtest.Hostile},
		{Kind: bot.MessageCommand, Name: "Find source"},
	} {
		resp := Dispatch(context.Background(), kb, req)
		assertWithinLimits(t, req.Name, resp)
		if resp.Content == "" && len(resp.Embeds) == 0 {
			t.Errorf("%s answered nothing", req.Name)
		}
		if resp.Ephemeral == (req.Options["public"] == "true") {
			t.Errorf("%s: ephemeral %v", req.Name, resp.Ephemeral)
		}
	}
}

// /briefing for an actor no document names says so and offers the closest
// names, as /actor does, rather than "nothing to report".
func TestBriefingOfAnUnknownActorOffersTheClosestNames(t *testing.T) {
	kb := seedBase(t)
	ctx := context.Background()
	brief := Dispatch(ctx, kb, bot.Request{Kind: bot.SlashCommand, Name: "briefing", Options: map[string]string{"actor": "zawahri"}})
	if len(brief.Embeds) == 0 || !strings.Contains(brief.Embeds[0].Title, "Briefing") {
		t.Fatalf("a misspelt known actor should still get the briefing: %+v", brief)
	}
	offered := false
	for _, name := range []string{"nobodyxyz", "talibn leadr", "wallace ben smith"} {
		got := Dispatch(ctx, kb, bot.Request{Kind: bot.SlashCommand, Name: "briefing", Options: map[string]string{"actor": name}})
		want := Dispatch(ctx, kb, bot.Request{Kind: bot.SlashCommand, Name: "actor", Options: map[string]string{"name": name}})
		if kb.Actor(name).Match != nil {
			continue // found after all: nothing to compare
		}
		if len(got.Embeds) != 1 || !strings.Contains(got.Embeds[0].Title, "No actor matches") {
			t.Fatalf("%s: %+v", name, got.Embeds)
		}
		if got.Embeds[0].Description != want.Embeds[0].Description {
			t.Errorf("%s: /briefing offers %q, /actor %q", name, got.Embeds[0].Description, want.Embeds[0].Description)
		}
		if strings.Contains(got.Embeds[0].Description, "Nothing to report") {
			t.Errorf("%s: nothing to report", name)
		}
		offered = offered || strings.Contains(got.Embeds[0].Description, "Did you mean")
		assertWithinLimits(t, name, got)
	}
	if !offered {
		t.Error("no unknown actor was offered the closest names")
	}
}
