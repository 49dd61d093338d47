// Package knowledge is briefbot's knowledge base: the documents, the actors
// and claims found in them, and the answers, citations and briefings built on
// those. It knows nothing of Discord.
package knowledge

import (
	"strings"
	"time"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/answer"
	"briefbot/knowledge/briefing"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
)

// Base is an immutable knowledge base built from a set of documents. It is
// safe for concurrent use; a changed corpus is served by building a new Base
// and swapping it in whole.
type Base struct {
	docs []*corpus.Document
	byID map[string]*corpus.Document
}

// New builds the knowledge base of docs.
func New(docs []*corpus.Document) *Base {
	b := &Base{docs: docs, byID: make(map[string]*corpus.Document, len(docs))}
	for _, d := range docs {
		b.byID[d.ID] = d
	}
	return b
}

// Docs returns the documents in load order.
func (b *Base) Docs() []*corpus.Document { return b.docs }

// Doc finds a document by its id or by its file name (with or without the
// directory).
func (b *Base) Doc(ref string) (*corpus.Document, bool) {
	if d, ok := b.byID[ref]; ok {
		return d, true
	}
	for _, d := range b.docs {
		if d.File == ref || strings.HasSuffix(d.File, "/"+ref) {
			return d, true
		}
	}
	return nil, false
}

// ActorReport is everything known about one actor, as /actor shows it.
type ActorReport struct {
	Query        string               `json:"query"`
	Match        *actors.Actor        `json:"match"`
	Candidates   []string             `json:"candidates"`
	Descriptions []actors.Description `json:"descriptions"`
	Claims       []*claims.Claim      `json:"claims"`
	Related      []actors.Relation    `json:"related"`
}

// Placeholders until the actors, claims and answers packages land (issues
// 3-5); each is replaced by the real call.
func (b *Base) Ask(question string, limit int) answer.Result {
	return answer.Result{Question: question, Answers: []answer.Answer{}}
}
func (b *Base) Actors(kind actors.Kind) []*actors.Actor { return nil }
func (b *Base) Actor(name string) ActorReport           { return ActorReport{Query: name} }
func (b *Base) Complete(prefix string) []string         { return nil }
func (b *Base) Claims(actor string) []*claims.Claim     { return nil }
func (b *Base) Cite(quote string) claims.CiteResult {
	return claims.CiteResult{Query: quote, Matches: []claims.Match{}}
}

// Brief composes the briefing for documents since the given day (empty: all)
// and optionally one actor.
func (b *Base) Brief(since, actor string, now time.Time) briefing.Briefing {
	return briefing.Briefing{Generated: now.UTC().Format(time.RFC3339), Since: since, Sections: []briefing.Section{}}
}
