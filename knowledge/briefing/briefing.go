// Package briefing composes the daily briefing: what is new, the sources' key
// judgements, corroborated and contested claims, and the actors in focus,
// every item cited.
package briefing

import "briefbot/knowledge/corpus"

// Briefing is one composed briefing. Its JSON form is the CLI contract's.
type Briefing struct {
	Generated string `json:"generated"` // RFC 3339
	Since     string `json:"since"`     // YYYY-MM-DD or empty
	Actor     string `json:"actor,omitempty"`
	// Late marks a scheduled briefing posted after its time (after
	// downtime); Scheduled is the time it was due, RFC 3339 in the
	// subscriber's timezone.
	Late      bool      `json:"late,omitempty"`
	Scheduled string    `json:"scheduled,omitempty"`
	Sections  []Section `json:"sections"`
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

// Item is one cited line of a briefing.
type Item struct {
	Text      string            `json:"text"`
	Tag       Tag               `json:"tag"`
	Citations []corpus.Citation `json:"citations"`
}
