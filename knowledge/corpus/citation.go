package corpus

import (
	"fmt"
	"slices"
	"strings"
)

// Citation points at a verbatim span of a document. Its JSON form is the one
// fixed by the CLI contract.
type Citation struct {
	Doc string `json:"doc"`
	Meta
	Paragraph int `json:"paragraph"`
	// Sentence is the quote's first sentence in its paragraph, from 1, set
	// only when the paragraph is long (see LongParagraph); 0 otherwise.
	Sentence int    `json:"sentence,omitempty"`
	Quote    string `json:"quote"`
}

// LongParagraph is the most sentences a paragraph may hold and still be
// cited by its number alone. Beyond it, a citation also names the quote's
// sentence: in a text without blank lines a whole speech is one paragraph,
// and "¶1" would not find the quote in it.
const LongParagraph = 3

// String renders the citation for people: "Title — Source, 2021-08-20, ¶4",
// or "…, ¶1, sentence 212" into a long paragraph. Fields the document does
// not state are left out rather than invented.
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
		if c.Sentence > 0 {
			parts = append(parts, fmt.Sprintf("sentence %d", c.Sentence))
		}
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
	if len(cs) > 16 {
		seen := make(map[string]bool, len(cs))
		for _, c := range cs {
			seen[c.Doc] = true
		}
		return len(seen)
	}
	// Most claims have a few citations: comparing them costs less than a
	// map, and briefings count them for every claim of the base.
	n := 0
	for i, c := range cs {
		if !slices.ContainsFunc(cs[:i], func(o Citation) bool { return o.Doc == c.Doc }) {
			n++
		}
	}
	return n
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
