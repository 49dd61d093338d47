package respond

import (
	"context"
	"time"

	"briefbot/bot"
	"briefbot/knowledge"
)

// serving is what the Discord transports apply around Handling.Dispatch
// (see Responder.run), outermost first: handlers log to the configured
// logger; a user over their rate limit is refused before taking a turn;
// admission bounds the handlers running and waiting; the time a handler
// takes is observed once it runs.
func (r *Responder) serving() bot.Handler {
	return bot.Chain(r.Dispatch,
		bot.LoggingTo(r.Logger),
		rateLimited(r.RateLimit),
		admitted(r.admit),
		timed(r.Metrics))
}

// rateLimitedText is the friendly refusal of a user over their rate limit.
const rateLimitedText = "You're asking faster than I can look things up. Please wait a few seconds and try again."

// rateLimited refuses a user over limit (nil allows everything).
// Autocomplete is exempt: it fires as the user types.
func rateLimited(limit *RateLimit) bot.Middleware {
	return func(next bot.Handler) bot.Handler {
		return func(ctx context.Context, kb *knowledge.Base, req bot.Request) bot.Response {
			if req.Kind != bot.Autocomplete && !limit.Allow(req.UserID) {
				return refusal(bot.Notice(rateLimitedText), outcomeRateLimited)
			}
			return next(ctx, kb, req)
		}
	}
}

// admitted runs a handler only when admission gives it a turn, and refuses
// it as busy otherwise; the turn is free before the answer leaves.
func admitted(a *admission) bot.Middleware {
	return func(next bot.Handler) bot.Handler {
		return func(ctx context.Context, kb *knowledge.Base, req bot.Request) bot.Response {
			if !a.enter(ctx) {
				return refusal(bot.Apology(req, busyText), outcomeBusy)
			}
			defer a.leave()
			return next(ctx, kb, req)
		}
	}
}

// timed observes how long each handler takes.
func timed(m *Metrics) bot.Middleware {
	return func(next bot.Handler) bot.Handler {
		return func(ctx context.Context, kb *knowledge.Base, req bot.Request) bot.Response {
			start := time.Now()
			resp := next(ctx, kb, req)
			m.observe(commandLabel(req), time.Since(start))
			return resp
		}
	}
}

// refusal marks resp as a refusal counted under outcome rather than an
// answer.
func refusal(resp bot.Response, outcome string) bot.Response {
	resp.Refused = outcome
	return resp
}
