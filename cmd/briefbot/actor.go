package main

import (
	"context"
	"strings"
)

func runActor(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("actor", env.stderr, &c)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError("missing the actor's NAME")
	}
	kb, err := env.loadBase(c.docs)
	if err != nil {
		return err
	}
	name := strings.Join(pos, " ")
	if c.json {
		return writeJSON(env.stdout, kb.Actor(name))
	}
	return env.console(ctx, kb, "/actor "+name)
}
