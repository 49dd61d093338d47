package main

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"

	"briefbot/knowledge"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
)

// documentPaths returns the corpus the user chose: --docs, else
// BRIEFBOT_DOCS, else none (the embedded seeds).
func (env *environment) documentPaths(flagged []string) []string {
	if len(flagged) > 0 {
		return flagged
	}
	if v := env.getenv("BRIEFBOT_DOCS"); v != "" {
		return filepath.SplitList(v)
	}
	return nil
}

// loadDocuments loads the chosen corpus, reporting each unreadable file on
// standard error; it fails with status 2 only when nothing could be loaded.
// With --data or --store and no --docs, the corpus is what is stored there.
func (env *environment) loadDocuments(ctx context.Context, c *commonFlags) ([]*corpus.Document, error) {
	paths := env.documentPaths(c.docs)
	if len(paths) == 0 && c.store.withEnv(env).chosen() {
		kb, err := env.storedBase(ctx, &c.store)
		if err != nil {
			return nil, err
		}
		return kb.Docs(), nil
	}
	if len(paths) == 0 {
		return ingest.Seeds(), nil
	}
	docs, errs := ingest.Load(paths, ingest.Options{})
	reportSkipped(env.stderr, errs)
	if len(docs) == 0 {
		return nil, &exitError{code: 2, err: errors.New("no readable document")}
	}
	return docs, nil
}

// loadBase builds the knowledge base of the chosen corpus.
func (env *environment) loadBase(ctx context.Context, c *commonFlags) (*knowledge.Base, error) {
	if len(env.documentPaths(c.docs)) == 0 && c.store.withEnv(env).chosen() {
		return env.storedBase(ctx, &c.store)
	}
	docs, err := env.loadDocuments(ctx, c)
	if err != nil {
		return nil, err
	}
	return knowledge.New(docs), nil
}

// storedBase is the knowledge base serve would build from the store: the
// documents stored there, read through the same snapshot cache, or the
// seeds when nothing is stored.
func (env *environment) storedBase(ctx context.Context, stored *storeFlags) (*knowledge.Base, error) {
	st, _, err := stored.open(ctx)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	logger := slog.New(slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	w, err := libraryWatcher(ctx, st, stored.snapshots(logger), logger)
	if err != nil {
		return nil, err
	}
	return w.Base(), nil
}
