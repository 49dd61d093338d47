package main

import (
	"errors"
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
func (env *environment) loadDocuments(flagged []string) ([]*corpus.Document, error) {
	paths := env.documentPaths(flagged)
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
func (env *environment) loadBase(flagged []string) (*knowledge.Base, error) {
	docs, err := env.loadDocuments(flagged)
	if err != nil {
		return nil, err
	}
	return knowledge.New(docs), nil
}
