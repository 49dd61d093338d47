package actors

import (
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
	"briefbot/knowledge/words"
)

// TestSeedActors checks a broad list of the actors the seeds name: one
// actor per entry covering all the listed spellings, of the right kind.
func TestSeedActors(t *testing.T) {
	r := seeds(t)
	for _, want := range []struct {
		kind    Kind
		minDocs int
		aliases []string
	}{
		{Organization, 5, []string{"al-Qaeda", "al-Qaida", "Al-Qaida", "AQ"}},
		{Organization, 5, []string{"Taliban"}},
		{Organization, 4, []string{"Islamic State", "ISIS", "Isis"}},
		{Organization, 2, []string{"al-Qaeda in the Indian Subcontinent", "al-Qaida in the Indian Subcontinent", "AQIS"}},
		{Organization, 1, []string{"Islamic State Khorasan Province", "IS-KP"}},
		{Organization, 1, []string{"Uighur Turkestan Islamic Party", "TIP"}},
		{Organization, 2, []string{"Haqqani Network"}},
		{Organization, 1, []string{"Kabul Network"}},
		{Organization, 2, []string{"Islamic Movement of Uzbekistan"}},
		{Organization, 5, []string{"United Nations", "UN"}},
		{Organization, 1, []string{"NATO"}},
		{Organization, 2, []string{"CIA"}},
		{Organization, 1, []string{"Ministry of the Interior"}},
		{Organization, 1, []string{"Northern Alliance"}},
		{Organization, 1, []string{"Taliban Ministry of Defense", "Ministry of Defense"}},
		{Person, 4, []string{"Ayman al-Zawahiri", "al-Zawahiri", "Zawahiri"}},
		{Person, 5, []string{"Osama bin Laden", "bin Laden"}},
		{Person, 3, []string{"Hibatullah Akhundzada", "Haibatullah Akhundzada", "Mawlawi Hibatullah Akhundzada"}},
		{Person, 1, []string{"Sirajuddin Haqqani"}},
		{Person, 2, []string{"Mullah Omar", "Omar"}},
		{Person, 1, []string{"Abu Omar Khorasani", "Khorasani"}},
		{Person, 2, []string{"Ben Wallace", "Wallace"}},
		{Person, 1, []string{"Leon Panetta"}},
		{Person, 1, []string{"Anthony Blinken"}},
		{Person, 2, []string{"Joe Biden", "Biden"}},
		{Person, 2, []string{"Donald Trump", "Trump"}},
		{Person, 1, []string{"Mark Milley", "General Mark Milley"}},
		{Person, 1, []string{"Mike Pence"}},
		{Person, 1, []string{"Taj Mir Jawad", "Jawad"}},
		{Person, 1, []string{"Qari Ehsanullah Baryal", "Baryal"}},
		{Person, 1, []string{"Zalmay Khalilzad"}},
		{Person, 1, []string{"Atiyyat Allah al-Libi"}},
		{Person, 1, []string{"Michael McCaul"}},
		{Person, 1, []string{"Douglas London"}},
		{Person, 1, []string{"Aaron Zelin"}},
		{Person, 1, []string{"Cole Bunzel"}},
		{Person, 1, []string{"Asfandyar Mir"}},
		{Person, 1, []string{"James M. Dorsey"}},
		{Person, 1, []string{"Ashraf Ghani"}},
		{Place, 5, []string{"Afghanistan"}},
		{Place, 4, []string{"Pakistan"}},
		{Place, 4, []string{"Kabul"}},
		{Place, 4, []string{"Helmand"}},
		{Place, 4, []string{"Kandahar"}},
		{Place, 4, []string{"Nimruz"}},
		{Place, 1, []string{"Kunar"}},
		{Place, 1, []string{"Nuristan"}},
		{Place, 3, []string{"Middle East"}},
		{Place, 2, []string{"Central Asia"}},
		{Place, 3, []string{"Iran"}},
		{Place, 5, []string{"United States", "US", "U.S"}},
		{Place, 1, []string{"Pul-i-Charkhi"}},
	} {
		a := actorCovering(r, want.aliases)
		switch {
		case a == nil:
			t.Errorf("no one actor covers %q", want.aliases)
		case a.Kind != want.kind:
			t.Errorf("%s is a %s, want %s", a.Name, a.Kind, want.kind)
		case len(a.Docs) < want.minDocs:
			t.Errorf("%s is in %d documents, want %d", a.Name, len(a.Docs), want.minDocs)
		}
	}
}

