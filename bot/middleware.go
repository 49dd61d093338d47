package bot

import (
	"context"
	"log/slog"
	"runtime/debug"
	"time"

	"briefbot/bot/render"
	"briefbot/knowledge"
)

// Middleware wraps a Handler with one concern shared by every command
// (recovering from panics, limits, metrics, logging), the way net/http
// handlers wrap one another; each concern lives in its own small function.
type Middleware func(Handler) Handler

// chain wraps h in mws, the first outermost: chain(h, a, b) runs a, then b,
// then h.
func chain(h Handler, mws ...Middleware) Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// routed is what every route applies around its commands, whatever the
// transport, the console included: a panic becomes an apology, and every
// answer fits Discord's limits.
func routed(route Handler) Handler {
	return chain(route,
		recovering,
		fittingLimits)
}

// serving is what the Discord transports apply around Handling.Dispatch
// (see responder.run), outermost first: handlers log to the configured
// logger; a user over their rate limit is refused before taking a turn;
// admission bounds the handlers running and waiting; the time a handler
// takes is observed once it runs.
func (r *responder) serving() Handler {
	return chain(r.Dispatch,
		loggingTo(r.Logger),
		rateLimited(r.RateLimit),
		admitted(r.admit),
		timed(r.Metrics))
}

type loggerKey struct{}

// loggingTo makes handlers log to l (see loggerFrom).
func loggingTo(l *slog.Logger) Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, kb *knowledge.Base, req Request) Response {
			return next(context.WithValue(ctx, loggerKey{}, l), kb, req)
		}
	}
}

// loggerFrom is the logger the transport configured, or slog's default
// where none did (the console, tests calling a route directly).
func loggerFrom(ctx context.Context) *slog.Logger {
	if l, ok := ctx.Value(loggerKey{}).(*slog.Logger); ok {
		return l
	}
	return slog.Default()
}

// rateLimitedText is the friendly refusal of a user over their rate limit.
const rateLimitedText = "You're asking faster than I can look things up. Please wait a few seconds and try again."

// rateLimited refuses a user over limit (nil allows everything).
// Autocomplete is exempt: it fires as the user types.
func rateLimited(limit *RateLimit) Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, kb *knowledge.Base, req Request) Response {
			if req.Kind != Autocomplete && !limit.Allow(req.UserID) {
				return refusal(notice(rateLimitedText), outcomeRateLimited)
			}
			return next(ctx, kb, req)
		}
	}
}

// admitted runs a handler only when admission gives it a turn, and refuses
// it as busy otherwise; the turn is free before the answer leaves.
func admitted(a *admission) Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, kb *knowledge.Base, req Request) Response {
			if !a.enter(ctx) {
				return refusal(apology(req, busyText), outcomeBusy)
			}
			defer a.leave()
			return next(ctx, kb, req)
		}
	}
}

// timed observes how long each handler takes.
func timed(m *Metrics) Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, kb *knowledge.Base, req Request) Response {
			start := time.Now()
			resp := next(ctx, kb, req)
			m.observe(commandLabel(req), time.Since(start))
			return resp
		}
	}
}

// refusal marks resp as a refusal counted under outcome rather than an
// answer.
func refusal(resp Response, outcome string) Response {
	resp.refused = outcome
	return resp
}

// recovering answers a handler that panics with an apology, and logs the
// panic with its stack, rather than letting one command crash the bot.
func recovering(next Handler) Handler {
	return func(ctx context.Context, kb *knowledge.Base, req Request) (resp Response) {
		defer func() {
			if p := recover(); p != nil {
				loggerFrom(ctx).Error("command panicked", "command", req.Name, "kind", req.Kind,
					"user", req.UserID, "panic", p, "stack", string(debug.Stack()))
				resp = apology(req, "Sorry, something went wrong while answering. The error has been logged.")
			}
		}()
		return next(ctx, kb, req)
	}
}

// fittingLimits cuts every answer to Discord's limits.
func fittingLimits(next Handler) Handler {
	return func(ctx context.Context, kb *knowledge.Base, req Request) Response {
		resp := next(ctx, kb, req)
		resp.Content, resp.Embeds = render.FitMessage(resp.Content, resp.Embeds)
		resp.Choices = render.FitChoices(resp.Choices)
		return resp
	}
}
