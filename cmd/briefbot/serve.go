package main

import (
	"context"
	"errors"
	"log/slog"
	"sync"

	"briefbot/bot/respond"
	"briefbot/bot/serve"
	"briefbot/feeds"
	"briefbot/knowledge"
	"briefbot/knowledge/basecache"
	"briefbot/knowledge/fetch"
	"briefbot/knowledge/live"
	"briefbot/knowledge/web"
	"briefbot/store"
)

func runServe(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newCorpusFlagSet("serve", env.stderr, &c) // --docs, --data, and --store for PostgreSQL
	listen := fs.String("listen", "", "serve Discord's HTTP interactions, /healthz and /metrics on `ADDR` (e.g. :8080)")
	guild := fs.String("guild", "", "register the commands in the guild `ID` only (instant; for development)")
	token := fs.String("token", env.getenv("DISCORD_TOKEN"), "the bot's `TOKEN` (DISCORD_TOKEN)")
	appID := fs.String("application-id", env.getenv("DISCORD_APPLICATION_ID"), "the application `ID` (DISCORD_APPLICATION_ID)")
	publicKey := fs.String("public-key", env.getenv("DISCORD_PUBLIC_KEY"), "the application's public `KEY`, hex (DISCORD_PUBLIC_KEY)")
	sharding := addShardFlags(fs) // --shard-id, --shard-count
	private := fs.Bool("allow-private-urls", false, "let followed feeds and \"Add to knowledge base\" fetch from loopback, private and link-local addresses")
	metricsListen := fs.String("metrics-listen", "", "serve /metrics (and /healthz) on `ADDR` instead, off the public listener (e.g. 127.0.0.1:9090)")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	stored := c.store.withEnv(env)
	shards, err := sharding.shards()
	if err != nil {
		return err
	}
	logger := newLogger(env.stderr)
	st, where, err := stored.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	// The watcher and the feed poller stop, and are waited for, before the
	// store closes and before serve returns.
	ctx, cancel := context.WithCancel(ctx)
	var background sync.WaitGroup
	defer background.Wait()
	defer cancel()
	reader := &web.Reader{Fetcher: &fetch.Client{AllowPrivate: *private}}
	current, err := env.liveBase(ctx, &background, c.docs, st, stored.snapshots(logger), logger, reader)
	if err != nil {
		return err
	}
	logger.Info("knowledge base ready", "documents", len(current().Docs()), "store", where)
	return serve.Serve(ctx, serve.Config{
		Handling:      respond.Handling{Knowledge: current, Logger: logger},
		Token:         *token,
		ApplicationID: *appID,
		PublicKey:     *publicKey,
		GuildID:       *guild,
		Listen:        *listen,
		MetricsListen: *metricsListen,
		Store:         st,
		Shards:        shards,
		Reader:        reader,
	})
}

// liveBase serves the chosen corpus. Documents given with --docs or
// BRIEFBOT_DOCS are watched, and the knowledge base is rebuilt and swapped
// when they change; the embedded seeds never change.
// Without them, the documents stored by `briefbot ingest` and the followed
// feeds, which are polled here, are served (the seeds while none is).
func (env *environment) liveBase(ctx context.Context, background *sync.WaitGroup, flagged []string, st store.Store, snaps *basecache.Cache, logger *slog.Logger, reader *web.Reader) (func() *knowledge.Base, error) {
	paths := env.documentPaths(flagged)
	if len(paths) == 0 {
		w, err := libraryWatcher(ctx, st, snaps, logger)
		if err != nil {
			return nil, err
		}
		background.Go(func() { w.Run(ctx) })
		poller := &feeds.Poller{Store: st, Reader: reader, Stored: w.Wake, Logger: logger}
		background.Go(func() { poller.Run(ctx) })
		return w.Base, nil
	}
	if followed, err := st.Feeds(ctx); err == nil && len(followed) > 0 {
		logger.Warn("followed feeds are not polled, and stored documents not served, while --docs or BRIEFBOT_DOCS chooses the documents", "feeds", len(followed))
	}
	w, err := live.New(ctx, live.Config{Paths: paths, Build: knowledge.New, Snapshots: snaps, Store: st, Logger: logger})
	if errors.Is(err, live.ErrNoDocuments) {
		return nil, &exitError{code: 2, err: errors.New("no readable document")}
	}
	if err != nil {
		return nil, err
	}
	background.Go(func() { w.Run(ctx) })
	return w.Base, nil
}
