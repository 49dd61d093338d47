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

// command is one subcommand; run gets the arguments after its name. Its
// usage line, summary and example make its -h.
type command struct {
	args    string // what follows "briefbot NAME" on the usage line
	summary string
	example string
	run     func(ctx context.Context, env *environment, args []string) error
}

var commands = map[string]command{
	"ask": {args: "[--json] [--limit N] [--docs PATH]... [--data DIR | --store URL] [QUESTION]",
		summary: "answer a question (or one per line from standard input) with cited passages",
		example: "briefbot ask \"In how many provinces is al-Qaeda present?\"\n  briefbot ask --json --limit 5 < questions.txt",
		run:     runAsk},
	"docs": {args: "[--json] [--docs PATH]... [--data DIR | --store URL]",
		summary: "list the documents and the metadata each states",
		example: "briefbot docs --docs ./articles",
		run:     runDocs},
	"source": {args: "[--json] [--docs PATH]... [--data DIR | --store URL] DOC [--paragraph N [--sentence M]]",
		summary: "print the cleaned text of a document or one paragraph",
		example: "briefbot source besa-taliban-and-al-qaeda-what-next --paragraph 2",
		run:     runSource},
	"actors": {args: "[--json] [--kind person|organization|place|other] [--docs PATH]... [--data DIR | --store URL]",
		summary: "list the actors the documents name",
		example: "briefbot actors --kind person",
		run:     runActors},
	"actor": {args: "[--json] [--docs PATH]... [--data DIR | --store URL] NAME",
		summary: "everything known about one actor",
		example: "briefbot actor zawahiri",
		run:     runActor},
	"claims": {args: "[--json] [--actor NAME] [--docs PATH]... [--data DIR | --store URL]",
		summary: "list who said what, with corroboration",
		example: "briefbot claims --actor \"Ben Wallace\"",
		run:     runClaims},
	"cite": {args: "[--json] [--docs PATH]... [--data DIR | --store URL] QUOTE",
		summary: "find where a quotation comes from",
		example: "briefbot cite \"is present in at least 15 Afghan provinces\"",
		run:     runCite},
	"brief": {args: "[--json | --markdown] [--since YYYY-MM-DD] [--actor NAME] [--docs PATH]... [--data DIR | --store URL]",
		summary: "compose the briefing",
		example: "briefbot brief --since 2021-09-01 --actor Taliban",
		run:     runBrief},
	"eval": {args: "[--json] [--docs PATH]... [--data DIR | --store URL] QUESTIONS.jsonl",
		summary: "score a question file (JSON Lines) against the corpus",
		example: "briefbot eval questions.jsonl",
		run:     runEval},
	"serve": {args: "[--listen ADDR] [--guild ID] [--data DIR | --store URL] [--docs PATH]...",
		summary: "serve Discord (gateway and/or HTTP interactions)",
		example: "DISCORD_TOKEN=... briefbot serve --listen :8080",
		run:     runServe},
	"ingest": {args: "[--json] [--data DIR | --store URL] [--allow-private-urls] PATH|URL...",
		summary: "store documents, web pages and feed items for every serving process (--store or --data)",
		example: "briefbot ingest --data ./briefbot-data ./articles https://example.org/feed.xml",
		run:     runIngest},
	"feeds": {args: "add|remove|list [--json] [--interval MINUTES] [--data DIR | --store URL] [URL|ID]",
		summary: "add, remove or list the feeds serve follows (--store or --data)",
		example: "briefbot feeds add https://example.org/feed.xml\n  briefbot feeds list --json",
		run:     runFeeds},
	"health": {args: "[ADDR]",
		summary: "check that a serving briefbot answers /healthz on ADDR (default " + defaultHealthAddr + "), for container health checks",
		example: "briefbot health :8080",
		run:     runHealth},
	"console": {args: "[--docs PATH]... [--data DIR | --store URL]",
		summary: "read commands as typed in Discord from standard input",
		example: "echo \"/actor zawahiri\" | briefbot console",
		run:     runConsole},
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

// run executes one command line and returns the exit status: 0, 1 when
// the command failed, 2 when the command line is wrong.
func run(ctx context.Context, env *environment, args []string) int {
	name, explicit := "console", false
	if env.getenv("DISCORD_TOKEN") != "" {
		name = "serve"
	}
	if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
		if len(args) == 1 {
			usage(env.stdout)
			return 0
		}
		args = []string{args[1], "-h"} // "help ask" is "ask -h"
	}
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		name, args, explicit = args[0], args[1:], true
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(env.stderr, "briefbot: unknown command %q\n", name)
		usage(env.stderr)
		return 2
	}
	err := cmd.run(ctx, env, args)
	if err == nil {
		return 0
	}
	var ue *commandLineError
	if errors.As(err, &ue) {
		return ue.report(env, name, explicit)
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
	fmt.Fprintln(w, "usage: briefbot [command] [flags] [arguments]")
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
	fmt.Fprintln(w, "\nThe corpus is the embedded seed documents unless --docs (repeatable) or BRIEFBOT_DOCS names files or directories,")
	fmt.Fprintln(w, "or --data or --store (BRIEFBOT_DATA, DATABASE_URL) names a store with documents ingested or fetched from followed feeds.")
	fmt.Fprintln(w, "Run \"briefbot COMMAND -h\" for a command's arguments, flags and an example.")
}
