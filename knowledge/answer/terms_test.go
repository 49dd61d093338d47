package answer

import (
	"slices"
	"strings"
	"testing"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
)

func TestWordsOf(t *testing.T) {
	for token, want := range map[string][]string{
		"al-Qaeda’s": {"al", "qaeda", "alqaeda"},
		"88's":       {"88"},
		"you're":     {"you"},
		"isn't":      nil,
		"O'Brien":    {"obrien"},
		"2,996":      {"2996"},
		"200-500":    {"200", "500", "200-500"},
		"$20m":       {"$20m"},
		"Kabul":      {"kabul"},
	} {
		var got []string
		wordsOf(token, func(w string) { got = append(got, w) })
		if !slices.Equal(got, want) {
			t.Errorf("wordsOf(%q) = %q, want %q", token, got, want)
		}
	}
}

func TestTermOfFoldsMorphologyAndSpelling(t *testing.T) {
	for _, pair := range [][2]string{
		{"shot", "shooting"}, {"paid", "pays"}, {"died", "death"}, {"accused", "accuses"},
		{"neighbours", "neighbors"}, {"organisation", "organization"}, {"defence", "defense"},
	} {
		if termOf(pair[0]) != termOf(pair[1]) {
			t.Errorf("%q and %q should share a term: %q, %q", pair[0], pair[1], termOf(pair[0]), termOf(pair[1]))
		}
	}
	if termOf("the") != "" || termOf("") != "" {
		t.Error("stop words have no term")
	}
	if termOf("kill") == termOf("ill") || termOf("four") != "four" {
		t.Error("unrelated short words must stay apart")
	}
}

// vocabEngine builds an engine on one document of sentences, without
// actors or claims.
func vocabEngine(sentences ...string) *Engine {
	return New([]*corpus.Document{corpus.New("d", "d.txt", corpus.Meta{}, sentences)}, nil, nil)
}

// linkedEngine builds an engine on docs with their actors and claims.
func linkedEngine(docs []*corpus.Document) *Engine {
	reg := actors.Build(docs)
	return New(docs, reg, claims.Extract(docs, reg))
}

func TestTypoCorrectionOnlyForUnknownWords(t *testing.T) {
	e := vocabEngine("Ayman al-Zawahiri was killed in Kabul.", "Zawahiri is very ill, officials will say.", "Leon Panetta spoke about Sirajuddin Haqqani.", "Some parts of the country are calm.")
	term := func(w string) uint32 { id, _ := e.ix.lookup(w); return id }
	for typo, want := range map[string]string{"zawahri": "zawahiri", "panneta": "panetta", "hakkani": "haqqani", "sirajudin": "sirajuddin"} {
		got, ok := e.ix.vocab.correct(typo, false)
		if !ok || got != term(want) {
			t.Errorf("correct(%q) = %v %v, want the term of %q", typo, got, ok, want)
		}
	}
	q := e.parse("who would kill Zawahiri")
	for _, c := range q.concepts {
		for _, a := range c.alts {
			if a.term == term("ill") || a.term == term("will") {
				t.Errorf("concept %q reaches ill/will", c.label)
			}
		}
	}
	if _, ok := e.ix.vocab.correct("paris", true); ok {
		t.Error("Paris was corrected to a word the corpus never capitalises")
	}
	if _, ok := e.ix.vocab.correct("paris", false); !ok {
		t.Error("lower-case paris should reach parts, one edit away")
	}
}

func TestSoundKey(t *testing.T) {
	if soundKey("hakkani") != soundKey("haqqani") || soundKey("panneta") != soundKey("panetta") {
		t.Error("spellings by ear should share a key")
	}
	if soundKey("kabul") == soundKey("taliban") {
		t.Error("different names should not")
	}
}

func TestDerivedWords(t *testing.T) {
	e := vocabEngine("The prize for poetry went to Mira Solberg.")
	if len(e.ix.vocab.derived("poet")) == 0 {
		t.Error("poet should reach poetry")
	}
	if len(e.ix.vocab.derived("po")) != 0 {
		t.Error("a short stem reaches nothing")
	}
}

// A function word mistyped by one slip is recognised; a content word is not.
func TestMisspeltStopWord(t *testing.T) {
	for _, w := range []string{"shoud", "wich", "teh", "becuase"} {
		if !misspeltStopWord(w) {
			t.Errorf("%q should read as a mistyped function word", w)
		}
	}
	for _, w := range []string{"harbour", "ship", "zawahiri"} {
		if misspeltStopWord(w) {
			t.Errorf("%q is no mistyped function word", w)
		}
	}
}

