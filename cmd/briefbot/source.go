package main

import (
	"context"
	"flag"
	"fmt"

	"briefbot/knowledge/corpus"
)

// sourceContext is how many sentences either side of the one asked for
// `source --sentence` shows.
const sourceContext = 2

// sourceText is the output of `briefbot source --json`.
type sourceText struct {
	Doc string `json:"doc"`
	corpus.Meta
	Paragraphs []numberedParagraph `json:"paragraphs"`
}

type numberedParagraph struct {
	N    int    `json:"n"`
	Text string `json:"text"`
	// Sentences, with --sentence, are the one asked for (Cited) and its
	// neighbours, numbered from 1 within the paragraph.
	Sentences []numberedSentence `json:"sentences,omitempty"`
}

type numberedSentence struct {
	N     int    `json:"n"`
	Text  string `json:"text"`
	Cited bool   `json:"cited,omitempty"`
}

func runSource(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("source", env.stderr, &c)
	paragraph := fs.Int("paragraph", 0, "print only paragraph `N` (from 1)")
	sentence := fs.Int("sentence", 0, "with --paragraph: print sentence `M` of it (from 1) and its neighbours")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("want one DOC (an id or file name from briefbot docs), not %d arguments", len(pos))
	}
	withSentence := isSet(fs, "sentence")
	if withSentence && *paragraph == 0 {
		return usageError("--sentence needs --paragraph: a sentence is numbered within its paragraph")
	}
	kb, err := env.loadBase(ctx, &c)
	if err != nil {
		return err
	}
	d, ok := kb.Doc(pos[0])
	if !ok {
		return fmt.Errorf("no document %q (see briefbot docs)", pos[0])
	}
	out := sourceText{Doc: d.ID, Meta: d.Meta}
	for _, p := range d.Paragraphs {
		if *paragraph == 0 || *paragraph == int(p.N) {
			out.Paragraphs = append(out.Paragraphs, numberedParagraph{N: int(p.N), Text: d.ParagraphText(int(p.N))})
		}
	}
	if len(out.Paragraphs) == 0 {
		return fmt.Errorf("%s has paragraphs 1 to %d, not %d", d.ID, len(d.Paragraphs), *paragraph)
	}
	if withSentence {
		first, texts, err := d.SentencesAround(*paragraph, *sentence, sourceContext)
		if err != nil {
			return err
		}
		for i, text := range texts {
			n := first + i
			out.Paragraphs[0].Sentences = append(out.Paragraphs[0].Sentences, numberedSentence{N: n, Text: text, Cited: n == *sentence})
		}
	}
	if c.json {
		return writeJSON(env.stdout, out)
	}
	fmt.Fprintf(env.stdout, "%s\n%s\n\n", orDash(d.Title), corpus.Citation{Doc: d.ID, Meta: d.Meta})
	for _, p := range out.Paragraphs {
		if len(p.Sentences) == 0 {
			fmt.Fprintf(env.stdout, "¶%d  %s\n\n", p.N, p.Text)
			continue
		}
		fmt.Fprintf(env.stdout, "¶%d, sentences %d to %d of %d:\n", p.N, p.Sentences[0].N, p.Sentences[len(p.Sentences)-1].N, d.Paragraphs[p.N-1].Sentences())
		for _, s := range p.Sentences {
			mark := " "
			if s.Cited {
				mark = "▶"
			}
			fmt.Fprintf(env.stdout, "%s %d  %s\n", mark, s.N, s.Text)
		}
	}
	return nil
}

// isSet reports whether the flag name was given on the command line, so
// that an explicit 0 is told apart from the default.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
