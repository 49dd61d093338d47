package claims

import (
	"strings"
	"sync"
	"testing"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
	"briefbot/knowledge/words"
)

var seedOnce struct {
	sync.Once
	docs []*corpus.Document
	set  *Set
}

// seedSet returns the claims of the seed documents, linked to their actors.
func seedSet(t testing.TB) (*Set, []*corpus.Document) {
	t.Helper()
	seedOnce.Do(func() {
		seedOnce.docs = ingest.Seeds()
		seedOnce.set = Extract(seedOnce.docs, actors.Build(seedOnce.docs))
	})
	if len(seedOnce.docs) != 5 {
		t.Fatalf("expected the 5 seed documents, got %d", len(seedOnce.docs))
	}
	return seedOnce.set, seedOnce.docs
}

// claimsWith returns the claims whose text holds phrase (normalised), in
// documents whose id starts with docPrefix ("" for any); failing that, the
// quote and reported claims whose citation in such a document holds it (a
// claim merged from another document keeps the first one's text).
func claimsWith(s *Set, docPrefix, phrase string) []*Claim {
	want := words.Normalize(phrase)
	var byText, byQuote []*Claim
	for _, c := range s.All() {
		for _, src := range c.Sources {
			if !strings.HasPrefix(src.Doc, docPrefix) {
				continue
			}
			if strings.Contains(words.Normalize(c.Text), want) {
				byText = append(byText, c)
			} else if (c.Kind == Quote || c.Kind == Reported) && strings.Contains(words.Normalize(src.Quote), want) {
				byQuote = append(byQuote, c)
			}
			break
		}
	}
	if len(byText) > 0 {
		return byText
	}
	return byQuote
}

// speakerIs reports whether a claim's speaker is one of the acceptable
// names (| between alternatives), compared folded and as whole words.
func speakerIs(speaker, acceptable string) bool {
	got := " " + words.Key(speaker) + " "
	for _, alt := range strings.Split(acceptable, "|") {
		if k := words.Key(alt); k != "" && strings.Contains(got, " "+k+" ") {
			return true
		}
	}
	return false
}

// assertVerbatim checks that a claim's text and every citation quote are
// substrings of their documents.
func assertVerbatim(t *testing.T, c *Claim, docs []*corpus.Document) {
	t.Helper()
	byID := map[string]*corpus.Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	first := byID[c.Sources[0].Doc]
	if first == nil || !strings.Contains(first.Text, c.Text) {
		t.Errorf("claim %s text is not verbatim in %s: %q", c.ID, c.Sources[0].Doc, c.Text)
	}
	for _, src := range c.Sources {
		d := byID[src.Doc]
		if d == nil || src.Quote == "" || !strings.Contains(d.Text, src.Quote) {
			t.Errorf("claim %s citation quote is not verbatim in %s: %q", c.ID, src.Doc, src.Quote)
		}
	}
}
