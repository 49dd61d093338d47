package answer_test

import (
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/eval"
)

// madeUpCorpus is a small corpus with names, places and figures that are in
// no seed document, so that nothing tuned on the seeds can help.
func madeUpCorpus() []*corpus.Document {
	return []*corpus.Document{
		corpus.New("ledger-kessel", "ledger.txt", corpus.Meta{Title: "Kessel Dam talks stall", Source: "Northern Ledger", Date: "2025-03-02"}, []string{
			"Talks over the Kessel Dam broke down on Tuesday after the Varnian delegation walked out.",
			"Minister Olga Varnsky said the dam “will open in 2031 whatever our neighbours decide”.",
			"Engineers estimate that 1,200 workers are employed on the site. Three workers were injured in a landslide last month.",
			"The Ostrava Water Authority, the regional regulator, warned that the reservoir could flood 14 villages.",
		}),
		corpus.New("gazette-kessel", "gazette.txt", corpus.Meta{Title: "A dam too far", Source: "Eastern Gazette", Date: "2025-03-05"}, []string{
			"The Kessel Dam will displace about 9,000 people, according to the Ostrava Water Authority.",
			"Tomas Grell, the authority's chief engineer, said the project was “years behind schedule”.",
			"Critics say the reservoir will flood at least 20 villages, far more than officials admit.",
		}),
		corpus.New("wire-kessel", "wire.txt", corpus.Meta{Title: "Kessel Dam: minister defiant", Source: "Wire Service"}, []string{
			"Minister Olga Varnsky said the dam “will open in 2031 whatever our neighbours decide”.",
		}),
		corpus.New("varnsky-speech", "speech.json", corpus.Meta{Title: "Speech to parliament", Author: "Olga Varnsky"}, []string{
			"We will not pay for the mistakes of our neighbours. The dam is our future.",
		}),
		corpus.New("poetry-prize", "prize.txt", corpus.Meta{Title: "Poet wins Lindqvist Prize", Source: "Culture Weekly"}, []string{
			"The Lindqvist Prize for poetry was awarded to Mira Solberg in Oslo on 12 May 2024.",
			"Solberg, a former schoolteacher, wrote her first collection at the age of sixty.",
		}),
	}
}

func TestMadeUpCorpus(t *testing.T) {
	docs := madeUpCorpus()
	e := build(docs)
	no := false
	qs := []eval.Question{
		{ID: "m1", Kind: "quote", Question: "What did Olga Varnsky say about the dam?", ExpectAny: []string{"will open in 2031"}},
		{ID: "m2", Kind: "fact", Question: "When will the Kessel dam open?", ExpectAny: []string{"2031"}},
		{ID: "m3", Kind: "fact", Question: "How many workers are employed on the site?", ExpectAny: []string{"1,200 workers"}},
		{ID: "m4", Kind: "contested", Question: "How many villages could the reservoir flood?", ExpectAll: []string{"14 villages", "20 villages"}},
		{ID: "m5", Kind: "typo", Question: "who is tomas grel", ExpectAny: []string{"chief engineer"}},
		{ID: "m6", Kind: "paraphrase", Question: "Which poet received the Lindqvist award?", ExpectAny: []string{"Mira Solberg"}},
		{ID: "m7", Kind: "fact", Question: "How many people will the dam displace?", ExpectAny: []string{"9,000 people"}},
		{ID: "m11", Kind: "quote", Question: "What did Olga Varnsky say about mistakes?", ExpectAny: []string{"We will not pay for the mistakes"}},
		{ID: "m8", Kind: "negative", Question: "What did Olga Varnsky say about taxes?", ExpectAnswered: &no},
		{ID: "m9", Kind: "negative", Question: "Who won the 2018 football World Cup?", ExpectAnswered: &no},
		{ID: "m10", Kind: "negative", Question: "How many soldiers died at the dam in 2019?", ExpectAnswered: &no},
	}
	rep := eval.Run(qs, e.Ask)
	var b strings.Builder
	rep.Print(&b)
	t.Logf("made-up corpus:\n%s", b.String())
	if rep.Passed < len(qs)-1 {
		t.Errorf("passed %d of %d", rep.Passed, len(qs))
	}
	for _, q := range qs {
		checkGrounded(t, docs, e.Ask(q.Question, 3))
	}
	res := e.Ask("What did Olga Varnsky say about the dam?", 1)
	if !res.Answered || corpus.DistinctDocs(res.Answers[0].Citations) != 2 {
		t.Errorf("a sentence two documents print word for word should cite both: %+v", res.Answers)
	}
}

// A "who" question about a role, naming no person, is answered by a passage
// that names one, rather than by one that only repeats the question's words.
func TestWhoQuestionsWantAPerson(t *testing.T) {
	docs := []*corpus.Document{
		corpus.New("guild", "guild.txt", corpus.Meta{Title: "Guild report"}, []string{
			"The Weavers Guild has many leaders in its regional branches and a long history of disputes.",
			"The leader of the Weavers Guild, Annika Holm, opened the annual meeting in Tallinn.",
			"Annika Holm said the guild would admit apprentices from next year.",
		}),
	}
	e := build(docs)
	for _, q := range []string{"Who is the leader of the Weavers Guild?", "Who heads the Weavers Guild?"} {
		res := e.Ask(q, 1)
		if !res.Answered || !strings.Contains(res.Answers[0].Text, "Annika Holm") {
			t.Errorf("%s -> %+v", q, res.Answers)
		}
	}
}

// A "who" question that names a person asks for another one: "who took
// over after Varnsky" is answered by the passage naming her successor.
func TestWhoQuestionsWantAnotherPerson(t *testing.T) {
	docs := []*corpus.Document{
		corpus.New("ministry", "ministry.txt", corpus.Meta{Title: "Ministry notes"}, []string{
			"Minister Olga Varnsky said the dam would open in 2031.",
			"The army took over the water ministry after Olga Varnsky left.",
			"By June Tomas Grell had taken over the whole water ministry when Olga Varnsky left.",
			"Olga Varnsky said she would not return.",
		}),
	}
	res := build(docs).Ask("Who took over the water ministry after Olga Varnsky left?", 1)
	if !res.Answered || !strings.Contains(res.Answers[0].Text, "Tomas Grell") {
		t.Errorf("want the passage naming the successor: %+v", res)
	}
}
