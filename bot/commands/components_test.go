package commands

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"briefbot/bot"
	"briefbot/store/sqlite"
)

// press presses the button of resp whose action is action.
func press(t *testing.T, resp bot.Response, action string) bot.Request {
	t.Helper()
	for _, btn := range bot.Buttons(resp.Components) {
		if _, a, _, ok := bot.ParseCustomID(btn.CustomID); ok && a == action {
			return bot.Request{Kind: bot.Component, CustomID: btn.CustomID, UserID: "42"}
		}
	}
	t.Fatalf("no %s button among %+v", action, resp.Components)
	return bot.Request{}
}

func TestMoreAndShareRederiveThePage(t *testing.T) {
	kb := seedBase(t)
	ctx := context.Background()
	first := Dispatch(ctx, kb, bot.Request{Kind: bot.SlashCommand, Name: "source", Options: map[string]string{"document": kb.Docs()[0].ID}})
	if !strings.HasPrefix(first.Embeds[0].Footer.Text, "Page 1/") {
		t.Fatalf("a long document should be paged: %q", first.Embeds[0].Footer.Text)
	}
	second := Dispatch(ctx, kb, press(t, first, ActionMore))
	if !second.Update || !strings.HasPrefix(second.Embeds[0].Footer.Text, "Page 2/") {
		t.Errorf("More should replace the message with page 2: update=%v footer=%q", second.Update, second.Embeds[0].Footer.Text)
	}
	if second.Embeds[0].Description == first.Embeds[0].Description {
		t.Error("page 2 repeats page 1")
	}
	shared := Dispatch(ctx, kb, press(t, second, actionShare))
	if shared.Ephemeral || shared.Update || len(shared.Components) != 0 {
		t.Errorf("Share should post a new public message without buttons: %+v", shared)
	}
	if shared.Embeds[0].Description != second.Embeds[0].Description {
		t.Error("Share should post the page it was pressed on")
	}
	assertWithinLimits(t, "shared", shared)
}

func TestFeedbackIsLoggedAndThanked(t *testing.T) {
	log := captureLog(t)
	kb := seedBase(t)
	answer := Dispatch(context.Background(), kb, bot.Request{Kind: bot.SlashCommand, Name: "ask", Options: map[string]string{"question": "Who freed the prisoners?"}})
	thanks := Dispatch(context.Background(), kb, press(t, answer, actionDown))
	if !thanks.Ephemeral || !strings.Contains(thanks.Content, "Thanks") {
		t.Errorf("feedback answered %+v", thanks)
	}
	for _, want := range []string{"msg=feedback", "vote=down", "command=ask", "user=42", "Who freed the prisoners?"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("feedback log lacks %q: %s", want, log)
		}
	}
}

func TestCustomIDsFitAndRoundTrip(t *testing.T) {
	for _, c := range Commands() {
		id := bot.CustomID(c.Spec.Name, actionShare, answerKey(c.Spec.Name, map[string]string{"q": strings.Repeat("x", 6000)}), 999999)
		if len(id) > maxCustomID {
			t.Errorf("%s: custom id of %d characters", c.Spec.Name, len(id))
		}
		name, action, opts, ok := bot.ParseCustomID(id)
		if !ok || name != c.Spec.Name || action != actionShare || opts[bot.OptionPage] != "999999" {
			t.Errorf("%q parsed as %q %q %v %v", id, name, action, opts, ok)
		}
	}
	for _, bad := range []string{"", "a:b", "a:b:c:d:e", "ask:more:k:x", ":more:k:1"} {
		if _, _, _, ok := bot.ParseCustomID(bad); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestLRUIsBounded(t *testing.T) {
	c := newLRU(10)
	for i := range 1000 {
		c.put(fmt.Sprint(i), map[string]string{"i": fmt.Sprint(i)})
		if i == 995 {
			c.get("990") // used again, so kept
		}
	}
	if c.len() != 10 {
		t.Errorf("holds %d entries, capacity 10", c.len())
	}
	if _, ok := c.get("0"); ok {
		t.Error("the oldest entry should be gone")
	}
	if opts, ok := c.get("990"); !ok || opts["i"] != "990" {
		t.Error("a recently used entry was dropped")
	}
}

// TestButtonsWorkOnAnotherReplica: a button pressed on an answer given by
// another replica, or before a restart, still shows its page when the
// answers' pages are kept in the store; without the store it has expired.
func TestButtonsWorkOnAnotherReplica(t *testing.T) {
	kb := seedBase(t)
	ctx := context.Background()
	dir := t.TempDir()
	route := bot.Router(Commands())
	forget := func() { route = bot.Router(Commands()) } // a process of its own

	first, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	asked := KeepingPages(first)(route)(ctx, kb, bot.Request{Kind: bot.SlashCommand, Name: "source",
		Options: map[string]string{"document": kb.Docs()[0].ID}})
	first.Close()

	forget()
	restarted, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer restarted.Close()
	more := KeepingPages(restarted)(route)(ctx, kb, press(t, asked, ActionMore))
	if len(more.Embeds) == 0 || !strings.HasPrefix(more.Embeds[0].Footer.Text, "Page 2/") {
		t.Errorf("More on another replica answered %q %+v, want page 2", more.Content, more.Embeds)
	}

	forget()
	if lost := route(ctx, kb, press(t, asked, ActionMore)); !strings.Contains(lost.Content, "expired") {
		t.Errorf("without the store, a button of another process answered %+v", lost)
	}
}
