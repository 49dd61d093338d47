package commands

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"briefbot/bot"
	"briefbot/knowledge"
)

// Dispatch is the route of Commands, as the console serves them.
var Dispatch = bot.Router(Commands())

func TestRegisteringACommandTwicePanics(t *testing.T) {
	defer func() {
		p := recover()
		if msg := fmt.Sprint(p); p == nil || !strings.Contains(msg, "help") || !strings.Contains(msg, "twice") {
			t.Errorf("registering /help twice: recovered %v, want a panic naming it", p)
		}
	}()
	bot.Router(append(Commands(), helpCommand()))
}

// TestHandlersLogToTheConfiguredLogger: a panic under the serving chain is
// logged by Handling.Logger, not slog's default.
func TestHandlersLogToTheConfiguredLogger(t *testing.T) {
	global := captureLog(t)
	var configured bytes.Buffer
	boom := bot.Command{Spec: slash("boom", "panics"),
		Handle: func(context.Context, *knowledge.Base, bot.Request) bot.Response { panic("kaboom") }}
	h := bot.Chain(bot.Router([]bot.Command{boom}), bot.LoggingTo(slog.New(slog.NewTextHandler(&configured, nil))))
	resp := h(context.Background(), seedBase(t), bot.Request{Kind: bot.SlashCommand, Name: "boom"})
	if !strings.Contains(resp.Content, "went wrong") {
		t.Errorf("panic answered with %+v", resp)
	}
	if !strings.Contains(configured.String(), "kaboom") || strings.Contains(global.String(), "kaboom") {
		t.Errorf("panic logged to the configured logger %q and the default %q", configured.String(), global.String())
	}
}
