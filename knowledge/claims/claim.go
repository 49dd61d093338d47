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
	// Attribution is the speaker phrase exactly as the first source writes
	// it ("a retired counterterrorism official", "he"); Speaker may instead
	// hold the linked actor's canonical name.
	Attribution string `json:"attribution,omitempty"`
	// Measure is what a figure counts, with its bounds.
	Measure *Measure `json:"measure,omitempty"`
	// About names the actor a figure or a stated condition is about (its id
	// when linked): the subject under which claims are compared.
	About string `json:"about,omitempty"`
	// State is the condition a claim gives its About actor ("dead", "ill").
	State string `json:"state,omitempty"`

	spans []span // every place the claim was found (repeats included), first one first
	// ownWords marks a claim its document's author states in the first
	// person: two such claims are one only when one author states them.
	ownWords bool
	context  []string // a figure's neighbouring words, read once when compared
	// terms are the folded words merging compares, worked out with the
	// document's extraction, on all CPUs.
	terms []string
}

// Measure is the quantity a figure states.
type Measure struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	// Unit is the counted noun as written ("provinces", "men"); Class folds
	// units that count the same thing ("fighters" for men, members, troops).
	Unit  string `json:"unit"`
	Class string `json:"class"`
}

// span locates a claim in one document: its position in the corpus and the
// byte span of its text.
type span struct {
	doc        int // index of the document in the corpus order
	start, end int
}

// Contest groups claims about one subject that disagree. Nothing is
// resolved: every claim keeps its sources and dates.
type Contest struct {
	Subject string   `json:"subject"`
	Claims  []*Claim `json:"claims"`
	// Newest is the index in Claims of the claim from the most recent
	// source, or -1 when the sources do not say when they were written.
	Newest int `json:"newest"`
	// NewestBy says how Newest was decided: "date" (the documents' dates)
	// or "latest year mentioned" (undated documents, by the latest year
	// their text mentions, a lower bound on when they were written).
	NewestBy string `json:"newest_by,omitempty"`
}

// Match is one place a quotation was found.
type Match struct {
	Similarity float64 `json:"similarity"`
	// Method is how the quotation was found: "exact", "normalized" (equal
	// once quotes, apostrophes, case and punctuation are folded) or "fuzzy".
	Method   string          `json:"method,omitempty"`
	Speaker  string          `json:"speaker"`
	Citation corpus.Citation `json:"citation"`
}

// CiteResult answers "where does this quote come from".
type CiteResult struct {
	Query   string  `json:"query"`
	Found   bool    `json:"found"`
	Matches []Match `json:"matches"`
}
