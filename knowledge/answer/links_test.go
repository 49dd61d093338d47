package answer

import (
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
