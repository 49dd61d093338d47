// Package actors finds the people, organisations and places the documents
// name, resolves their spellings to one actor each, and answers lookups.
package actors

import "briefbot/knowledge/corpus"

// Kind is what sort of actor an Actor is.
type Kind string

// The kinds of actor.
const (
	Person       Kind = "person"
	Organization Kind = "organization"
	Place        Kind = "place"
	Other        Kind = "other"
)

// Actor is one resolved actor. Its JSON form is the CLI contract's.
type Actor struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     Kind     `json:"kind"`
	Aliases  []string `json:"aliases"`
	Mentions int      `json:"mentions"`
	Docs     []string `json:"docs"`
	// Authored lists the documents the actor is the author or speaker of
	// (a byline, a speech record's name, a name the file name spells):
	// addresses never name their own speaker.
	Authored    []string `json:"authored,omitempty"`
	Description string   `json:"description"`
	// PossiblySame names actors that may be the same but were not merged
	// because the evidence was not strong enough.
	PossiblySame []string `json:"possibly_same,omitempty"`

	Descriptions []Description `json:"-"`
	Mentioned    []Mention     `json:"-"`
}

// Mention is one sentence where an actor is named.
//
// Its numbers are 32-bit, as a document's spans are: a base holds a
// mention for every time an actor is named (24 bytes, not 32).
type Mention struct {
	Doc      *corpus.Document
	Sentence int32 // index into Doc.Sentences
	Start    int32 // byte span of the surface form in Doc.Text
	End      int32
}

// Description is a role phrase a document gives an actor, with its source.
type Description struct {
	Text      string            `json:"text"`
	Citations []corpus.Citation `json:"citations"`
}

// Relation links two actors that the documents mention together.
type Relation struct {
	ID        string            `json:"id"`
	Name      string            `json:"name"`
	Strength  int               `json:"strength"` // sentences that mention both
	Docs      int               `json:"docs"`     // distinct documents among them
	Citations []corpus.Citation `json:"citations"`
}
