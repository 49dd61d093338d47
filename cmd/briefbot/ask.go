package main

import (
	"bufio"
	"context"
	"strings"
)

func runAsk(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("ask", env.stderr, &c)
	limit := fs.Int("limit", 3, "at most `N` answers")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	kb, err := env.loadBase(c.docs)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		question := strings.Join(pos, " ")
		if c.json {
			return writeJSON(env.stdout, kb.Ask(question, *limit))
		}
		return env.console(ctx, kb, "/ask "+question)
	}
	// Batch: one question a line in, one answer a line out, in order.
	in := bufio.NewScanner(env.stdin)
	in.Buffer(make([]byte, 64<<10), 1<<20)
	for in.Scan() {
		question := in.Text()
		if c.json {
			err = writeJSON(env.stdout, kb.Ask(question, *limit))
		} else {
			err = env.console(ctx, kb, "/ask "+question)
		}
		if err != nil {
			return err
		}
	}
	return in.Err()
}
