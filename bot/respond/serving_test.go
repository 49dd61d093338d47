package respond

import (
	"context"
	"testing"

	"briefbot/bot"
	"briefbot/knowledge"
)

// TestRateLimitedRefusesBeforeTheHandler: a user over their limit is
// refused, counted as rate limited, without running the handler;
// autocomplete is never limited.
func TestRateLimitedRefusesBeforeTheHandler(t *testing.T) {
	ran := 0
	h := rateLimited(NewRateLimit(1, 1, 10))(func(context.Context, *knowledge.Base, bot.Request) bot.Response {
		ran++
		return bot.Notice("ok")
	})
	ask := bot.Request{Kind: bot.SlashCommand, Name: "ask", UserID: "u"}
	if resp := h(context.Background(), nil, ask); outcome(resp) != outcomeAnswered || ran != 1 {
		t.Fatalf("first request: %+v (outcome %s), handler ran %d times", resp, outcome(resp), ran)
	}
	resp := h(context.Background(), nil, ask)
	if outcome(resp) != outcomeRateLimited || resp.Content != rateLimitedText || !resp.Ephemeral || ran != 1 {
		t.Errorf("over the limit: %+v (outcome %s), handler ran %d times", resp, outcome(resp), ran)
	}
	if resp := h(context.Background(), nil, bot.Request{Kind: bot.Autocomplete, Name: "ask", UserID: "u"}); outcome(resp) != outcomeAnswered || ran != 2 {
		t.Errorf("autocomplete over the limit: %+v, handler ran %d times", resp, ran)
	}
}
