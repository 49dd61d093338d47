package main

import (
	"context"
	"fmt"
	"time"
)

func runBrief(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("brief", env.stderr, &c)
	since := fs.String("since", "", "only documents dated from this day (YYYY-MM-DD)")
	actor := fs.String("actor", "", "only what concerns this actor")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	if *since != "" {
		if _, err := time.Parse(time.DateOnly, *since); err != nil {
			return fmt.Errorf("--since wants YYYY-MM-DD, not %q", *since)
		}
	}
	kb, err := env.loadBase(c.docs)
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(env.stdout, kb.Brief(*since, *actor, time.Now()))
	}
	line := "/briefing"
	if *actor != "" {
		line += " " + *actor
	}
	return env.console(ctx, kb, line)
}
