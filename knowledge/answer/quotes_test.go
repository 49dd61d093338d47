package answer

import (
	"slices"
	"strings"
	"testing"
)

func TestQuotedPhrases(t *testing.T) {
	for q, want := range map[string][]string{
		`Who said "no quit in America"?`:                    {"no quit in america"},
		`Who called it “a rope of sand” and "un-American"?`: {"a rope of sand"},
		`Who called it "un-American"?`:                      nil, // one word: a scare quote, not a phrase
		`What does "the plan mean`:                          nil,
		`Plain question`:                                    nil,
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
