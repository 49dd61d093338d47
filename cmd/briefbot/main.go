// Command briefbot answers questions about a corpus of documents with cited,
// verbatim passages: as a Discord bot, a console, or one-shot subcommands
// whose --json output is fixed by the CLI contract.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// command is one subcommand; run gets the arguments after its name.
type command struct {
	summary string
	run     func(ctx context.Context, env *environment, args []string) error
}

var commands = map[string]command{
	"ask":     {"answer a question (or one per line from standard input) with cited passages", runAsk},
	"docs":    {"list the documents and the metadata each states", runDocs},
	"source":  {"print the cleaned text of a document or one paragraph", runSource},
	"actors":  {"list the actors the documents name", runActors},
	"actor":   {"everything known about one actor", runActor},
	"claims":  {"list who said what, with corroboration", runClaims},
	"cite":    {"find where a quotation comes from", runCite},
	"brief":   {"compose the briefing", runBrief},
	"eval":    {"score a question file (JSON Lines) against the corpus", runEval},
	"serve":   {"serve Discord (gateway and/or HTTP interactions)", runServe},
	"ingest":  {"store documents for every serving process (--store or --data)", runIngest},
	"console": {"read commands as typed in Discord from standard input", runConsole},
	"feeds":   {"add, remove or list the feeds serve follows (--store or --data)", runFeeds},
}

// environment is what a subcommand reads and writes besides its arguments.
type environment struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env := &environment{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	os.Exit(run(ctx, env, os.Args[1:]))
}

// run executes one command line and returns the exit status.
func run(ctx context.Context, env *environment, args []string) int {
	name := "console"
	if env.getenv("DISCORD_TOKEN") != "" {
		name = "serve"
	}
	if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
		usage(env.stdout)
		return 0
	}
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(env.stderr, "briefbot: unknown command %q\n", name)
		usage(env.stderr)
		return 1
	}
	err := cmd.run(ctx, env, args)
	if err == nil {
		return 0
	}
	fmt.Fprintln(env.stderr, "briefbot:", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 1
}

// exitError carries an exit status other than 1.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: briefbot [command] [--json] [--docs PATH]... [arguments]")
	fmt.Fprintln(w, "\nWith no command: serve when DISCORD_TOKEN is set, otherwise the console.")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nThe corpus is the embedded seed documents unless --docs (repeatable) or BRIEFBOT_DOCS names files or directories.")
}
