package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"briefbot/knowledge"
	"briefbot/knowledge/basecache"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/fetch"
	"briefbot/knowledge/ingest"
	"briefbot/knowledge/live"
	"briefbot/knowledge/web"
	"briefbot/knowledge/words"
	"briefbot/store"
)

// ingestReport is the output of `briefbot ingest --json`.
type ingestReport struct {
	Documents int    `json:"documents"`
	Changed   int    `json:"changed"`
	Store     string `json:"store"`
}

// runIngest cleans documents once and stores them, so that every process
// serving from the same store (PostgreSQL, or the same --data) serves them,
// without the files: paths of files and directories, and URLs of feeds,
// pages and text files.
func runIngest(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("ingest", env.stderr, &c)
	private := fs.Bool("allow-private-urls", false, "fetch URLs on loopback, private and link-local addresses too")
	targets, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	targets = append(targets, c.docs...)
	stored := c.store.withEnv(env)
	if len(targets) == 0 {
		return usageError("missing the PATH or URL of the documents to store")
	}
	var paths, urls []string
	for _, t := range targets {
		if fetch.IsURL(t) {
			urls = append(urls, t)
		} else {
			paths = append(paths, t)
		}
	}
	var docs []*corpus.Document
	var errs []error
	if len(paths) > 0 {
		docs, errs = ingest.Load(paths, ingest.Options{})
	}
	reader := &web.Reader{Fetcher: &fetch.Client{AllowPrivate: *private}}
	for _, u := range urls {
		res, err := reader.Read(ctx, fetch.Request{URL: u}, nil)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, res.Docs...)
		errs = append(errs, res.Errs...)
	}
	reportSkipped(env.stderr, errs)
	docs = web.Unique(docs)
	if len(docs) == 0 {
		return &exitError{code: 2, err: errors.New("no readable document")}
	}
	st, where, err := stored.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	rows := make([]corpus.Stored, len(docs))
	for i, d := range docs {
		rows[i] = d.Stored()
	}
	changed, err := st.PutDocuments(ctx, rows, time.Now())
	if err != nil {
		return err
	}
	report := ingestReport{Documents: len(docs), Changed: changed, Store: where}
	if c.json {
		return writeJSON(env.stdout, report)
	}
	fmt.Fprintf(env.stdout, "Stored %s (%d new or changed) in %s.\n", words.Count(report.Documents, "document"), report.Changed, report.Store)
	return nil
}

// libraryWatcher serves the documents stored by `briefbot ingest` and the
// followed feeds, or the seeds while none is stored, following new ones.
func libraryWatcher(ctx context.Context, st store.Store, snaps *basecache.Cache, logger *slog.Logger) (*live.Watcher, error) {
	return live.New(ctx, live.Config{Library: st, Fallback: ingest.Seeds(), Build: knowledge.New,
		Snapshots: snaps, Store: st, Logger: logger})
}
