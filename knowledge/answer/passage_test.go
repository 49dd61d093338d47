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