func TestSeedKeepApart(t *testing.T) {
	r := seeds(t)
	for _, pair := range [][2]string{
		{"Sirajuddin Haqqani", "Haqqani Network"},
		{"al-Qaeda", "AQIS"},
		{"Mullah Omar", "Abu Omar Khorasani"},
		{"Islamic State", "IS-KP"},
		{"Taliban", "Kabul Network"},
	} {
		a, b := actorCovering(r, pair[:1]), actorCovering(r, pair[1:])
		if a == nil || b == nil || a == b {
			t.Errorf("%q and %q must be two actors (got %v, %v)", pair[0], pair[1], name(a), name(b))
		}
	}
	if h := actorCovering(r, []string{"Haqqani"}); h == nil || len(h.PossiblySame) == 0 {
		t.Errorf("a lone Haqqani should be listed as possibly the same as the person or the network: %+v", h)
	}
}

func TestSeedJunkIsNotListed(t *testing.T) {
	r := seeds(t)
	for _, junk := range strings.Fields(`Please Share Photograph Photo Monday Friday August June July However Despite
Moreover Although Setting Examples Senior Those Diplomats Others Some Executive Summary Image Source Evolution
Potential Implications Additionally Central South`) {
		for _, a := range r.All() {
			if words.Normalize(a.Name) == words.Normalize(junk) {
				t.Errorf("%q is listed as an actor", junk)
			}
		}
	}
	for _, a := range r.All() {
		if strings.Contains(a.Name, "Photograph") || strings.Contains(a.Name, "Overs") {
			t.Errorf("photo credit listed as an actor: %q", a.Name)
		}
	}
}

func TestSeedDescriptionsAreCitedVerbatim(t *testing.T) {
	r := seeds(t)
	for who, want := range map[string]string{
		"Ben Wallace":           "the UK defence secretary, Ben Wallace",
		"Leon Panetta":          "former US defence secretary Leon Panetta",
		"Abu Omar Khorasani":    "Khorasani was ISIS head in South Asia",
		"Taj Mir Jawad":         "Taj Mir Jawad, a senior Taliban commander",
		"Mark Milley":           "chairman of the US Joint Chiefs of Staff",
		"Hibatullah Akhundzada": "supreme leader",
	} {
		a := actorCovering(r, []string{who})
		if a == nil {
			t.Errorf("no actor %s", who)
			continue
		}
		found := false
		for _, d := range a.Descriptions {
			found = found || strings.Contains(d.Text, want)
		}
		if !found {
			t.Errorf("%s: no description containing %q in %+v", who, want, a.Descriptions)
		}
	}
	docs := map[string]*corpus.Document{}
	for _, d := range ingest.Seeds() {
		docs[d.ID] = d
	}
	for _, a := range r.All() {
		if len(a.Descriptions) > 0 && a.Description != a.Descriptions[0].Text {
			t.Errorf("%s: Description is not the best one", a.Name)
		}
		for _, d := range a.Descriptions {
			if len(d.Citations) == 0 {
				t.Errorf("%s: description %q has no citation", a.Name, d.Text)
			}
			for _, c := range d.Citations {
				if !strings.Contains(c.Quote, d.Text) || !strings.Contains(docs[c.Doc].Text, c.Quote) || c.Paragraph < 1 {
					t.Errorf("%s: %q is not verbatim in its citation %+v", a.Name, d.Text, c)
				}
			}
		}
	}
}

func TestSeedRelations(t *testing.T) {
	r := seeds(t)
	taliban := actorCovering(r, []string{"Taliban"})
	rel := r.Related(taliban.ID)
	if len(rel) == 0 || rel[0].Name != "al-Qaeda" || rel[0].Docs < 3 || rel[0].Strength < 10 {
		t.Fatalf("Taliban's strongest link should be al-Qaeda in at least 3 documents: %+v", rel[:min(2, len(rel))])
	}
	if corpus.DistinctDocs(rel[0].Citations) < 3 {
		t.Errorf("the citations should come from several documents: %d", corpus.DistinctDocs(rel[0].Citations))
	}
	for i := 1; i < len(rel); i++ {
		if rel[i].Strength > rel[i-1].Strength {
			t.Fatal("relations are not strongest first")
		}
	}
	if r.Related("no-such-actor") != nil {
		t.Error("unknown id should have no relations")
	}
}