// Function words WordNet does not list ("since", "although", "toward")
// say how a question is put, not what it is about: they are no concept,
// where a word WordNet lacks would otherwise weigh as a name does.
func TestFunctionWordsAreNoConcepts(t *testing.T) {
	e := vocabEngine("Fees have come down since the war, although costs rose toward the end.", "Since then the town has grown.")
	q := e.parse("Why have fees come down since the war, although costs rose toward the end?")
	for _, c := range q.concepts {
		if c.written == "since" || c.written == "although" || c.written == "toward" {
			t.Errorf("%q is a concept of weight %.2f", c.written, c.weight)
		}
	}
	if len(q.concepts) < 4 {
		t.Errorf("only %d concepts: the question's own words are lost", len(q.concepts))
	}
	// Typed in chat, a contraction without its apostrophe is no misspelt
	// "want" the passage must hold.
	// A preposition WordNet lists as an adverb ("around the time of",
	// "throughout the war") says as little.
	e = vocabEngine("Moscow held drills near the border this month.", "The border was quiet all year.")
	for _, c := range e.parse("Did Moscow hold drills near the border around the time of the vote, throughout the summer?").concepts {
		if c.written == "around" || c.written == "throughout" {
			t.Errorf("%q is a concept of weight %.2f", c.written, c.weight)
		}
	}
	e = vocabEngine("The harbour master is very ill, officials said.", "The harbour master wanted new cranes.")
	for _, c := range e.parse("wasnt the harbour master really sick").concepts {
		if c.written == "wasnt" {
			t.Errorf("%q is a concept of weight %.2f, alternatives %v", c.written, c.weight, c.alts)
		}
	}
}

// A number joined to the word it measures describes; a designation, a
// year or a figure is a number the answer must state.
func TestDescribesByNumber(t *testing.T) {
	for token, want := range map[string]bool{"26-year-old": true, "3-by-6-foot": true, "195-page": true, "B-52": false, "1960": false, "2,000": false, "200-500": false} {
		if got := describesByNumber(token); got != want {
			t.Errorf("describesByNumber(%q) = %v, want %v", token, got, want)
		}
	}
}

func TestContainsWord(t *testing.T) {
	for _, c := range []struct {
		s, w string
		want bool
	}{
		{"to send a message.", "message", true},
		{"message sent", "message", true},
		{"the messages were sent", "message", false},
		{"a passage", "age", false},
		{"", "age", false},
	} {
		if got := containsWord(c.s, c.w); got != c.want {
			t.Errorf("containsWord(%q, %q) = %v, want %v", c.s, c.w, got, c.want)
		}
	}
}

// The noun a name is asked of is the last of the phrase after "name of",
// names before it modifying it; a name with no noun after it is itself
// what is named. A passage naming others about the one asked after ("a
// kinship with John Sell Cotman") does not give the name of his wife.
func TestNamedHead(t *testing.T) {
	e := vocabEngine("Roy Mason is a landscape painter.", "The Shawnee leader gathered the tribes.")
	for question, want := range map[string]string{
		"What was the name of the Shawnee leader Madison blamed in 1811?":       "leader",
		"What is the name of Roy Mason's wife?":                                 "wife",
		"What was the name of the blonde girl riding in the car?":               "girl",
		"What was the name of the Peace Corps official who wrote the letter?":   "official",
		"What was the first name of Captain Heard, master of the ship Caravan?": "",
		"What was the name of the passenger caught lighting a match?":           "passenger",
		"Who is Roy Mason?": "",
	} {
		q := e.parse(question)
		got := ""
		if ci := q.conceptIndex(q.namedHead); ci >= 0 {
			got = q.concepts[ci].written
		}
		if got != want {
			t.Errorf("%q: the name is asked of %q, want %q", question, got, want)
		}
	}
	// A passage that would answer but for the wife it does not mention is
	// refused for want of the name asked for.
	e = linkedEngine([]*corpus.Document{corpus.New("d", "d.txt", corpus.Meta{}, []string{
		"Roy Mason is a landscape painter whose style has a kinship with John Sell Cotman.",
	})})
	q := e.parse("What is the name of Roy Mason's wife?")
	p := e.passageAt(&q, 0)
	p.answers = true
	e.score(&q, &p)
	if p.answers || p.lacks.what != lackNamed {
		t.Errorf("%q answers %v (%+v): it names no wife", e.text(&p), p.answers, p.lacks)
	}
}

// TestNameOfAPersonIsAPersonsName: a name asked of a person (WordNet files
// "passenger" under noun.person) is not given by a passage naming only a
// place or a group; one asked of a thing may be any name.
func TestNameOfAPersonIsAPersonsName(t *testing.T) {
	e := linkedEngine([]*corpus.Document{corpus.New("d", "d.txt", corpus.Meta{}, []string{
		"A passenger on the flight from Paris was caught lighting a match before the plane landed in Miami.",
		"The passenger Richard Reid was caught lighting a match on the flight from Paris.",
		"The ship Marevna was caught in a storm on the voyage from Paris.",
	})})
	for question, wantFirst := range map[string]string{
		"What was the name of the passenger caught lighting a match on the flight from Paris?": "Richard Reid",
		"What was the name of the ship caught in a storm on the voyage from Paris?":            "Marevna",
	} {
		res := e.Ask(question, 3)
		if !res.Answered || !strings.Contains(res.Answers[0].Text, wantFirst) {
			t.Errorf("%q: got %+v, want first the passage naming %s", question, res.Answers, wantFirst)
		}
	}
	q := e.parse("What was the name of the passenger caught lighting a match on the flight from Paris?")
	p := e.passageAt(&q, 0)
	e.score(&q, &p)
	if p.answers || p.lacks.what != lackNamed {
		t.Errorf("%q answers %v (%+v): it names a place, no passenger", e.text(&p), p.answers, p.lacks)
	}
}
