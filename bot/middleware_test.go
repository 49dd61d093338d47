package bot

import (
	"context"
	"strings"
	"testing"

	"briefbot/knowledge"
)

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
