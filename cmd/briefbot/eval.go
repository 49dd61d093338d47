package main

import (
	"context"
	"fmt"
	"os"

	"briefbot/knowledge/eval"
)

func runEval(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("eval", env.stderr, &c)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("want one QUESTIONS.jsonl file, not %d arguments", len(pos))
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return err
	}
	defer f.Close()
	questions, err := eval.Load(f)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	kb, err := env.loadBase(ctx, &c)
	if err != nil {
		return err
	}
	report := eval.Run(questions, kb.Ask)
	if c.json {
		return writeJSON(env.stdout, report)
	}
	report.Print(env.stdout)
	return nil
}
