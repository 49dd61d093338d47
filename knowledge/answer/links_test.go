package answer

import (
	"fmt"
	"slices"
	"testing"

	"briefbot/knowledge/corpus"
)

// An actor stands for the words of its descriptions in a question, but not
// in bare keywords through loose relations: keywords are the document's
// own words, and a broad actor described by many words would otherwise
// stand for several of them at once and crowd out the sentence that holds
// them as typed.
func TestKeywordsMeetDescriptionsByTheirOwnWords(t *testing.T) {
	docs := []*corpus.Document{
		corpus.New("north", "north.txt", corpus.Meta{Title: "The north"}, []string{
			"Harald Moe, the weak head of the northern regime, visited the port on Monday.",
			"Harald Moe met the fishermen. Harald Moe left by train.",
			"If the organization is weakened, these troubles will only grow.",
		}),
		corpus.New("south", "south.txt", corpus.Meta{Title: "The south"}, []string{"The harvest was late this year because of the rain."}),
	}
	e := linkedEngine(docs)
	moe := e.links.reg.Resolve("Harald Moe")
	if moe == nil {
		t.Fatal("no actor Harald Moe")
	}
	term, ok := e.ix.terms[actorPrefix+moe.ID]
	if !ok {
		t.Fatal("Harald Moe has no term")
	}
	standsFor := func(question string) bool {
		q := e.parse(question)
		for _, c := range q.concepts {
			for _, a := range c.alts {
				if a.term == term {
					return true
				}
			}
		}
		return false
	}
	if !standsFor("Which weakened organization chief went to the port?") {
		t.Errorf("in a question, Harald Moe does not stand for the words of his description")
	}
	if standsFor("weakened organization troubles") {
		t.Errorf("in keywords, Harald Moe stands for words only loosely related to his description")
	}
}

// A description stands for a word only as far as the actor is as rare as
// the word: an actor in most sentences, met through its description,
// carries little of a word one sentence uses, while a rarely named actor
// carries all of it.
func TestDescriptionCountsByTheActorsRarity(t *testing.T) {
	paras := []string{
		"Harald Moe, the weak head of the northern regime, visited the port on Monday.",
		"Olaf Brandt, the stern chief of the northern navy, signed the accord.",
		"A navy chief was posted at the lighthouse.",
	}
	for i := range 40 {
		paras = append(paras, fmt.Sprintf("Again Olaf Brandt raised the tariff on grain, by %d percent.", i+2))
	}
	e := linkedEngine([]*corpus.Document{corpus.New("north", "north.txt", corpus.Meta{Title: "The north"}, paras)})
	quality := func(question, name string) float64 {
		a := e.links.reg.Resolve(name)
		if a == nil {
			t.Fatalf("no actor %s", name)
		}
		term := e.ix.terms[actorPrefix+a.ID]
		best := 0.0
		for _, c := range e.parse(question).concepts {
			for _, al := range c.alts {
				if al.term == term {
					best = max(best, al.quality)
				}
			}
		}
		return best
	}
	if q := quality("Which weak regime head visited the port?", "Harald Moe"); q != describedQuality {
		t.Errorf("a rarely named actor stands for its description's words at %.2f, want %.2f", q, describedQuality)
	}
	if q := quality("Which stern navy chief signed the accord?", "Olaf Brandt"); q == 0 || q > describedQuality/2 {
		t.Errorf("an actor in most sentences stands for rare words of its description at %.2f, want above 0 and at most %.2f", q, describedQuality/2)
	}
}

// A name typed in lower case, as in chat, names the actor as it would
// capitalised when WordNet writes it only capitalised ("tajikistan");
// an ordinary word the registry also lists ("the congress") stays a word.
func TestLowerCaseNameIsTheActor(t *testing.T) {
	e := linkedEngine([]*corpus.Document{corpus.New("news", "news.txt", corpus.Meta{Title: "News"}, []string{
		"The President of Tajikistan met the Congress of Varna on Monday.",
		"Tajikistan closed its border with Afghanistan again.",
	})})
	names := func(q string) []string {
		var out []string
		for _, m := range e.actorsIn(q) {
			out = append(out, m.actor.Name)
		}
		return out
	}
	if got := names("why did tajikistan close its border"); !slices.Contains(got, "Tajikistan") {
		t.Errorf("lower-case tajikistan names %v, want Tajikistan", got)
	}
	if got := names("what did the congress decide"); len(got) > 0 {
		t.Errorf("the ordinary word congress names %v", got)
	}
}

// Typed in chat, "the us" is the United States and "the un" the United
// Nations, and a name no document mentions ("australia") refuses the
// question in lower case as it does capitalised.
func TestChatCaseInitialismsAndUnknownNames(t *testing.T) {
	e := linkedEngine([]*corpus.Document{corpus.New("news", "news.txt", corpus.Meta{Title: "News"}, []string{
		"The US has invested almost $1trn in the Afghan army over two decades.",
		"The US and the UN disagreed about the capital again.",
	})})
	for _, q := range []string{"how much did the us invest in the afghan army", "what did the un say"} {
		actors := 0
		for _, c := range e.parse(q).concepts {
			if c.actor {
				actors++
			}
		}
		if actors == 0 {
			t.Errorf("%q names no actor", q)
		}
	}
	for _, q := range []string{"What is the capital of Australia?", "what is the capital of australia?"} {
		if res := e.Ask(q, 3); res.Answered {
			t.Errorf("%s: answered %v, want a refusal naming Australia", q, res.Answers)
		}
	}
}

// Typed in lower case, the name of an actor most documents mention
// ("congress" in the addresses) is the corpus's subject as it is
// capitalised: it counts by its weight, not as a topic word every answer
// must hold. An ordinary word naming no actor stays a topic word.
func TestLowerCaseTopicalActor(t *testing.T) {
	var docs []*corpus.Document
	for i, s := range []string{
		"I ask the Congress to lend money to the young republic.",
		"The Congress passed the harbour bill in May.",
		"Our thanks go to the Congress for the new roads.",
		"The Congress will meet again in the spring to weigh the tariff.",
	} {
		docs = append(docs, corpus.New(fmt.Sprintf("address-%d", i), fmt.Sprintf("address-%d.txt", i), corpus.Meta{}, []string{s}))
	}
	e := linkedEngine(docs)
	for _, c := range e.parse("which young republic did the president ask congress to lend money to").concepts {
		if want := c.written == "congress"; c.topical != want {
			t.Errorf("%q: topical %v, want %v", c.written, c.topical, want)
		}
	}
}

// An acronym in capitals or a name of three letters is never read as a
// misspelling of another: "FDR's" is not the FDA.
func TestSpelledExactly(t *testing.T) {
	for text, want := range map[string]bool{"FDR's": true, "FDR": true, "fdr’s": true, "UN": true, "zawahry": false, "Jeferson": false, "Zawahri's": false} {
		if got := spelledExactly(text); got != want {
			t.Errorf("spelledExactly(%q) = %v, want %v", text, got, want)
		}
	}
}
