package main

import (
	"context"
	"strings"
)

func runCite(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("cite", env.stderr, &c)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError("missing the QUOTE to look for")
	}
	kb, err := env.loadBase(ctx, &c)
	if err != nil {
		return err
	}
	quote := strings.Join(pos, " ")
	if c.json {
		return writeJSON(env.stdout, kb.Cite(quote))
	}
	return env.console(ctx, kb, "/cite "+quote)
}
