package bot

import (
	"context"
	"log/slog"
	"runtime/debug"

	"briefbot/bot/render"
	"briefbot/knowledge"
)

// Middleware wraps a Handler with one concern shared by every command
// (recovering from panics, limits, metrics, logging), the way net/http
// handlers wrap one another; each concern lives in its own small function.
type Middleware func(Handler) Handler

// Chain wraps h in mws, the first outermost: Chain(h, a, b) runs a, then b,
// then h.
func Chain(h Handler, mws ...Middleware) Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// routed is what every route applies around its commands, whatever the
// transport, the console included: a panic becomes an apology, and every
// answer fits Discord's limits.
func routed(route Handler) Handler {
	return Chain(route,
		recovering,
		fittingLimits)
}

type loggerKey struct{}

// LoggingTo makes handlers log to l (see Logger).
func LoggingTo(l *slog.Logger) Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, kb *knowledge.Base, req Request) Response {
			return next(context.WithValue(ctx, loggerKey{}, l), kb, req)
		}
	}
}

// Logger is the logger the transport configured, or slog's default
// where none did (the console, tests calling a route directly).
func Logger(ctx context.Context) *slog.Logger {
	if l, ok := ctx.Value(loggerKey{}).(*slog.Logger); ok {
		return l
	}
	return slog.Default()
}

// recovering answers a handler that panics with an apology, and logs the
// panic with its stack, rather than letting one command crash the bot.
func recovering(next Handler) Handler {
	return func(ctx context.Context, kb *knowledge.Base, req Request) (resp Response) {
		defer func() {
			if p := recover(); p != nil {
				Logger(ctx).Error("command panicked", "command", req.Name, "kind", req.Kind,
					"user", req.UserID, "panic", p, "stack", string(debug.Stack()))
				resp = Apology(req, "Sorry, something went wrong while answering. The error has been logged.")
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
