package bot

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"briefbot/knowledge"
)

// Dispatch is the route of Commands, as the console serves them.
var Dispatch = Router(Commands())

func TestRegisteringACommandTwicePanics(t *testing.T) {
	defer func() {
		p := recover()
		if msg := fmt.Sprint(p); p == nil || !strings.Contains(msg, "help") || !strings.Contains(msg, "twice") {
			t.Errorf("registering /help twice: recovered %v, want a panic naming it", p)
		}
	}()
	Router(append(Commands(), helpCommand()))
}

func TestChainRunsMiddlewareOutermostFirst(t *testing.T) {
	var order []string
	mark := func(name string) Middleware {
		return func(next Handler) Handler {
			return func(ctx context.Context, kb *knowledge.Base, req Request) Response {
				order = append(order, name+" in")
				resp := next(ctx, kb, req)
				order = append(order, name+" out")
				return resp
			}
		}
	}
	h := Chain(func(context.Context, *knowledge.Base, Request) Response {
		order = append(order, "handler")
		return Notice("ok")
	}, mark("a"), mark("b"))
	if resp := h(context.Background(), nil, Request{}); resp.Content != "ok" {
		t.Errorf("chain answered %+v", resp)
	}
	if got, want := strings.Join(order, ", "), "a in, b in, handler, b out, a out"; got != want {
		t.Errorf("order %q, want %q", got, want)
	}
}

// TestHandlersLogToTheConfiguredLogger: a panic under the serving chain is
// logged by Handling.Logger, not slog's default.
func TestHandlersLogToTheConfiguredLogger(t *testing.T) {
	global := captureLog(t)
	var configured bytes.Buffer
	boom := Command{Spec: slash("boom", "panics"),
		Handle: func(context.Context, *knowledge.Base, Request) Response { panic("kaboom") }}
	h := Chain(Router([]Command{boom}), LoggingTo(slog.New(slog.NewTextHandler(&configured, nil))))
	resp := h(context.Background(), seedBase(t), Request{Kind: SlashCommand, Name: "boom"})
	if !strings.Contains(resp.Content, "went wrong") {
		t.Errorf("panic answered with %+v", resp)
	}
	if !strings.Contains(configured.String(), "kaboom") || strings.Contains(global.String(), "kaboom") {
		t.Errorf("panic logged to the configured logger %q and the default %q", configured.String(), global.String())
	}
}
