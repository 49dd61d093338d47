package bot

import (
	"strings"

	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
)

// claimsPerPage keeps a page of claims readable.
const claimsPerPage = 5

// claimsView lists claims with who made them, their kind and hedge, and the
// documents that carry each.
func claimsView(title string, cs []*claims.Claim) listView {
	v := listView{
		title:   title,
		perPage: claimsPerPage,
		color:   colorFound,
		footer:  plural(len(cs), "claim"),
		empty:   "No such claims were found in the documents.",
	}
	for _, c := range cs {
		v.entries = append(v.entries, entry{label: claimLabel(c), text: c.Text, cites: c.Sources})
	}
	if len(cs) == 0 {
		v.color = colorNotFound
	}
	return v
}

// claimLabel is "**Speaker** · quote · hedged: “probably” (likely) · 2 documents".
func claimLabel(c *claims.Claim) string {
	var parts []string
	if c.Speaker != "" {
		parts = append(parts, "**"+escapeCut(c.Speaker, maxName)+"**")
	}
	parts = append(parts, escapeCut(string(c.Kind), maxName))
	if c.Hedge != "" {
		hedge := "hedged: “" + escapeCut(c.Hedge, maxName) + "”"
		if c.Likelihood != "" {
			hedge += " (" + escapeCut(c.Likelihood, maxName) + ")"
		}
		parts = append(parts, hedge)
	}
	if n := corpus.DistinctDocs(c.Sources); n > 1 {
		parts = append(parts, "in "+plural(n, "document"))
	}
	return strings.Join(parts, " · ")
}
