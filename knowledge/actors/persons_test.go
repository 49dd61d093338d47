package actors

import (
	"slices"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
)

// presidents is a made-up pair of speeches naming two persons who share a
// surname, one of them in three spellings, and a man of one party.
func presidents() []*corpus.Document {
	a := corpus.New("s1", "s1.txt", corpus.Meta{}, []string{
		"In 1905 Theodore Roosevelt sent a fleet around the world. Roosevelt said the canal would be built.",
		"The Czech Republic and the Swiss Republic sent envoys; the Republic of Chile did not.",
		"The plan was praised by Republican Abraham Lincoln Smith, and the Tehrik Insaf Party (TIP) objected.",
	})
	b := corpus.New("s2", "s2.txt", corpus.Meta{}, []string{
		"Franklin D. Roosevelt spoke of fear. Roosevelt asked Congress for help.",
		"Later, Franklin Delano Roosevelt and Franklin Roosevelt were names the press used for one man.",
		"Abraham Lincoln Smith voted for the plan.",
	})
	return []*corpus.Document{a, b}
}

func TestPersonsSharingASurnameStayApart(t *testing.T) {
	r := Build(presidents())
	ted := actorCovering(r, []string{"Theodore Roosevelt"})
	fdr := actorCovering(r, []string{"Franklin D. Roosevelt", "Franklin Delano Roosevelt", "Franklin Roosevelt"})
	if ted == nil || fdr == nil || ted == fdr {
		t.Fatalf("Theodore and Franklin Roosevelt must be two actors, Franklin's three forms one: %v, %v; actors %v",
			name(ted), name(fdr), names(r.All()))
	}
	if ted.Kind != Person || fdr.Kind != Person {
		t.Errorf("kinds: %s %s", ted.Kind, fdr.Kind)
	}
	for _, place := range []string{"Czech Republic", "Swiss Republic", "Republic of Chile"} {
		a := actorCovering(r, []string{place})
		if a == nil || a.Kind != Place {
			t.Errorf("%s: %v, want a place of its own", place, a)
		}
	}
	if a := actorCovering(r, []string{"Czech Republic", "Swiss Republic"}); a != nil {
		t.Errorf("two republics merged into %q", a.Name)
	}
	if a := actorCovering(r, []string{"Republican Abraham Lincoln Smith"}); a != nil {
		t.Errorf("a party word kept in a name: %q", a.Name)
	}
	if a := r.Resolve("Eleanor Roosevelt"); a != nil {
		t.Errorf("Resolve(Eleanor Roosevelt) = %q, a person with another given name", a.Name)
	}
}

func TestAcronymLookupNeedsTheDocumentsSpelling(t *testing.T) {
	r := Build(presidents())
	if best, cands := r.Lookup("TTP"); best != nil || len(cands) == 0 {
		t.Errorf("Lookup(TTP) = %v, %d candidates; want no match and candidates to choose from", name(best), len(cands))
	}
	if best, _ := r.Lookup("TIP"); best == nil || best.Name != "Tehrik Insaf Party" {
		t.Errorf("Lookup(TIP) = %v, want the expansion the document defines", name(best))
	}
}

// namesakes is a made-up corpus naming two men called Alan Park with
// different middle initials, and addresses by two authors, "Carlos Lopez"
// (spelt by the file name) and "Carlos T. Lopez" (stated), whom only their
// documents tell apart.
func namesakes() []*corpus.Document {
	return []*corpus.Document{
		corpus.New("p1", "p1.txt", corpus.Meta{}, []string{
			"Alan K. Park opened the bridge in 1961. Alan T. Park, his nephew, chaired the port board.",
			"Alan Park praised the bridge. The board met in Busan.",
		}),
		corpus.New("c1", "1990_carlos_lopez_r.txt", corpus.Meta{}, []string{
			"I thank the Congress. Carlos Lopez wrote to the board in 1990.",
		}),
		corpus.New("c2", "c2.txt", corpus.Meta{Author: "Carlos T. Lopez"}, []string{
			"I thank the Congress again. Carlos T. Lopez wrote to the board in 2004.",
			"The letter of Carlos T. Lopez was read aloud.",
		}),
		corpus.New("c3", "c3.txt", corpus.Meta{}, []string{
			"Carlos Lopez and Carlos Lopez's aides left the board in 2012.",
		}),
	}
}

