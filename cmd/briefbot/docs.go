package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"briefbot/knowledge/words"
)

// docSummary is one row of `briefbot docs --json`.
type docSummary struct {
	Doc        string `json:"doc"`
	Title      string `json:"title"`
	Source     string `json:"source"`
	Author     string `json:"author"`
	Date       string `json:"date"`
	URL        string `json:"url"`
	File       string `json:"file"`
	Paragraphs int    `json:"paragraphs"`
	Sentences  int    `json:"sentences"`
	Words      int    `json:"words"`
}

func runDocs(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("docs", env.stderr, &c)
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	docs, err := env.loadDocuments(ctx, &c)
	if err != nil {
		return err
	}
	rows := make([]docSummary, 0, len(docs))
	for _, d := range docs {
		rows = append(rows, docSummary{Doc: d.ID, Title: d.Title, Source: d.Source, Author: d.Author,
			Date: d.Date, URL: d.URL, File: d.File, Paragraphs: len(d.Paragraphs),
			Sentences: len(d.Sentences), Words: d.Words()})
	}
	if c.json {
		return writeJSON(env.stdout, rows)
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DOC\tDATE\tSOURCE\tAUTHOR\tTITLE\tPARAGRAPHS\tWORDS")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\n", r.Doc, orDash(r.Date), orDash(r.Source),
			orDash(r.Author), orDash(r.Title), r.Paragraphs, r.Words)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "\n%s. Try: briefbot ask \"...\", briefbot actor NAME, briefbot source DOC, or run with no command for the console.\n", words.Count(len(rows), "document"))
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
