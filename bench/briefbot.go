package main

import (
	"time"

	"briefbot/knowledge"
	"briefbot/knowledge/actors"
	"briefbot/knowledge/answer"
	"briefbot/knowledge/corpus"
)

// briefbotEngine measures briefbot through its facade, knowledge.Base, as the
// bot and the CLI use it.
type briefbotEngine struct {
	docs []*corpus.Document
	base *knowledge.Base
	// names completes names when the corpus has too few actors: a base
	// built from a roster of synthetic names.
	names *knowledge.Base
	seed  uint64
}

func (e *briefbotEngine) add(docs []*corpus.Document) error {
	e.docs = append(e.docs, docs...)
	return nil
}

// finish builds the knowledge base. The facade builds actors, claims and the
// answer index in one call, so it is timed as one stage until it reports its
// stages.
func (e *briefbotEngine) finish() (map[string]time.Duration, error) {
	start := time.Now()
	e.base = knowledge.New(e.docs)
	return map[string]time.Duration{"knowledge.New": time.Since(start)}, nil
}

func (e *briefbotEngine) ask(q string, limit int) answer.Result { return e.base.Ask(q, limit) }

var actorKinds = []actors.Kind{actors.Person, actors.Organization, actors.Place, actors.Other}

func (e *briefbotEngine) actorNames() []string { return actorNames(e.base) }

func actorNames(b *knowledge.Base) []string {
	var names []string
	for _, k := range actorKinds {
		for _, a := range b.Actors(k) {
			names = append(names, a.Name)
		}
	}
	return names
}

// prepareCompletion builds a roster base when the names are not the
// corpus's own actors, and counts the actors completed over.
func (e *briefbotEngine) prepareCompletion(names []string, own bool) (int, error) {
	e.names = e.base
	if !own {
		e.names = knowledge.New(rosterDocs(names, e.seed))
	}
	return len(actorNames(e.names)), nil
}

func (e *briefbotEngine) complete(prefix string) []string {
	var names []string
	for _, a := range e.names.Complete(prefix) {
		names = append(names, a.Name)
	}
	return names
}

// stages drops the facade first, so that the breakdown holds one build in
// memory, not two.
func (e *briefbotEngine) stages() (map[string]time.Duration, []string) {
	e.base, e.names = nil, nil
	return stageBreakdown(e.docs)
}

func (e *briefbotEngine) close() { e.base, e.names, e.docs = nil, nil, nil }
