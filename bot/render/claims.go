package render

import (
	"strings"

	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
)

// claimsPerPage keeps a page of claims readable.
const claimsPerPage = 5

// Claims lists claims with who made them, their kind and hedge, and the
// documents that carry each.
func Claims(title string, cs []*claims.Claim) List {
	v := List{
		title:   title,
		perPage: claimsPerPage,
		color:   ColorFound,
		footer:  Plural(len(cs), "claim"),
		empty:   "No such claims were found in the documents.",
	}
	for _, c := range cs {
		v.entries = append(v.entries, entry{label: claimLabel(c), text: c.Text, cites: c.Sources})
	}
	if len(cs) == 0 {
		v.color = ColorNotFound
	}
	return v
}

// claimLabel is "**Speaker** · quote · hedged: “probably” (likely) · 2 documents".
func claimLabel(c *claims.Claim) string {
	var parts []string
	if c.Speaker != "" {
		parts = append(parts, "**"+EscapeCut(c.Speaker, MaxName)+"**")
	}
	parts = append(parts, EscapeCut(string(c.Kind), MaxName))
	if c.Hedge != "" {
		hedge := "hedged: “" + EscapeCut(c.Hedge, MaxName) + "”"
		if c.Likelihood != "" {
			hedge += " (" + EscapeCut(c.Likelihood, MaxName) + ")"
		}
		parts = append(parts, hedge)
	}
	if n := corpus.DistinctDocs(c.Sources); n > 1 {
		parts = append(parts, "in "+Plural(n, "document"))
	}
	return strings.Join(parts, " · ")
}
