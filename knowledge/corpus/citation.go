package corpus

import (
	"fmt"
	"strings"
)

// Citation points at a verbatim span of a document. Its JSON form is the one
// fixed by the CLI contract.
type Citation struct {
	Doc string `json:"doc"`
	Meta
	Paragraph int    `json:"paragraph"`
	Quote     string `json:"quote"`
}

// String renders the citation for people: "Title — Source, 2021-08-20, ¶4".
// Fields the document does not state are left out rather than invented.
func (c Citation) String() string {
	var parts []string
	if s := c.Source; s != "" {
		parts = append(parts, s)
	}
	if c.Date != "" {
		parts = append(parts, c.Date)
	}
	if c.Paragraph > 0 {
		parts = append(parts, fmt.Sprintf("¶%d", c.Paragraph))
	}
	head := c.Title
	if head == "" {
		head = c.Doc
	} else if c.Distinct != "" {
		head += " (" + c.Distinct + ")"
	}
	if len(parts) == 0 {
		return head
	}
	return head + " — " + strings.Join(parts, ", ")
}

// DistinctDocs counts the distinct documents among cs: corroboration is
// counted in documents, never in repeats inside one document.
func DistinctDocs(cs []Citation) int {
	seen := make(map[string]bool, len(cs))
	for _, c := range cs {
		seen[c.Doc] = true
	}
	return len(seen)
}

// DistinctSources counts the distinct publishers the citations state; a
// citation whose document names none counts for nothing, so that three
// documents of one unnamed source are not three publishers.
func DistinctSources(cs []Citation) int {
	seen := map[string]bool{}
	for _, c := range cs {
		if k := strings.ToLower(strings.TrimSpace(c.Source)); k != "" {
			seen[k] = true
		}
	}
	return len(seen)
}
