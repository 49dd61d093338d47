package main

import (
	"context"
	"fmt"
	"strings"

	"briefbot/knowledge"
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
	kb, err := env.loadBase(ctx, &c)
	if err != nil {
		return err
	}
	name := strings.Join(pos, " ")
	if c.json {
		return writeJSON(env.stdout, kb.Actor(name))
	}
	return env.console(ctx, kb, "/actor "+name)
}

// maxClosest bounds the names an unknown actor's error offers.
const maxClosest = 5

// knownActor returns an error saying that no actor matches name, with the
// closest names, or nil when one does.
func knownActor(kb *knowledge.Base, name string) error {
	r := kb.Actor(name)
	if r.Match != nil {
		return nil
	}
	closest := ""
	if len(r.Candidates) > 0 {
		closest = "; did you mean " + strings.Join(r.Candidates[:min(len(r.Candidates), maxClosest)], ", ") + "?"
	}
	return fmt.Errorf("no actor matches %q%s (see briefbot actors)", name, closest)
}
