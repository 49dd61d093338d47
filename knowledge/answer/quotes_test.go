package answer

import (
	"slices"
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
