package answer

import (
	"slices"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
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

// The best-scoring passage that answers is chosen when it holds enough of
// the question; when it holds too little, one scoring a little less that
// holds enough answers for it, and none scoring much less does.
func TestBestAnswerHoldsEnoughOfTheQuestion(t *testing.T) {
	p := func(score, coverage float64, answers bool) passage {
		return passage{score: score, coverage: coverage, answers: answers}
	}
	for _, c := range []struct {
		ps   []passage
		want int
	}{
		{[]passage{p(0.9, 0.6, true), p(0.8, 0.7, true)}, 0},
		{[]passage{p(0.9, 0.6, false), p(0.8, 0.7, true)}, 1},
		{[]passage{p(0.49, 0.34, true), p(0.48, 0.45, true)}, 1},
		{[]passage{p(0.49, 0.34, true), p(0.30, 0.45, true)}, -1},
		{[]passage{p(0.49, 0.34, true), p(0.48, 0.45, false)}, -1},
		{[]passage{{score: 1.4, coverage: 0.2, answers: true, quoted: 1}}, 0},
		{nil, -1},
	} {
		if got := bestAnswer(c.ps); got != c.want {
			t.Errorf("bestAnswer(%+v) = %d, want %d", c.ps, got, c.want)
		}
	}
}

// Only a plural of a noun of persons counts people: "had" is a form of
// "have", "more" and "begin" are words WordNet also files as persons
// (the haves, Thomas More, Menachem Begin).
func TestPersonNoun(t *testing.T) {
	for word, want := range map[string]bool{"men": true, "soldiers": true, "veterans": true, "women": true, "individuals": true, "persons": true,
		"had": false, "more": false, "begin": false, "man": false, "cattle": false, "times": false} {
		if got := personNoun(word); got != want {
			t.Errorf("personNoun(%q) = %v, want %v", word, got, want)
		}
	}
}

// "be going to" and "be supposed to" and a verb are a tense and a modal,
// no going anywhere nor supposing: "go" and "suppos" are then no concepts
// an answer must hold.
func TestSemiModalIsNoConcept(t *testing.T) {
	e := buildLinked(snapshotCorpus()).e
	for _, c := range []struct {
		question, label string
		want            bool
	}{
		{"What was Piet Abernathy going to receive?", "go", false},
		{"Are the dockers going to strike again?", "go", false},
		{"Were the dockers going to the harbour at dawn?", "go", true},
		{"Who is going?", "go", true},
		{"Where were the dockers supposed to gather?", "suppos", false},
		{"Who supposed the strike would end?", "suppos", true},
	} {
		q := e.parse(c.question)
		if got := slices.ContainsFunc(q.concepts, func(k concept) bool { return k.label == c.label }); got != c.want {
			t.Errorf("%s: a concept %s = %v, want %v", c.question, c.label, got, c.want)
		}
	}
}

// A publisher a question writes in two words ("the Sea Monitor piece") is
// the one the documents write as one ("Seamonitor.com"): one concept,
// which the document's context holds.
func TestNameWrittenAsOne(t *testing.T) {
	e := buildLinked([]*corpus.Document{
		corpus.New("post", "post.html", corpus.Meta{Title: "Dockers out", Source: "Valley Post"}, []string{"The dockers struck because the union leader was sacked."}),
		corpus.New("monitor", "monitor.html", corpus.Meta{Title: "Dockers walk out", Source: "Seamonitor.com"}, []string{"The dockers struck because the port cut their night pay."}),
	}).e
	q := e.parse("According to the Sea Monitor piece, why did the dockers strike?")
	i := slices.IndexFunc(q.concepts, func(c concept) bool { return strings.EqualFold(c.written, "SeaMonitor") })
	if i < 0 || len(q.concepts[i].contextDocs) != 1 {
		t.Fatalf("concepts %+v: want one for SeaMonitor, held by one document's context", q.concepts)
	}
	if slices.ContainsFunc(q.concepts, func(c concept) bool { return c.written == "Sea" || c.written == "Monitor" }) {
		t.Errorf("the name's words are concepts of their own: %+v", q.concepts)
	}
}
