package main

import (
	"context"
	"errors"
	"log/slog"

	"briefbot/bot"
	"briefbot/bot/live"
	"briefbot/bot/store"
	"briefbot/knowledge"
	"briefbot/knowledge/ingest"
	"briefbot/knowledge/snapshot"
)

func runServe(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("serve", env.stderr, &c)
	listen := fs.String("listen", "", "serve Discord's HTTP interactions, /healthz and /metrics on this address (e.g. :8080)")
	guild := fs.String("guild", "", "register the commands in this guild only (instant; for development)")
	token := fs.String("token", env.getenv("DISCORD_TOKEN"), "bot token (DISCORD_TOKEN)")
	appID := fs.String("application-id", env.getenv("DISCORD_APPLICATION_ID"), "application id (DISCORD_APPLICATION_ID)")
	publicKey := fs.String("public-key", env.getenv("DISCORD_PUBLIC_KEY"), "application public key, hex (DISCORD_PUBLIC_KEY)")
	stored := addStoreFlags(fs, env) // --data, and --store for PostgreSQL
	sharding := addShardFlags(fs)    // --shard-id, --shard-count
	metricsListen := fs.String("metrics-listen", "", "serve /metrics (and /healthz) on `ADDR` instead, off the public listener (e.g. 127.0.0.1:9090)")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	shards, err := sharding.shards()
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewJSONHandler(env.stderr, nil))
	st, where, err := stored.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	current, err := env.liveBase(ctx, c.docs, st, stored.snapshots(logger), logger)
	if err != nil {
		return err
	}
	logger.Info("knowledge base ready", "documents", len(current().Docs()), "store", where)
	return bot.Serve(ctx, bot.ServeConfig{
		Handling:      bot.Handling{Knowledge: current, Logger: logger},
		Token:         *token,
		ApplicationID: *appID,
		PublicKey:     *publicKey,
		GuildID:       *guild,
		Listen:        *listen,
		MetricsListen: *metricsListen,
		Store:         st,
		Shards:        shards,
	})
}

// liveBase serves the chosen corpus. Documents given with --docs or
// BRIEFBOT_DOCS are watched, and the knowledge base is rebuilt and swapped
// when they change; the embedded seeds never change.
func (env *environment) liveBase(ctx context.Context, flagged []string, st store.Store, snaps *snapshot.Cache, logger *slog.Logger) (func() *knowledge.Base, error) {
	paths := env.documentPaths(flagged)
	if len(paths) == 0 {
		// Issue 9: documents stored by `briefbot ingest`, when there are any.
		if current, err := libraryBase(ctx, st, snaps, logger); current != nil || err != nil {
			return current, err
		}
		kb := knowledge.New(ingest.Seeds())
		return func() *knowledge.Base { return kb }, nil
	}
	w, err := live.New(ctx, live.Config{Paths: paths, Build: knowledge.New, Snapshots: snaps, Store: st, Logger: logger})
	if errors.Is(err, live.ErrNoDocuments) {
		return nil, &exitError{code: 2, err: errors.New("no readable document")}
	}
	if err != nil {
		return nil, err
	}
	go w.Run(ctx)
	return w.Base, nil
}
