// Package serve runs `briefbot serve`: the commands, the gateway sessions,
// the HTTP listeners and the briefing scheduler, until cancelled.
package serve

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"

	"briefbot/bot"
	"briefbot/bot/commands"
	"briefbot/bot/gateway"
	"briefbot/bot/interactions"
	"briefbot/bot/respond"
	"briefbot/knowledge"
	"briefbot/knowledge/briefing"
	"briefbot/knowledge/fetch"
	"briefbot/knowledge/web"
	"briefbot/schedule"
	"briefbot/store"
)

// Config is everything `briefbot serve` configures.
type Config struct {
	respond.Handling
	// Token (DISCORD_TOKEN) runs the gateway; empty runs none.
	Token string
	// ApplicationID (DISCORD_APPLICATION_ID) owns the commands; the gateway
	// learns it from READY when empty.
	ApplicationID string
	// PublicKey (DISCORD_PUBLIC_KEY, hex) enables /interactions on Listen.
	PublicKey string
	// GuildID (--guild) registers the commands in one guild, instantly.
	GuildID string
	// Listen (--listen) is the address of the HTTP server serving
	// /interactions, /healthz and, unless MetricsListen is set, /metrics;
	// empty runs none.
	Listen string
	// MetricsListen (--metrics-listen) serves /metrics and /healthz on an
	// address of their own, kept off the public listener.
	MetricsListen string
	// HTTPLimits bound slow and numerous clients of the listeners.
	HTTPLimits interactions.Limits
	// Commands are registered by the gateway; nil means commands.Commands().
	// Handling.Dispatch nil means bot.Router(Commands).
	Commands []bot.Command
	// Client and Dialer reach Discord; nil means the defaults.
	Client *http.Client
	Dialer *websocket.Dialer
	// ShutdownGrace bounds how long shutdown waits for answers in flight.
	ShutdownGrace time.Duration
	// Store keeps briefing subscriptions. When set, the subscription
	// commands are served and, with the gateway, the scheduler posts them.
	Store store.Store
	// Shards (--shard-id, --shard-count) are the gateway shards this
	// process runs, one session each; its scheduler posts the briefings of
	// those shards' guilds only. None runs one unsharded session.
	Shards []schedule.Shard
	// Reader fetches what "Add to knowledge base" adds; nil reaches public
	// addresses only.
	Reader *web.Reader
}

