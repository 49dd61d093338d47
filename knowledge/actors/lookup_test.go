package actors

import (
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
)

func TestLookupToleratesTypos(t *testing.T) {
	r := seeds(t)
	for q, want := range map[string]string{
		"zawahri":           "Ayman al-Zawahiri",
		"Zawahiri":          "Ayman al-Zawahiri",
		"haibatulah":        "Hibatullah Akhundzada",
		"alqaeda":           "al-Qaeda",
		"al qaida":          "al-Qaeda",
		"sirajudin hakkani": "Sirajuddin Haqqani",
		"antony blinken":    "Anthony Blinken",
		"isis":              "Islamic State",
		"mullah omar":       "Mullah Omar",
		"taliban":           "Taliban",
		"kabuls":            "Kabul",
		"AQIS":              "al-Qaeda in the Indian Subcontinent",
	} {
		best, cands := r.Lookup(q)
		if best == nil || best.Name != want {
			t.Errorf("Lookup(%q) = %v, want %s (candidates %v)", q, name(best), want, names(cands))
		}
		if len(cands) > MaxCandidates || len(cands) == 0 || cands[0] != best {
			t.Errorf("Lookup(%q): %d candidates, first %v", q, len(cands), names(cands[:min(1, len(cands))]))
		}
	}
}

func TestLookupKeepsApart(t *testing.T) {
	r := seeds(t)
	for q, want := range map[string]string{
		"Sirajuddin Haqqani": "Sirajuddin Haqqani",
		"Haqqani Network":    "Haqqani Network",
		"Abu Omar Khorasani": "Abu Omar Khorasani",
		"Omar":               "Mullah Omar",
	} {
		if best, _ := r.Lookup(q); best == nil || best.Name != want {
			t.Errorf("Lookup(%q) = %v, want %s", q, name(best), want)
		}
	}
}

func TestComplete(t *testing.T) {
	r := seeds(t)
	for prefix, want := range map[string]string{"zaw": "Ayman al-Zawahiri", "tali": "Taliban", "helm": "Helmand", "al-q": "al-Qaeda",
		"hibat": "Hibatullah Akhundzada", "helmand prov": "Helmand", "us": "United States", "sirajudin": "Sirajuddin Haqqani"} {
		got := r.Complete(prefix)
		if len(got) == 0 || len(got) > MaxCandidates || got[0].Name != want {
			t.Errorf("Complete(%q) = %v, want %s first", prefix, names(got), want)
		}
	}
	if got := r.Complete("the"); len(got) != 0 {
		t.Errorf("Complete(the) = %v, want nothing", names(got))
	}
}

func TestBadQueriesGiveEmptyResults(t *testing.T) {
	r := seeds(t)
	for _, q := range []string{"", " ", "z", "\x00\x01zawahiri", "zawa\u0007hiri", strings.Repeat("zawahiri ", 1200), "Tалибан", "zawahiri\ufffd\xff", "\xff\xfe"} {
		if best, cands := r.Lookup(q); best != nil || len(cands) > 0 {
			t.Errorf("Lookup(%.20q) = %v, %d candidates", q, name(best), len(cands))
		}
		if got := r.Complete(q); len(got) > 0 {
			t.Errorf("Complete(%.20q) = %v", q, names(got))
		}
		if a := r.Resolve(q); a != nil && len(q) > 100 {
			t.Errorf("Resolve(%.20q) = %v", q, a.Name)
		}
		_ = r.Match(q)
	}
}

func TestResolveSpeakers(t *testing.T) {
	r := seeds(t)
	for phrase, want := range map[string]string{
		"Ben Wallace":                           "Ben Wallace",
		"Wallace":                               "Ben Wallace",
		"UK defence secretary Ben Wallace":      "Ben Wallace",
		"al-Qaedas":                             "al-Qaeda",
		"Kabuls":                                "Kabul",
		"the Taliban":                           "Taliban",
		"General Mark Milley":                   "Mark Milley",
		"Ben Wallace, the UK defence secretary": "Ben Wallace",
	} {
		if a := r.Resolve(phrase); a == nil || a.Name != want {
			t.Errorf("Resolve(%q) = %v, want %s", phrase, name(a), want)
		}
	}
	for _, phrase := range []string{"a retired counterterrorism official", "zawahiri network", "US intelligence services", "western and other security officials"} {
		if a := r.Resolve(phrase); a != nil {
			t.Errorf("Resolve(%q) = %v, want nil", phrase, a.Name)
		}
	}
}

