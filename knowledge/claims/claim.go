// Package claims extracts who said what from the documents: quotes, reported
// speech, figures and assessments with their hedges; it merges the claims
// several documents carry, groups those that disagree, and finds where a
// quotation comes from.
package claims

import "briefbot/knowledge/corpus"

// Kind is what sort of claim a Claim is.
type Kind string

// The kinds of claim.
const (
	Quote      Kind = "quote"
	Reported   Kind = "reported"
	Figure     Kind = "figure"
	Assessment Kind = "assessment"
)

// Claim is one claim, carried by one or more documents. Its JSON form is the
// CLI contract's.
type Claim struct {
	ID        string `json:"id"`
	Speaker   string `json:"speaker"`
	SpeakerID string `json:"speaker_id"`
	Kind      Kind   `json:"kind"`
	Text      string `json:"text"`
	Hedge     string `json:"hedge"`
	// Likelihood maps the hedge onto the analytic scale of ICD 203
	// ("almost no chance" ... "almost certain"); empty when unhedged.
	Likelihood string            `json:"likelihood,omitempty"`
	Sources    []corpus.Citation `json:"sources"`
}

// Match is one place a quotation was found.
type Match struct {
	Similarity float64         `json:"similarity"`
	Speaker    string          `json:"speaker"`
	Citation   corpus.Citation `json:"citation"`
}

// CiteResult answers "where does this quote come from".
type CiteResult struct {
	Query   string  `json:"query"`
	Found   bool    `json:"found"`
	Matches []Match `json:"matches"`
}
