package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"briefbot/knowledge/actors"
)

func runActors(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("actors", env.stderr, &c)
	kind := fs.String("kind", "", "only actors of this `KIND`: person, organization, place or other")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	switch actors.Kind(*kind) {
	case "", actors.Person, actors.Organization, actors.Place, actors.Other:
	default:
		return usageError("--kind must be person, organization, place or other, not %q", *kind)
	}
	kb, err := env.loadBase(ctx, &c)
	if err != nil {
		return err
	}
	list := kb.Actors(actors.Kind(*kind))
	if list == nil {
		list = []*actors.Actor{}
	}
	if c.json {
		return writeJSON(env.stdout, list)
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tMENTIONS\tDOCS\tALSO WRITTEN")
	for _, a := range list {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", a.Name, a.Kind, a.Mentions, len(a.Docs), strings.Join(otherAliases(a), "; "))
	}
	return tw.Flush()
}

func otherAliases(a *actors.Actor) []string {
	var out []string
	for _, s := range a.Aliases {
		if s != a.Name {
			out = append(out, s)
		}
	}
	return out
}
