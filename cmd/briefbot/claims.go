package main

import (
	"context"
	"fmt"

	"briefbot/knowledge/claims"
	"briefbot/knowledge/words"
)

func runClaims(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("claims", env.stderr, &c)
	actor := fs.String("actor", "", "only the claims of the actor `NAME`")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	kb, err := env.loadBase(ctx, &c)
	if err != nil {
		return err
	}
	if *actor != "" {
		if err := knownActor(kb, *actor); err != nil {
			return err
		}
	}
	list := kb.Claims(*actor)
	if list == nil {
		list = []*claims.Claim{}
	}
	if c.json {
		return writeJSON(env.stdout, list)
	}
	for _, cl := range list {
		speaker := cl.Speaker
		if speaker == "" {
			speaker = "(unattributed)"
		}
		fmt.Fprintf(env.stdout, "[%s] %s: %s\n", cl.Kind, speaker, cl.Text)
		if cl.Hedge != "" {
			fmt.Fprintf(env.stdout, "    hedge: %s (%s)\n", cl.Hedge, cl.Likelihood)
		}
		for _, s := range cl.Sources {
			fmt.Fprintf(env.stdout, "    — %s\n", s)
		}
	}
	fmt.Fprintln(env.stdout, words.Count(len(list), "claim"))
	return nil
}
