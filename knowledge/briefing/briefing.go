// Package briefing composes the daily briefing: what is new, the sources' key
// judgements, corroborated and contested claims, and the actors in focus,
// every item cited.
package briefing

import (
	"strconv"
	"time"

	"briefbot/knowledge/corpus"
)

// Briefing is one composed briefing. Its JSON form is the CLI contract's.
type Briefing struct {
	Generated string `json:"generated"` // RFC 3339
	Since     string `json:"since"`     // YYYY-MM-DD or empty
	Actor     string `json:"actor,omitempty"`
	// Undated counts the documents a windowed briefing leaves out because
	// they state no date and were never seen, so nothing says they are new.
	Undated  int       `json:"undated,omitempty"`
	Sections []Section `json:"sections"`
}

// Stamped is b generated at now. Its sections are shared with b: a
// briefing is read, never changed.
func (b Briefing) Stamped(now time.Time) Briefing {
	b.Generated = now.UTC().Format(time.RFC3339)
	return b
}

// UndatedNote says how many documents the window left out for want of a
// date, or nothing when it left none out.
func (b Briefing) UndatedNote() string {
	switch b.Undated {
	case 0:
		return ""
	case 1:
		return "1 document states no date and was never seen before, so it is left out: nothing says whether it is new."
	}
	return strconv.Itoa(b.Undated) + " documents state no date and were never seen before, so they are left out: nothing says whether they are new."
}

// Section is one titled part of a briefing.
type Section struct {
	Title string `json:"title"`
	Items []Item `json:"items"`
}

// Tag marks how an item stands among the sources.
type Tag string

// The tags an item may carry; most items carry none.
const (
	New          Tag = "new"
	Corroborated Tag = "corroborated"
	Contested    Tag = "contested"
)

// Item is one cited line of a briefing. Text is always verbatim from the
// documents; the other fields say whose words they are and how sure.
type Item struct {
	Text      string            `json:"text"`
	Tag       Tag               `json:"tag"`
	Citations []corpus.Citation `json:"citations"`
	// Speaker is who the claim is attributed to, as the claims package
	// resolved it; empty when the text is the document's own.
	Speaker string `json:"speaker,omitempty"`
	// Hedge is the source's certainty words as written ("probably"), and
	// Likelihood their place on the ICD 203 scale ("likely").
	Hedge      string `json:"hedge,omitempty"`
	Likelihood string `json:"likelihood,omitempty"`
	// Subject groups the contested items that disagree with each other;
	// Newest marks the one from the most recent source.
	Subject string `json:"subject,omitempty"`
	Newest  bool   `json:"newest,omitempty"`
	// Actor names the actor an "actors in focus" item describes, with its
	// mentions in the briefing's documents.
	Actor    string `json:"actor,omitempty"`
	Mentions int    `json:"mentions,omitempty"`
}
