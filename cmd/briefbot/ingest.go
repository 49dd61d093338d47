package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"briefbot/bot/live"
	"briefbot/bot/store"
	"briefbot/bot/store/postgres"
	"briefbot/knowledge"
	"briefbot/knowledge/ingest"
	"briefbot/knowledge/snapshot"
)

// ingestReport is the output of `briefbot ingest --json`.
type ingestReport struct {
	Documents int    `json:"documents"`
	Changed   int    `json:"changed"`
	Store     string `json:"store"`
}

// runIngest cleans documents once and stores them, so that every process
// serving from the same store (PostgreSQL, or the same --data) serves them,
// without the files.
func runIngest(ctx context.Context, env *environment, args []string) error {
	var c commonFlags
	fs := newFlagSet("ingest", env.stderr, &c)
	stored := addStoreFlags(fs, env)
	paths, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	paths = append(paths, c.docs...)
	if len(paths) == 0 {
		return &exitError{code: 2, err: errors.New("usage: briefbot ingest [--store URL | --data DIR] PATH...")}
	}
	docs, errs := ingest.Load(paths, ingest.Options{})
	reportSkipped(env.stderr, errs)
	if len(docs) == 0 {
		return &exitError{code: 2, err: errors.New("no readable document")}
	}
	st, where, err := stored.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	rows := make([]store.StoredDocument, len(docs))
	for i, d := range docs {
		rows[i] = live.Stored(d)
	}
	changed, err := st.PutDocuments(ctx, rows, time.Now())
	if err != nil {
		return err
	}
	report := ingestReport{Documents: len(docs), Changed: changed, Store: where}
	if c.json {
		return writeJSON(env.stdout, report)
	}
	fmt.Fprintf(env.stdout, "Stored %d documents (%d new or changed) in %s.\n", report.Documents, report.Changed, report.Store)
	return nil
}

// libraryBase serves the documents `briefbot ingest` stored, following new
// ones, when no --docs are given: always with PostgreSQL (replicas share
// it), and with SQLite once something was ingested. It returns nil when
// the store has no part to play (SQLite with nothing ingested).
func libraryBase(ctx context.Context, st store.Store, snaps *snapshot.Cache, logger *slog.Logger) (func() *knowledge.Base, error) {
	if _, shared := st.(*postgres.Store); !shared {
		hashes, err := st.DocumentHashes(ctx)
		if err != nil || len(hashes) == 0 {
			return nil, err
		}
	}
	w, err := live.New(ctx, live.Config{Library: st, Fallback: ingest.Seeds(), Build: knowledge.New,
		Snapshots: snaps, Store: st, Logger: logger})
	if err != nil {
		return nil, err
	}
	go w.Run(ctx)
	return w.Base, nil
}
