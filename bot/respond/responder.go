// Package respond answers Discord interactions the same way for every
// transport: it reads an interaction into a bot.Request, runs the route
// within the serving middleware (rate limit, admission, metrics), answers
// within Discord's three seconds or defers, and delivers late answers
// through the interaction's webhook with per-route rate-limit buckets.
package respond

import (
	"cmp"
	"context"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/knowledge"
)

// Handling is what every transport needs to answer interactions.
type Handling struct {
	// Dispatch routes a request to its command (see bot.Router); the
	// Responder wraps it in the serving middleware.
	Dispatch bot.Handler
	// Knowledge returns the current knowledge base; it may change between calls.
	Knowledge func() *knowledge.Base
	// RateLimit limits each user; nil allows everything.
	RateLimit *RateLimit
	// Metrics receives counts and latencies; nil keeps them private.
	Metrics *Metrics
	// Logger receives structured logs, the handlers' included; nil uses
	// slog.Default().
	Logger *slog.Logger
	// AckWithin is how long a handler may take before the interaction is
	// deferred; Discord allows 3 s for the first answer, network included.
	AckWithin time.Duration
	// MaxRunning bounds the handlers running at once; default as many as
	// processors, two at least (handlers are CPU-bound: more only delay
	// every answer and /healthz). MaxWaiting bounds the requests waiting for a turn
	// (default 256), MaxWait how long one waits (default 30 s); beyond
	// either, the request is answered "busy, try again in a minute".
	MaxRunning int
	MaxWaiting int
	MaxWait    time.Duration
}

// The defaults of Handling and of shutdown.
const (
	defaultAckWithin  = 2 * time.Second
	defaultMaxWaiting = 256
	defaultMaxWait    = 30 * time.Second
	// DefaultShutdownGrace bounds how long shutdown waits for answers in
	// flight when no grace is configured.
	DefaultShutdownGrace = 10 * time.Second
	// tokenLifetime bounds a handler: after 15 minutes the interaction token
	// can no longer deliver its answer.
	tokenLifetime = 14 * time.Minute
)

// Responder answers interactions the same way for every transport: run the
// handler, answer at once if it is quick, otherwise defer and deliver the
// answer later through the interaction webhook.
type Responder struct {
	Handling
	hooks  *webhooks // deferred answers; webhooks need no bot token
	admit  *admission
	handle bot.Handler // Dispatch wrapped in the serving middleware

	mu       sync.Mutex
	closing  bool
	inflight sync.WaitGroup
	work     context.Context // parent of handler contexts
	stop     context.CancelFunc
}

func New(h Handling, session *discordgo.Session) *Responder {
	h.AckWithin = cmp.Or(h.AckWithin, defaultAckWithin)
	h.MaxRunning = cmp.Or(h.MaxRunning, max(2, runtime.GOMAXPROCS(0)))
	h.MaxWaiting = cmp.Or(h.MaxWaiting, defaultMaxWaiting)
	h.MaxWait = cmp.Or(h.MaxWait, defaultMaxWait)
	if h.Metrics == nil {
		h.Metrics = NewMetrics()
	}
	if h.Logger == nil {
		h.Logger = slog.Default()
	}
	work, stop := context.WithCancel(context.Background())
	r := &Responder{Handling: h, hooks: newWebhooks(session.Client, session.UserAgent),
		admit: newAdmission(h.MaxRunning, h.MaxWaiting, h.MaxWait, h.Metrics), work: work, stop: stop}
	r.handle = r.serving()
	return r
}

// respond answers interaction i. ack sends the first answer (a REST callback
// on the gateway, the HTTP reply on the endpoint); a deferred answer is
// delivered by a goroutine that drain waits for. It reports false when the
// responder is shutting down and took nothing.
func (r *Responder) Respond(i *discordgo.Interaction, ack func(*discordgo.InteractionResponse) error) bool {
	req, ok := requestFrom(i)
	if !ok {
		return true
	}
	if !r.enter() {
		return false
	}
	log := r.Logger.With("interaction", i.ID, "command", commandLabel(req), "user", req.UserID)
	if late := r.firstAnswer(log, i, req, ack); late != nil {
		go func() {
			defer r.inflight.Done()
			late()
		}()
	} else {
		r.inflight.Done()
	}
	return true
}

