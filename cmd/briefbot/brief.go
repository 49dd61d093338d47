package main

import (
	"context"
	"io"
	"time"

	"briefbot/knowledge"
	"briefbot/knowledge/briefing"
)

func runBrief(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("brief", env.stderr, &c)
	since := fs.String("since", "", "only documents new from this day, `YYYY-MM-DD`")
	actor := fs.String("actor", "", "only what concerns the actor `NAME`")
	markdown := fs.Bool("markdown", false, "print the whole briefing as a Markdown document")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	q := knowledge.BriefQuery{Actor: *actor, Now: time.Now()}
	if *since != "" {
		t, err := time.Parse(time.DateOnly, *since)
		if err != nil {
			return usageError("--since wants YYYY-MM-DD, not %q", *since)
		}
		q.Since = t
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
	switch b := kb.Briefing(q); {
	case c.json:
		return writeJSON(env.stdout, b)
	case *markdown || *since != "":
		// The console's /briefing takes no window, so a windowed briefing
		// is printed whole.
		_, err := io.WriteString(env.stdout, briefing.Markdown(b))
		return err
	}
	line := "/briefing"
	if *actor != "" {
		line += " " + *actor
	}
	return env.console(ctx, kb, line)
}
