package lexicon

import (
	"slices"
	"testing"
)

func kindOf(rels []Relation, word string) (Kind, bool) {
	for _, r := range rels {
		if r.Word == word {
			return r.Kind, true
		}
	}
	return 0, false
}

func TestRelatedReachesEachKind(t *testing.T) {
	cases := []struct {
		word, related string
		kind          Kind
	}{
		{"leads", "leader", Derived},
		{"failed", "failure", Derived},
		{"execute", "execution", Derived},
		{"kill", "die", Entails},
		{"beijing", "china", Holonym},
		{"alive", "dead", Antonym},
		{"toppled", "tumble", Synonym},
		{"spend", "invest", Hyponym},
		{"raise", "increase", Synonym}, // through the compound "wage_increase"
		{"premier", "head", Hypernym},  // through "head_of_state"
	}
	for _, c := range cases {
		k, ok := kindOf(Related(c.word), c.related)
		if !ok || k != c.kind {
			t.Errorf("Related(%q): %q kind %v, found %v; want kind %v", c.word, c.related, k, ok, c.kind)
		}
	}
}

func TestRelatedClosestKindFirst(t *testing.T) {
	rels := Related("war")
	if len(rels) == 0 {
		t.Fatal("war has no relations")
	}
	if !slices.IsSortedFunc(rels, func(a, b Relation) int { return int(a.Kind) - int(b.Kind) }) {
		t.Errorf("relations not sorted by kind: %v", rels)
	}
	for _, r := range rels {
		if r.Word == "war" {
			t.Error("a word is not related to itself")
		}
	}
}

func TestKnownTellsWordsFromNames(t *testing.T) {
	for _, w := range []string{"jailbreaks", "toppled", "outlook", "wider"} {
		if !Known(w) {
			t.Errorf("Known(%q) = false", w)
		}
	}
	for _, w := range []string{"zawahiri", "lewinsky", "", "x", "qzxv"} {
		if Known(w) {
			t.Errorf("Known(%q) = true", w)
		}
	}
}

func TestLemmasUndoDoubledConsonant(t *testing.T) {
	if l := Lemmas("stopped"); !slices.Contains(l, "stop") {
		t.Errorf("Lemmas(stopped) = %v, want stop among them", l)
	}
}

func TestSensesRankGenericWordsHigher(t *testing.T) {
	if Senses("take") <= Senses("sanctuary") || Senses("sanctuary") == 0 {
		t.Errorf("Senses(take) = %d, Senses(sanctuary) = %d", Senses("take"), Senses("sanctuary"))
	}
	if Senses("zawahiri") != 0 {
		t.Error("a name has no senses")
	}
}

// A word with more kinds than maxHyponyms ("change", "person") stands for
// none of them.
func TestHyponymsOfAVeryGeneralWordAreLeftOut(t *testing.T) {
	for _, r := range Related("person") {
		if r.Kind == Hyponym {
			t.Fatalf("person relates to its kind %q", r.Word)
		}
	}
}

// An irregular form is read as its lemma, through WordNet's exception
// lists, and relates as the lemma does.
func TestIrregularFormsReadAsTheirLemma(t *testing.T) {
	if got := Lemmas("crept"); !slices.Contains(got, "creep") || slices.Contains(got, "crept") {
		t.Errorf("Lemmas(crept) = %v, want creep and not crept itself", got)
	}
	if got := Lemmas("found"); !slices.Contains(got, "found") || !slices.Contains(got, "find") {
		t.Errorf("Lemmas(found) = %v, want both the verb found and find", got)
	}
	if !slices.Contains(Lemmas("remedied"), "remedy") {
		t.Errorf("Lemmas(remedied) = %v, want remedy", Lemmas("remedied"))
	}
	if !Known("mice") || Senses("crept") == 0 {
		t.Errorf("irregular forms should be known words with their lemma's senses")
	}
	for _, r := range Related("crept") {
		if r.Word == "creep" || r.Word == "i" {
			t.Errorf("Related(crept) holds %q: the inflection group is not a relation", r.Word)
		}
	}
}

func TestPhrasalVerbs(t *testing.T) {
	for _, c := range []struct {
		words   []string
		related string
	}{
		{[]string{"came", "out"}, "emerge"},
		{[]string{"sped", "up"}, "accelerate"},
		{[]string{"set", "up"}, "establish"},
		{[]string{"catching", "up", "with"}, "overtake"},
		{[]string{"turned", "out"}, "prove"},
		{[]string{"put", "to", "death"}, "execute"},
		{[]string{"took", "place"}, "occur"},
		{[]string{"take", "into", "account"}, "allow"},
	} {
		if _, ok := kindOf(Phrasal(c.words[0], c.words[1:]...), c.related); !ok {
			t.Errorf("Phrasal(%q) lacks %q", c.words, c.related)
		}
	}
	for _, ws := range [][]string{{"lived", "in"}, {"came", "up", "with"}, {"kabul", "out"}} {
		if rels := Phrasal(ws[0], ws[1:]...); len(rels) > 0 {
			t.Errorf("Phrasal(%q) = %v, want none", ws, rels)
		}
	}
}

// WordNet writes names capitalised: a word it writes only so is a name, one
// it also writes in lower case is a common word too.
func TestNameTellsNamesFromWords(t *testing.T) {
	for word, want := range map[string]bool{
		"tajikistan": true, "paris": true, "australia": true,
		"eve": false, "flint": false, "river": false, "rivers": false, "zzzzq": false,
	} {
		if got := Name(word); got != want {
			t.Errorf("Name(%q) = %v, want %v", word, got, want)
		}
	}
}

// A compound's head stands for it only for common nouns: "china", the
// last word of Beijing's other name "capital_of_Red_China", is no synonym
// of Beijing (China is the whole Beijing is part of).
func TestCompoundNamesHaveNoHead(t *testing.T) {
	if k, ok := kindOf(Related("beijing"), "china"); !ok || k != Holonym {
		t.Errorf(`Related("beijing"): china kind %v, found %v; want the holonym`, k, ok)
	}
}

// A pointer to a name of several words ("British": of Great Britain)
// reaches that name's one-word names, which an index of single words meets.
func TestNamesOfSeveralWordsReachTheirOneWordNames(t *testing.T) {
	for word, name := range map[string]string{"british": "uk", "soviet": "russia"} {
		if k, ok := kindOf(Related(word), name); !ok || k != Derived {
			t.Errorf("Related(%q): %s kind %v, found %v; want a derived form", word, name, k, ok)
		}
	}
}

func TestCategoryIsTheFirstNounSense(t *testing.T) {
	for word, want := range map[string]string{
		"passengers": "person", "admiral": "person", "president": "person",
		"city": "location", "company": "group", "horse": "animal", "quickly": "",
	} {
		if got := Category(word); got != want {
			t.Errorf("Category(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestIsLemmaTellsWordsFromForms(t *testing.T) {
	for word, want := range map[string]bool{"men": true, "shot": true, "caught": false, "admiral": true, "zzyzx": false} {
		if got := IsLemma(word); got != want {
			t.Errorf("IsLemma(%q) = %v, want %v", word, got, want)
		}
	}
}
