package answer

import (
	"strings"
	"testing"
)

func TestRefersBack(t *testing.T) {
	for _, c := range []struct {
		sentence string
		n        int
		want     bool
	}{
		{"Additionally, she is the chief editor.", leanWords, true},
		{"“They will remain businessmen.", leanWords, true},
		{"It is also unclear.", leanWords, true},
		{"Italy is far away.", leanWords, false},
		{"While the precise circumstances of his execution are not known", leanWords, false},
		{"While the precise circumstances of his execution are not known", pronounWords, true},
		{"", pronounWords, false},
		{"Hezbollah and Hamas", pronounWords, false},
	} {
		if got := refersBack(c.sentence, c.n); got != c.want {
			t.Errorf("refersBack(%q, %d) = %v", c.sentence, c.n, got)
		}
	}
}

func TestQuantityQuestionsAskForAFigure(t *testing.T) {
	for q, want := range map[string]intent{
		"What percentage of Afghans live in cities?":         askFigure,
		"What share of the budget goes to defence?":          askFigure,
		"How warm does it get in Kabul in July?":             askFigure,
		"How soon will the Taliban hold elections?":          askFigure,
		"How many fighters does al-Qaeda have?":              askFigure,
		"How important is Kandahar to the Taliban?":          askAny,
		"What part did Pakistan play in the Taliban's rise?": askAny,
	} {
		lower := strings.Fields(strings.ToLower(strings.TrimSuffix(q, "?")))
		if got := intentOf(lower, 0, make([]bool, len(lower))); got != want {
			t.Errorf("%q: intent %d, want %d", q, got, want)
		}
	}
}

// A year the question states, held by a sentence of the passage other than
// its anchor, is in the passage's words: the passage is not one that names
// only its own years.
func TestYearInThePassagesOtherSentenceCounts(t *testing.T) {
	e := vocabEngine("The plan covers the fiscal year 1961. The coastal fleet will keep 817 active ships, against 790 in 1958.")
	q := e.parse("How many active ships would the coastal fleet keep in fiscal 1961?")
	p := e.passageAt(&q, 1)
	if p.first != 0 {
		t.Fatalf("the passage around the fleet's sentence starts at %d, not with the year's sentence", p.first)
	}
	e.score(&q, &p)
	if p.lacks.what != "" {
		t.Errorf("the passage lacks %q (%s), though its first sentence states 1961", p.lacks.what, p.lacks.which)
	}
}
