package main

import (
	"context"
	"log/slog"
	"sync/atomic"

	"briefbot/bot"
	"briefbot/knowledge"
)

func runServe(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("serve", env.stderr, &c)
	listen := fs.String("listen", "", "serve Discord's HTTP interactions, /healthz and /metrics on this address (e.g. :8080)")
	guild := fs.String("guild", "", "register the commands in this guild only (instant; for development)")
	token := fs.String("token", env.getenv("DISCORD_TOKEN"), "bot token (DISCORD_TOKEN)")
	appID := fs.String("application-id", env.getenv("DISCORD_APPLICATION_ID"), "application id (DISCORD_APPLICATION_ID)")
	publicKey := fs.String("public-key", env.getenv("DISCORD_PUBLIC_KEY"), "application public key, hex (DISCORD_PUBLIC_KEY)")
	fs.String("data", env.getenv("BRIEFBOT_DATA"), "directory for state (BRIEFBOT_DATA)")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	kb, err := env.loadBase(c.docs)
	if err != nil {
		return err
	}
	var current atomic.Pointer[knowledge.Base]
	current.Store(kb)
	logger := slog.New(slog.NewJSONHandler(env.stderr, nil))
	logger.Info("knowledge base ready", "documents", len(kb.Docs()))
	return bot.Serve(ctx, bot.ServeConfig{
		Handling: bot.Handling{
			Knowledge: current.Load,
			RateLimit: bot.NewRateLimit(20, 5, 100_000),
			Logger:    logger,
		},
		Token:         *token,
		ApplicationID: *appID,
		PublicKey:     *publicKey,
		GuildID:       *guild,
		Listen:        *listen,
	})
}
