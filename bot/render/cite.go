package render

import (
	"fmt"

	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
)

// Sizes of a citation lookup: the echoed query, and how many places to show.
const (
	maxCiteQuery  = 300
	citesPerPage  = 5
	percentFactor = 100
)

// Cite shows where a quotation comes from: each place it was found, with
// how close the wording is and who said it.
func Cite(r claims.CiteResult) List {
	v := List{
		title:   "Where is this from?",
		intro:   quoted(r.Query, maxCiteQuery),
		perPage: citesPerPage,
		color:   ColorFound,
		empty:   "**No passage in the documents is close to this text.**",
	}
	if !r.Found || len(r.Matches) == 0 {
		v.color = ColorNotFound
		return v
	}
	for _, m := range r.Matches {
		label := fmt.Sprintf("**%.0f%%** match", m.Similarity*percentFactor)
		if m.Speaker != "" {
			label += " · said by **" + EscapeCut(m.Speaker, MaxName) + "**"
		}
		v.entries = append(v.entries, entry{label: label, text: m.Citation.Quote, cites: []corpus.Citation{m.Citation}})
	}
	v.footer = Plural(len(r.Matches), "place")
	return v
}
