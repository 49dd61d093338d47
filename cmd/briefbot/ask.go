package main

import (
	"bufio"
	"context"
	"io"
	"strings"

	"briefbot/bot/render"
	"briefbot/knowledge"
)

func runAsk(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("ask", env.stderr, &c)
	limit := fs.Int("limit", 3, "at most `N` answers")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	kb, err := env.loadBase(ctx, &c)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return env.printAnswer(kb, strings.Join(pos, " "), *limit, c.json)
	}
	// Batch: one question a line in, one answer a line out, in order.
	in := bufio.NewScanner(env.stdin)
	in.Buffer(make([]byte, 64<<10), 1<<20)
	for in.Scan() {
		if err := env.printAnswer(kb, in.Text(), *limit, c.json); err != nil {
			return err
		}
	}
	return in.Err()
}

// printAnswer prints at most limit answers to question: the contract's
// JSON, or the text the console shows for /ask, every page of it.
func (env *environment) printAnswer(kb *knowledge.Base, question string, limit int, asJSON bool) error {
	res := kb.Ask(question, limit)
	if asJSON {
		return writeJSON(env.stdout, res)
	}
	_, err := io.WriteString(env.stdout, render.AnswerText(res))
	return err
}