func TestInSentenceAndMentions(t *testing.T) {
	r := seeds(t)
	wallace := actorCovering(r, []string{"Ben Wallace"})
	m := wallace.Mentioned[0]
	in := r.InSentence(m.Doc, int(m.Sentence))
	if !containsActor(in, wallace) {
		t.Errorf("InSentence misses Ben Wallace: %v", names(in))
	}
	if r.InSentence(m.Doc, -1) != nil || r.InSentence(m.Doc, 1<<20) != nil || r.InSentence(&corpus.Document{}, 0) != nil {
		t.Error("out-of-range sentences should give nothing")
	}
	for _, a := range r.All() {
		if a.Mentions != len(a.Mentioned) || a.Mentions == 0 && len(a.Authored) == 0 {
			t.Fatalf("%s: %d mentions, %d spans", a.Name, a.Mentions, len(a.Mentioned))
		}
		for _, m := range a.Mentioned {
			s := m.Doc.Sentences[m.Sentence]
			if m.Start < s.Start || m.End > s.End || m.Start >= m.End {
				t.Fatalf("%s: mention %d-%d outside its sentence %d-%d", a.Name, m.Start, m.End, s.Start, s.End)
			}
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, b := Build(ingest.Seeds()), Build(ingest.Seeds())
	if len(a.All()) != len(b.All()) {
		t.Fatal("different numbers of actors")
	}
	for i := range a.All() {
		x, y := a.All()[i], b.All()[i]
		if x.ID != y.ID || x.Name != y.Name || strings.Join(x.Aliases, "|") != strings.Join(y.Aliases, "|") {
			t.Fatalf("actor %d differs: %s/%s vs %s/%s", i, x.ID, x.Name, y.ID, y.Name)
		}
		if a.ByID(x.ID) != x {
			t.Fatalf("ByID(%q) is not the actor", x.ID)
		}
	}
	for _, k := range []Kind{Person, Organization, Place, Other} {
		for _, x := range a.OfKind(k) {
			if x.Kind != k {
				t.Fatalf("OfKind(%s) returned a %s", k, x.Kind)
			}
		}
	}
}

func TestBuildOnNothing(t *testing.T) {
	for _, docs := range [][]*corpus.Document{nil, {nil}, {corpus.New("e", "e.txt", corpus.Meta{}, nil)}} {
		r := Build(docs)
		if len(r.All()) != 0 || r.ByID("x") != nil || len(r.Complete("ab")) != 0 || r.Resolve("Kabul") != nil || len(r.Match("Kabul")) != 0 {
			t.Errorf("an empty corpus should give empty answers")
		}
		if best, _ := r.Lookup("kabul"); best != nil {
			t.Error("Lookup on an empty corpus found something")
		}
	}
}

func containsActor(as []*Actor, a *Actor) bool {
	for _, x := range as {
		if x == a {
			return true
		}
	}
	return false
}

// An actor's mentions run in document order, each document's together, as
// mentionDocs counts on; its Docs list each document once.
func TestMentionsRunInDocumentOrder(t *testing.T) {
	docs := ingest.Seeds()
	order := map[string]int{}
	for i, d := range docs {
		order[d.ID] = i
	}
	multi := 0
	for _, a := range Build(docs).All() {
		for i := 1; i < len(a.Mentioned); i++ {
			if order[a.Mentioned[i].Doc.ID] < order[a.Mentioned[i-1].Doc.ID] {
				t.Fatalf("%s: a mention of %s after one of %s", a.Name, a.Mentioned[i].Doc.ID, a.Mentioned[i-1].Doc.ID)
			}
		}
		seen := map[string]bool{}
		for _, id := range a.Docs {
			if seen[id] {
				t.Fatalf("%s: %s listed twice in %v", a.Name, id, a.Docs)
			}
			seen[id] = true
		}
		if len(a.Docs) > 1 {
			multi++
		}
	}
	if multi == 0 {
		t.Error("no actor is mentioned by two documents: the order is not tested")
	}
}