// Serve runs the gateway when a token is set and the HTTP server when an
// address is set, until ctx is cancelled (returning nil after a graceful
// shutdown) or one of them fails (stopping the other, returning the error).
func Serve(ctx context.Context, cfg Config) error {
	if cfg.Token == "" && cfg.Listen == "" {
		return errors.New("serve: nothing to serve: set a bot token or a listen address")
	}
	for _, shard := range cfg.Shards {
		if err := shard.Validate(); err != nil {
			return fmt.Errorf("serve: %w", err)
		}
	}
	if cfg.Metrics == nil {
		cfg.Metrics = respond.NewMetrics()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Commands == nil {
		cfg.Commands = commands.Commands()
		if cfg.Store != nil {
			cfg.Commands = append(cfg.Commands, commands.SubscriptionCommands(cfg.Store, time.Now)...)
			cfg.Commands = append(cfg.Commands, commands.FeedCommands(cfg.Store, time.Now)...)
			cfg.Commands = append(cfg.Commands, commands.AddToKnowledgeCommand(cfg.Store, cmp.Or(cfg.Reader, &web.Reader{Fetcher: &fetch.Client{}}), time.Now))
		}
	}
	if cfg.Dispatch == nil {
		cfg.Dispatch = bot.Router(cfg.Commands)
	}
	if cfg.Store != nil {
		cfg.Dispatch = commands.KeepingPages(cfg.Store)(cfg.Dispatch)
	}
	cfg.Metrics.KnowCommands(cfg.Commands)
	if cfg.RateLimit == nil {
		cfg.RateLimit = respond.DefaultRateLimit()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var runs []func(context.Context) error
	if cfg.Token != "" {
		gateways, err := newGateways(cfg)
		if err != nil {
			return err
		}
		for _, gw := range gateways {
			runs = append(runs, gw.Run)
		}
		if cfg.Store != nil {
			// Posts go over REST, which any of the sessions can make.
			runs = append(runs, schedule.New(schedule.Config{Store: cfg.Store, Poster: gateway.BriefingPoster{Gateway: gateways[0]},
				Compose: composeScheduled(cfg.Store, cfg.Knowledge), Logger: cfg.Logger, Shards: cfg.Shards}).Run)
		}
	}
	if cfg.Listen != "" || cfg.MetricsListen != "" {
		listeners, err := httpServers(cfg)
		if err != nil {
			return err
		}
		runs = append(runs, listeners...)
	}

	errs := make(chan error, len(runs))
	var wg sync.WaitGroup
	for _, run := range runs {
		wg.Go(func() {
			err := run(ctx)
			cancel() // one transport failing stops the other
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	return errors.Join(all...)
}

// newGateways prepares one gateway session per shard, or one unsharded.
func newGateways(cfg Config) ([]*gateway.Gateway, error) {
	shards := cfg.Shards
	if len(shards) == 0 {
		shards = []schedule.Shard{{}}
	}
	gateways := make([]*gateway.Gateway, len(shards))
	for i, shard := range shards {
		gw, err := gateway.New(gateway.Config{Handling: cfg.Handling, Token: cfg.Token,
			ApplicationID: cfg.ApplicationID, GuildID: cfg.GuildID, Commands: cfg.Commands,
			Client: cfg.Client, Dialer: cfg.Dialer, ShutdownGrace: cfg.ShutdownGrace, Shard: shard})
		if err != nil {
			return nil, err
		}
		gateways[i] = gw
	}
	return gateways, nil
}

// composeScheduled composes a subscription's briefing from the current
// knowledge base: what is new since its last post, by the documents'
// first-seen times in the store.
func composeScheduled(st store.Seen, kb func() *knowledge.Base) schedule.ComposeFunc {
	return func(ctx context.Context, sub store.Subscription, since, now time.Time) (briefing.Briefing, error) {
		seen, err := store.ChangedTimes(ctx, st)
		if err != nil {
			return briefing.Briefing{}, err
		}
		base := kb()
		if base == nil {
			return briefing.Briefing{}, errors.New("the knowledge base is not loaded")
		}
		return base.Briefing(knowledge.BriefQuery{Since: since, Actor: sub.Actor, Now: now, Seen: seen}), nil
	}
}

// httpServers prepares the run functions of the HTTP listeners: the
// public one and, when asked for, the metrics one.
func httpServers(cfg Config) ([]func(context.Context) error, error) {
	var runs []func(context.Context) error
	publicMetrics := cfg.Metrics
	if cfg.MetricsListen != "" {
		publicMetrics = nil
		run, err := listen(cfg, "metrics", cfg.MetricsListen, interactions.Mux(nil, cfg.Metrics), nil)
		if err != nil {
			return nil, err
		}
		runs = append(runs, run)
	}
	if cfg.Listen == "" {
		return runs, nil
	}
	var endpoint *interactions.Endpoint
	if cfg.PublicKey != "" {
		key, err := interactions.ParsePublicKey(cfg.PublicKey)
		if err != nil {
			return nil, fmt.Errorf("serve: %w", err)
		}
		endpoint, err = interactions.New(interactions.Config{Handling: cfg.Handling, PublicKey: key, Client: cfg.Client})
		if err != nil {
			return nil, fmt.Errorf("serve: %w", err)
		}
	} else {
		cfg.Logger.Warn("no public key: /interactions is disabled on the HTTP listener")
	}
	run, err := listen(cfg, "http", cfg.Listen, interactions.Mux(endpoint, publicMetrics), endpoint)
	if err != nil {
		return nil, err
	}
	return append(runs, run), nil
}

// listen prepares one HTTP listener on addr serving h. On shutdown it stops
// accepting, lets running requests reply, then lets the deferred answers of
// interactions (when not nil) be delivered.
func listen(cfg Config, name, addr string, h http.Handler, endpoint *interactions.Endpoint) (func(context.Context) error, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	srv, ln := interactions.NewServer(h, ln, cfg.HTTPLimits, cfg.Logger, cfg.Metrics)
	grace := cmp.Or(cfg.ShutdownGrace, respond.DefaultShutdownGrace)

	return func(ctx context.Context) error {
		stopped := make(chan error, 1)
		go func() { stopped <- srv.Serve(ln) }()
		cfg.Logger.Info(name+" listening", "addr", ln.Addr().String())
		select {
		case err := <-stopped:
			return fmt.Errorf("serve: %s: %w", name, err)
		case <-ctx.Done():
		}
		shutdownCtx, cancel := context.WithTimeout(context.Background(), grace)
		defer cancel()
		err := srv.Shutdown(shutdownCtx)
		if endpoint != nil {
			endpoint.Drain(grace)
		}
		return err
	}, nil
}
