package main

import (
	"context"
	"strings"

	"briefbot/bot/console"
	"briefbot/knowledge"
)

func runConsole(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newCorpusFlagSet("console", env.stderr, &c)
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	kb, err := env.loadBase(ctx, &c)
	if err != nil {
		return err
	}
	return console.Run(ctx, env.stdin, env.stdout, func() *knowledge.Base { return kb })
}

// console answers one command line as the console would, so that the human
// form of a subcommand reads exactly like its slash command.
func (env *environment) console(ctx context.Context, kb *knowledge.Base, line string) error {
	line = strings.ReplaceAll(line, "\n", " ")
	return console.Run(ctx, strings.NewReader(line+"\n"), env.stdout, func() *knowledge.Base { return kb })
}
