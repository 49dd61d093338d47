package answer

import (
	"slices"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
)

func TestQuotedPhrases(t *testing.T) {
	for q, want := range map[string][]string{
		`Who said "no quit in America"?`:                    {"no quit in america"},
		`Who called it “a rope of sand” and "un-American"?`: {"a rope of sand"},
		`Who called it "un-American"?`:                      nil, // one word: a scare quote, not a phrase
		`What does "the plan mean`:                          nil,
		`Plain question`:                                    nil,
		`Who said 'it's over now'?`:                         {"it s over now"},
		`Who said ‘no quit in America’ and 'go home'?`:      {"no quit in america", "go home"},
		`What is the Taliban's plan and al-Qaeda's aim?`:    nil, // apostrophes, no quotation
	} {
		if got := quotedPhrases(q); !slices.Equal(got, want) {
			t.Errorf("quotedPhrases(%q) = %q, want %q", q, got, want)
		}
	}
}

func TestInOrderNearby(t *testing.T) {
	quoted := strings.Fields("the taliban are terrorists and they will back terrorists")
	for text, want := range map[string]int{
		"the taliban are terrorists and they re going to support terrorists former us defence secretary": 7,
		"terrorists and they will back the taliban":                                                      5,
		// the words far apart, across a long sentence, are no quotation
		"the taliban " + strings.Repeat("x ", 20) + "are terrorists " + strings.Repeat("y ", 20) + "and they will": 3,
	} {
		if got := inOrderNearby(quoted, strings.Fields(text), 13); got != want {
			t.Errorf("inOrderNearby(%q) = %d, want %d", text, got, want)
		}
	}
}

// A quoted document title says which document; it is no line to find.
func TestQuotedTitleIsNoQuotation(t *testing.T) {
	e := linkedEngine([]*corpus.Document{
		corpus.New("plan", "plan.txt", corpus.Meta{Title: "The Harbour's Plan to Rebuild Varna"}, []string{
			"The Harbours Plan to Rebuild Varna was written by Osric Pell.",
			"The harbour walls of Varna will be rebuilt in granite.",
		}),
		corpus.New("other", "other.txt", corpus.Meta{Title: "Harvest"}, []string{"The harvest was late this year."}),
	})
	for phrase, want := range map[string]bool{
		"the harbour s plan to rebuild varna": true,
		"the harbours plan to rebuild varna":  true,
		"the harbour walls of varna":          false,
		"plan to rebuild varna":               false, // part of the title: a line it repeats
	} {
		if got := e.isTitle(phrase); got != want {
			t.Errorf("isTitle(%q) = %v, want %v", phrase, got, want)
		}
	}
}