// TestNamesakesWithDifferentMiddleInitialsStayApart: persons sharing a
// first name and a surname are never joined when their middle initials
// differ, and a shorter name that could be either stays apart from both.
func TestNamesakesWithDifferentMiddleInitialsStayApart(t *testing.T) {
	r := Build(namesakes())
	for _, pair := range [][2]string{
		{"Alan K. Park", "Alan T. Park"},
		{"Alan Park", "Alan K. Park"},
		{"Alan Park", "Alan T. Park"},
		{"Carlos Lopez", "Carlos T. Lopez"},
	} {
		a, b := actorCovering(r, pair[:1]), actorCovering(r, pair[1:])
		if a == nil || b == nil {
			t.Fatalf("%q or %q not found: %v", pair[0], pair[1], names(r.All()))
		}
		if a == b {
			t.Errorf("%q and %q are one actor %q", pair[0], pair[1], a.Name)
		}
	}
	if a := actorCovering(r, []string{"Alan Park"}); a != nil && !slices.Contains(a.PossiblySame, "Alan K. Park") {
		t.Errorf("Alan Park: possibly same %q, want Alan K. Park listed", a.PossiblySame)
	}
	if a := actorCovering(r, []string{"Carlos Lopez"}); a != nil && !slices.Contains(a.PossiblySame, "Carlos T. Lopez") {
		t.Errorf("Carlos Lopez: possibly same %q, want Carlos T. Lopez listed", a.PossiblySame)
	}
	if a := actorCovering(r, []string{"Carlos Lopez", "Carlos Lopez's"}); a == nil {
		t.Errorf("the forms of one name must stay one actor: %v", names(r.All()))
	}
}

// Without authors telling them apart, the forms of one man's name join.
func TestOneAuthorsNameFormsJoin(t *testing.T) {
	docs := namesakes()[1:3]
	docs[1] = corpus.New("c2", "c2.txt", corpus.Meta{Author: "Carlos Lopez"}, []string{"Carlos T. Lopez wrote to the board in 2004."})
	r := Build(docs)
	if a := actorCovering(r, []string{"Carlos Lopez", "Carlos T. Lopez"}); a == nil {
		t.Errorf("one author's name written with and without his initial: %v", names(r.All()))
	}
}

// A pronoun or auxiliary run into a word ("I've", "That'll", "I'm Billy
// Jones") is no part of a name: the name beside it is found alone, and the
// pronoun is no actor, however often it opens a sentence.
func TestContractionsAreNoPartOfAName(t *testing.T) {
	r := Build([]*corpus.Document{corpus.New("talk", "talk.txt", corpus.Meta{}, []string{
		"I've seen the mill close. I've seen the town empty. I’ve written to the governor twice.",
		"\"I'm Billy Jones,\" he said. Billy Jones runs the feed store. That'll do, said Billy Jones.",
		"Russia-we're told-has not answered. Russia sent no reply.",
	})})
	for _, a := range r.All() {
		if strings.ContainsAny(a.Name, "'’") {
			t.Errorf("actor %q holds a contraction", a.Name)
		}
	}
	if a := actorCovering(r, []string{"Billy Jones"}); a == nil || a.Mentions < 3 {
		t.Errorf("Billy Jones: %+v, want his three mentions", a)
	}
}

// A name that is also a head noun ("Taliban", as in "Pakistani Taliban")
// keeps its lost-apostrophe possessive ("The Talibans supreme leader"),
// while the plural of a head the text uses as a word ("the Departments")
// is still no name.
func TestLostApostropheOfAHeadNameIsAMention(t *testing.T) {
	r := Build([]*corpus.Document{corpus.New("news", "news.txt", corpus.Meta{}, []string{
		"The Taliban took Kabul in August. The Talibans supreme leader, Hibatullah Akhundzada, stayed in Kandahar.",
		"With the Talibans return, the Taliban closed the schools. The Taliban named a cabinet.",
		"Two departments closed, and then the Departments voted: each department sent two clerks.",
	})})
	if a := r.Resolve("Taliban"); a == nil || a.Mentions != 5 {
		t.Errorf("Taliban: %+v, want five mentions", a)
	}
	if a := r.Resolve("Departments"); a != nil {
		t.Errorf("Departments is an actor: %+v", a)
	}
}
