package main

import (
	"context"
	"fmt"

	"briefbot/knowledge/corpus"
)

// sourceText is the output of `briefbot source --json`.
type sourceText struct {
	Doc string `json:"doc"`
	corpus.Meta
	Paragraphs []numberedParagraph `json:"paragraphs"`
}

type numberedParagraph struct {
	N    int    `json:"n"`
	Text string `json:"text"`
}

func runSource(_ context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("source", env.stderr, &c)
	paragraph := fs.Int("paragraph", 0, "print only paragraph `N` (from 1)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("want one DOC (an id or file name from briefbot docs), not %d arguments", len(pos))
	}
	kb, err := env.loadBase(c.docs)
	if err != nil {
		return err
	}
	d, ok := kb.Doc(pos[0])
	if !ok {
		return fmt.Errorf("no document %q (see briefbot docs)", pos[0])
	}
	out := sourceText{Doc: d.ID, Meta: d.Meta}
	for _, p := range d.Paragraphs {
		if *paragraph == 0 || *paragraph == p.N {
			out.Paragraphs = append(out.Paragraphs, numberedParagraph{N: p.N, Text: d.ParagraphText(p.N)})
		}
	}
	if len(out.Paragraphs) == 0 {
		return fmt.Errorf("%s has paragraphs 1 to %d, not %d", d.ID, len(d.Paragraphs), *paragraph)
	}
	if c.json {
		return writeJSON(env.stdout, out)
	}
	fmt.Fprintf(env.stdout, "%s\n%s\n\n", orDash(d.Title), corpus.Citation{Doc: d.ID, Meta: d.Meta})
	for _, p := range out.Paragraphs {
		fmt.Fprintf(env.stdout, "¶%d  %s\n\n", p.N, p.Text)
	}
	return nil
}