func TestMatchQuestion(t *testing.T) {
	r := seeds(t)
	spans := r.Match("Where does zawahri live, and is alqaeda still close to the Taliban in Helmand? Tell us.")
	var got []string
	for _, s := range spans {
		got = append(got, s.Actor.Name)
	}
	want := "Ayman al-Zawahiri|al-Qaeda|Taliban|Helmand"
	if strings.Join(got, "|") != want {
		t.Errorf("Match = %q, want %s", got, want)
	}
	if len(spans) > 0 && (spans[0].Text != "zawahri" || !spans[0].Fuzzy) {
		t.Errorf("first span = %+v", spans[0])
	}
	for q, want := range map[string]string{
		"What has Hibatullah said?":            "Hibatullah Akhundzada", // one word of a full name
		"tell me about isis":                   "Islamic State",         // an acronym typed in lower case
		"Who leads the Haqqani network?":       "Haqqani Network",
		"sirajudin hakkani and the ministry":   "Sirajuddin Haqqani",
		"What did Ben Wallace say of Kabul's?": "Ben Wallace",
	} {
		if got := r.Match(q); len(got) == 0 || got[0].Actor.Name != want {
			t.Errorf("Match(%q) = %+v, want %s first", q, got, want)
		}
	}
	for _, q := range []string{"us troops left", "the state of the network", "what is going on"} {
		if got := r.Match(q); len(got) != 0 {
			t.Errorf("Match(%q) found %s in ordinary words", q, got[0].Actor.Name)
		}
	}
	// One word of a name, run on into a capitalised word the name lacks,
	// is another name: "Hibatullah Mosque" is not Hibatullah Akhundzada.
	for _, got := range r.Match("Who prays at the Hibatullah Mosque?") {
		if got.Actor.Name == "Hibatullah Akhundzada" {
			t.Errorf("Match found %s in another name: %+v", got.Actor.Name, got)
		}
	}
}

func names(as []*Actor) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Name
	}
	return out
}

func TestQueriesAreSafeConcurrently(t *testing.T) {
	r := seeds(t)
	done := make(chan []string)
	for range 4 {
		go func() {
			var got []string
			for range 50 {
				got = names(r.Complete("zawa"))
				r.Lookup("sirajudin hakkani")
				r.Match("alqaeda in helmand")
				r.Resolve("Wallace")
			}
			done <- got
		}()
	}
	for range 4 {
		if got := <-done; len(got) == 0 || got[0] != "Ayman al-Zawahiri" {
			t.Errorf("concurrent Complete = %v", got)
		}
	}
}

// Actors kept apart may share a name; which comes first must not depend on
// the order a map is read in, or one question would get two answers.
func TestRankBreaksTiesBetweenNamesakes(t *testing.T) {
	namesakes := []*Actor{
		{ID: "speaker-1", Name: "Speaker", Kind: Person, Mentions: 3},
		{ID: "speaker-2", Name: "Speaker", Kind: Organization, Mentions: 3},
		{ID: "speaker-3", Name: "Speaker", Kind: Place, Mentions: 3},
	}
	ix := newNameIndex(namesakes)
	q, ok := newQuery("speaker", false)
	if !ok {
		t.Fatal("no query")
	}
	for range 50 {
		got := ix.rank(q)
		if len(got) != 3 || got[0].actor != 0 || got[1].actor != 1 || got[2].actor != 2 {
			t.Fatalf("namesakes ranked %v, want registry order 0, 1, 2", got)
		}
	}
}

// A misspelt surname after a given name spelt right is looked up with the
// given name: "Benjamin Harisson" is Benjamin Harrison, not the other
// Harrison the surname alone comes nearest to.
func TestMatchMisspeltSurnameWithItsGivenName(t *testing.T) {
	r := Build([]*corpus.Document{corpus.New("a", "a.txt", corpus.Meta{}, []string{
		"William Harrison spoke first. Later Harrison spoke again, and Harrison left.",
		"Benjamin Harrison answered him. Benjamin Franklin wrote of it.",
	})})
	got := r.Match("What did Benjamin Harisson say?")
	if len(got) != 1 || got[0].Actor.Name != "Benjamin Harrison" || got[0].Text != "Benjamin Harisson" {
		t.Errorf("Match = %+v, want Benjamin Harrison for both words", got)
	}
	if got := r.Match("the Harisson benefits"); len(got) != 1 || got[0].Text != "Harisson" {
		t.Errorf("Match = %+v, want the misspelt word alone: ordinary words join no name", got)
	}
}
