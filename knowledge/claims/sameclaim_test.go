package claims

import (
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
)

// Two addresses by two authors that share figures, a formula and one
// sentence but for a word of denial: none of it is corroboration.
func addresses() []*corpus.Document {
	a := corpus.New("a1", "1950_harry_s_truman_d.txt", corpus.Meta{}, []string{
		"A year ago I reported to this Congress that the state of the Union was good.",
		"The Treasury paid $2,000,000 for the new harbor at Galveston last year.",
		"In my first message I stated that the tariff must be revised at once.",
	})
	b := corpus.New("b1", "1976_gerald_r_ford_r.txt", corpus.Meta{}, []string{
		"Just a year ago I reported that the state of the Union was not good.",
		"The Treasury lent $2,000,000 to the farmers of the western plains during the drought.",
	})
	c := corpus.New("c1", "speech.json", corpus.Meta{Author: "Jane Q. Public"}, []string{
		"We said that the state of the Union was strong and growing.",
	})
	return []*corpus.Document{a, b, c}
}

func TestFirstPersonIsTheAuthor(t *testing.T) {
	s := Extract(addresses(), nil)
	for phrase, want := range map[string]string{
		"the state of the Union was good":     "Harry S. Truman",
		"the state of the Union was not good": "Gerald R. Ford",
		"the tariff must be revised":          "Harry S. Truman",
		"the state of the Union was strong":   "Jane Q. Public",
	} {
		cs := claimsWith(s, "", phrase)
		if len(cs) == 0 {
			t.Errorf("no claim holds %q", phrase)
			continue
		}
		if cs[0].Speaker != want {
			t.Errorf("%q: speaker %q (as written %q), want %q", phrase, cs[0].Speaker, cs[0].Attribution, want)
		}
	}
}

func TestSharedNumbersAndDenialsDoNotCorroborate(t *testing.T) {
	for _, c := range Extract(addresses(), nil).All() {
		if n := corpus.DistinctDocs(c.Sources); n > 1 {
			t.Errorf("%s %q corroborated by %d documents", c.Kind, c.Text, n)
		}
	}
}

func TestPastAbilityIsNoLikelihood(t *testing.T) {
	doc := corpus.New("h1", "h1.txt", corpus.Meta{}, []string{
		"In 2001 the group had a base from which they could orchestrate the attack.",
		"The spokesman could not be reached for comment.",
		"Analysts say the group could return to the region within a year.",
	})
	s := Extract([]*corpus.Document{doc}, nil)
	for _, c := range s.All() {
		if c.Likelihood != "" && !strings.Contains(c.Text, "could return") {
			t.Errorf("%q rated %q (hedge %q): past ability is no likelihood", c.Text, c.Likelihood, c.Hedge)
		}
	}
	if cs := claimsWith(s, "", "could return"); len(cs) == 0 || cs[0].Likelihood != RoughlyEvenChance {
		t.Errorf("an estimate about the future keeps its likelihood: %v", cs)
	}
}

func TestCueWordsUsedAsNounsNameNoSpeaker(t *testing.T) {
	doc := corpus.New("n1", "n1.txt", corpus.Meta{}, []string{
		"The public debt, including Treasury notes of 1890, was $24,256,494.60 on the first of the month.",
		"The receipts of the quarter, estimated at $8,000,000, will meet the expenses.",
	})
	for _, c := range Extract([]*corpus.Document{doc}, nil).All() {
		if c.Speaker != "" {
			t.Errorf("%s %q: speaker %q, want none", c.Kind, c.Text, c.Speaker)
		}
	}
}
