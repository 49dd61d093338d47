package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// pathList is a repeatable flag.
type pathList []string

func (p *pathList) String() string     { return strings.Join(*p, ",") }
func (p *pathList) Set(v string) error { *p = append(*p, v); return nil }

// commonFlags are the flags every corpus-reading subcommand takes.
type commonFlags struct {
	json  bool
	docs  pathList
	store storeFlags
}

// newFlagSet makes the flags of a subcommand that reads a corpus and
// prints the contract's JSON. Errors and usage are printed by run, not on
// the writer.
func newFlagSet(name string, w io.Writer, c *commonFlags) *flag.FlagSet {
	fs := newCorpusFlagSet(name, w, c)
	fs.BoolVar(&c.json, "json", false, "print the contract's JSON")
	return fs
}

// newCorpusFlagSet makes the flags of a subcommand that reads a corpus but
// prints no JSON (serve, console): c.json stays false.
func newCorpusFlagSet(name string, _ io.Writer, c *commonFlags) *flag.FlagSet {
	fs := newBareFlagSet(name)
	fs.Var(&c.docs, "docs", "a document file or directory at `PATH`, walked recursively (repeatable); replaces the seeds (BRIEFBOT_DOCS)")
	c.store.register(fs)
	return fs
}

// newBareFlagSet makes an empty flag set. The flag package prints nothing
// itself: a parse error or -h comes back from parseArgs as a
// *commandLineError, which run reports with the command's own usage.
func newBareFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseArgs parses flags wherever they stand among the positional
// arguments, as in "source DOC --paragraph 3", and returns the positional
// ones. Everything after "--" is positional.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -"); ok {
				err = fmt.Errorf("unknown flag --%s", name)
			}
			return nil, &commandLineError{fs: fs, err: err}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}

// commandLineError is a command line its command cannot run (exit status
// 2), or -h (flag.ErrHelp), which asks for the command's usage.
type commandLineError struct {
	fs  *flag.FlagSet // the command's flags; nil when the flags parsed
	err error
}

func (e *commandLineError) Error() string { return e.err.Error() }
func (e *commandLineError) Unwrap() error { return e.err }

// usageError reports a command line that parsed but makes no sense, such
// as a missing argument or a flag value out of range.
func usageError(format string, args ...any) error {
	return &commandLineError{err: fmt.Errorf(format, args...)}
}

// report prints the usage of the command name and returns the exit status:
// for -h, all of it on standard output and 0; otherwise the error and the
// usage line on standard error and 2. explicit is false when the command
// line named no command and name is the default one.
func (e *commandLineError) report(env *environment, name string, explicit bool) int {
	cmd := commands[name]
	if errors.Is(e.err, flag.ErrHelp) {
		w := env.stdout
		fmt.Fprintf(w, "usage: briefbot %s %s\n\n%s.\n", name, cmd.args, upperFirst(cmd.summary))
		if e.fs != nil && countFlags(e.fs) > 0 {
			fmt.Fprintln(w, "\nflags:")
			printFlags(w, e.fs)
		}
		fmt.Fprintf(w, "\nexample:\n  %s\n", cmd.example)
		return 0
	}
	if !explicit {
		fmt.Fprintf(env.stderr, "briefbot: %v\nusage: briefbot [command] [flags] [arguments]; with no command, briefbot runs the %s.\n", e.err, name)
		fmt.Fprintln(env.stderr, `Run "briefbot -h" for the commands.`)
		return 2
	}
	fmt.Fprintf(env.stderr, "briefbot %s: %v\nusage: briefbot %s %s\n", name, e.err, name, cmd.args)
	fmt.Fprintf(env.stderr, "Run \"briefbot %s -h\" for the flags and an example.\n", name)
	return 2
}

func countFlags(fs *flag.FlagSet) int {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n
}

// printFlags lists the flags as they are written on the command line. A
// string flag's default is never shown: it comes from the environment and
// may be a secret (DISCORD_TOKEN).
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		arg, help := flag.UnquoteUsage(f)
		fmt.Fprintf(w, "  --%s", f.Name)
		if arg != "" {
			fmt.Fprintf(w, " %s", strings.ToUpper(arg))
		}
		fmt.Fprintf(w, "\n        %s", help)
		secret := false
		if g, ok := f.Value.(flag.Getter); ok {
			_, secret = g.Get().(string)
		}
		if !secret && f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
			fmt.Fprintf(w, " (default %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