// firstAnswer acknowledges req within AckWithin. When the handler is slower,
// it defers and returns the function that delivers the answer later.
func (r *Responder) firstAnswer(log *slog.Logger, i *discordgo.Interaction, req bot.Request, ack func(*discordgo.InteractionResponse) error) (late func()) {
	ctx, cancel := context.WithTimeout(r.work, tokenLifetime)
	answer := r.run(ctx, req)
	timer := time.NewTimer(r.AckWithin)
	defer timer.Stop()

	select {
	case resp := <-answer:
		cancel()
		first := messageResponse(resp)
		if req.Kind == bot.Autocomplete {
			first = choicesResponse(resp)
		}
		r.acknowledge(log, req, i.Token, outcome(resp), ack, first)
		return nil
	case <-timer.C:
	}
	if req.Kind == bot.Autocomplete {
		// Autocomplete cannot be deferred: no suggestions beat a failure.
		cancel()
		r.acknowledge(log, req, i.Token, outcomeFailed, ack, choicesResponse(bot.Response{}))
		return nil
	}
	if !r.acknowledge(log, req, i.Token, outcomeDeferred, ack, deferredResponse(req)) {
		cancel()
		return nil
	}
	return func() {
		defer cancel()
		select {
		case resp := <-answer:
			r.deliver(log, i, req, resp)
		case <-ctx.Done():
			r.Metrics.served(commandLabel(req), outcomeFailed)
			log.Error("handler did not answer in time", "err", ctx.Err())
		}
	}
}

// run starts the handler and returns where its answer, or a refusal, will
// arrive.
func (r *Responder) run(ctx context.Context, req bot.Request) <-chan bot.Response {
	out := make(chan bot.Response, 1)
	go func() {
		resp := r.handle(ctx, r.Knowledge(), req)
		// Only a button's message can be updated; a command posts anew.
		resp.Update = resp.Update && req.Kind == bot.Component
		out <- resp
	}()
	return out
}

// outcome is what resp is counted under when it is the first answer.
func outcome(resp bot.Response) string {
	return cmp.Or(resp.Refused, outcomeAnswered)
}

// acknowledge sends the first answer and counts it under outcome.
func (r *Responder) acknowledge(log *slog.Logger, req bot.Request, token, outcome string, ack func(*discordgo.InteractionResponse) error, first *discordgo.InteractionResponse) bool {
	if err := ack(first); err != nil {
		r.Metrics.Failed("ack")
		r.Metrics.served(commandLabel(req), outcomeFailed)
		log.Error("acknowledging interaction", "type", first.Type, "err", redact(err, token))
		return false
	}
	if outcome != outcomeDeferred {
		r.Metrics.served(commandLabel(req), outcome)
	}
	log.Debug("acknowledged interaction", "type", first.Type, "outcome", outcome)
	return true
}

// deliver sends a deferred answer: it replaces the "thinking" message, or
// for a button, edits the button's message or posts a new one. New messages
// are never retried, so a failed POST cannot become a duplicate.
func (r *Responder) deliver(log *slog.Logger, i *discordgo.Interaction, req bot.Request, resp bot.Response) {
	outcome := cmp.Or(resp.Refused, outcomeDeferred)
	ctx, cancel := context.WithTimeout(r.work, time.Minute)
	defer cancel()
	var err error
	if req.Kind == bot.Component && !resp.Update {
		err = r.hooks.followUp(ctx, i, NewMessage(resp))
	} else {
		if req.Kind != bot.Component && resp.Ephemeral != deferEphemeral(req) {
			log.Warn("deferred answer keeps the visibility chosen when deferring", "ephemeral", deferEphemeral(req))
		}
		err = r.hooks.editOriginal(ctx, i, originalEdit(resp))
	}
	if err != nil {
		r.Metrics.Failed("deliver")
		r.Metrics.served(commandLabel(req), outcomeFailed)
		log.Error("delivering deferred answer", "err", redact(err, i.Token))
		return
	}
	r.Metrics.served(commandLabel(req), outcome)
}

// enter registers an interaction in flight, unless shutting down.
func (r *Responder) enter() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closing {
		return false
	}
	r.inflight.Add(1)
	return true
}

// drain stops taking interactions and waits for those in flight; after
// grace, it cancels their handlers and waits for them to wind up.
func (r *Responder) Drain(grace time.Duration) {
	r.mu.Lock()
	r.closing = true
	r.mu.Unlock()
	done := make(chan struct{})
	go func() { r.inflight.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(grace):
		r.Logger.Warn("shutdown grace period over, cancelling handlers")
		r.stop()
		<-done
	}
	r.stop()
}

// redact takes an interaction token out of an error's text: errors of
// discordgo and net/http name the URL, and the token in it lets whoever
// reads the logs edit or follow up on the interaction.
func redact(err error, token string) string {
	if token == "" {
		return err.Error()
	}
	return strings.ReplaceAll(err.Error(), token, "[token]")
}

// commandLabel names a request in logs and metrics; a button's command is
// only known once the route has read its custom id.
func commandLabel(req bot.Request) string {
	return cmp.Or(req.Name, "button")
}
