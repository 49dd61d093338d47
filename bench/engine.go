package main

import (
	"fmt"
	"time"

	"briefbot/knowledge/answer"
	"briefbot/knowledge/corpus"
)

// engine is one system under measurement: it takes the loaded documents a
// shard at a time, builds its index, then answers questions and completes
// actor names.
type engine interface {
	// add takes one loaded shard. Time spent here counts as the engine's own
	// build time.
	add(docs []*corpus.Document) error
	// finish completes the build and returns the engine's own stages.
	finish() (map[string]time.Duration, error)
	ask(question string, limit int) answer.Result
	// actorNames lists the actors the engine found; nil when it finds none.
	actorNames() []string
	// prepareCompletion readies completion over names (own: they are the
	// actors the engine found) and returns how many names it completes over;
	// complete answers one prefix.
	prepareCompletion(names []string, own bool) (int, error)
	complete(prefix string) []string
	// stages builds the engine's stages again one by one, once the rest is
	// measured, and times each; nil when the engine has no such stages.
	// failed lists the stages that could not be built.
	stages() (times map[string]time.Duration, failed []string)
	close()
}

// The engines measured.
const (
	engineBriefbot = "briefbot"
	engineBleve    = "bleve"
)

func newEngine(name string, cfg childConfig) (engine, error) {
	switch name {
	case engineBriefbot:
		return &briefbotEngine{seed: cfg.Seed}, nil
	case engineBleve:
		return newBleveEngine(cfg.BleveBatch)
	}
	return nil, fmt.Errorf("unknown engine %q (want %s or %s)", name, engineBriefbot, engineBleve)
}
