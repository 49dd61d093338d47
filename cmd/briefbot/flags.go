package main

import (
	"flag"
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

func newFlagSet(name string, stderr io.Writer, c *commonFlags) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&c.json, "json", false, "print the contract's JSON")
	fs.Var(&c.docs, "docs", "a document file or directory (repeatable); replaces the seeds")
	c.store.register(fs)
	return fs
}

// parseArgs parses flags wherever they stand among the positional
// arguments, as in "source DOC --paragraph 3", and returns the positional
// ones. Everything after "--" is positional.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
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
