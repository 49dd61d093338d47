package answer

import (
	"reflect"
	"testing"

	"briefbot/knowledge/words"
)

func TestNumberPhrases(t *testing.T) {
	for q, want := range map[string][]numberPhrase{
		"a loan of three million florins":   {{3, 5, "3000000"}},
		"3 million dollars and 1.5 billion": {{0, 2, "3000000"}, {4, 6, "1500000000"}},
		"a million men, forty-seven ships":  {{0, 2, "1000000"}, {3, 4, "47"}},
		"the 1,200 men":                     {{1, 2, "1200"}},
		"no number here":                    nil,
		"infinity and NaN":                  nil,
	} {
		if got := numberPhrases(lowerWritten(words.Tokenize(q))); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %v, want %v", q, got, want)
		}
	}
}

func TestShortYear(t *testing.T) {
	for q, want := range map[string]bool{
		"back in 95":   true,
		"since 08":     true,
		"in 95 cases":  true, // read as a year too: the passage must state one
		"about 95":     false,
		"in 1995":      false,
		"in 3 million": false,
	} {
		lower := lowerWritten(words.Tokenize(q))
		ps := numberPhrases(lower)
		if got := len(ps) > 0 && shortYear(lower, ps[0]); got != want {
			t.Errorf("%q: short year %v, want %v", q, got, want)
		}
	}
}
