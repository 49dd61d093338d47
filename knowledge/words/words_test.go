package words

import (
	"strings"
	"testing"
)

func TestNormalizeFollowsTheEvalRule(t *testing.T) {
	for in, want := range map[string]string{
		"“Al-Qaida will probably come back”": "al qaida will probably come back",
		"$20m a year":                        "$20m a year",
		"200–500 men":                        "200 500 men",
		"ＡＢＣ":                                "abc",
		"  ":                                 "",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKeyFoldsLostApostrophes(t *testing.T) {
	a, b, c := Key("al-Qaeda’s"), Key("al-Qaeda's"), Key("al-Qaedas")
	if a != b || b != c || a != "al qaedas" {
		t.Errorf("keys differ: %q %q %q", a, b, c)
	}
	if Key("Kabul’s") != Key("Kabuls") {
		t.Error("Kabul’s and Kabuls should fold alike")
	}
	if got := Key("Würzburg"); got != "würzburg" {
		t.Errorf("letters of other scripts must be kept: %q", got)
	}
}

func TestTokenize(t *testing.T) {
	s := "al-Qaeda’s 200-500 men, $20m and 2,000 U.S. troops."
	var got []string
	for _, tok := range Tokenize(s) {
		if s[tok.Start:tok.End] != tok.Text {
			t.Fatalf("offsets of %q are wrong", tok.Text)
		}
		got = append(got, tok.Text)
	}
	want := "al-Qaeda’s|200-500|men|$20m|and|2,000|U.S|troops"
	if strings.Join(got, "|") != want {
		t.Errorf("Tokenize = %q, want %q", strings.Join(got, "|"), want)
	}
	if len(Tokenize("")) != 0 || len(Tokenize("!!! ---")) != 0 {
		t.Error("no words expected")
	}
}

func TestStemAndStop(t *testing.T) {
	if Stem("killed") != Stem("killing") {
		t.Error("killed and killing should share a stem")
	}
	if Stem("al") != "al" || Stem("ümlaut") != "ümlaut" {
		t.Error("short and non-ASCII words are left alone")
	}
	if !IsStop("the") || IsStop("taliban") {
		t.Error("stop words wrong")
	}
	// Typed in chat without the apostrophe, a contraction is still a
	// function word, not a misspelling of "want" or "done".
	for _, w := range []string{"wasnt", "dont", "theyre", "cant"} {
		if !IsStop(w) {
			t.Errorf("%q is a contraction without its apostrophe, a stop word", w)
		}
	}
	if IsStop("ill") || IsStop("well") {
		t.Error(`"ill" and "well" are words, not "I'll" and "we'll"`)
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 documents", 1: "1 document", 2: "2 documents", -1: "-1 documents"} {
		if got := Count(n, "document"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestIsCapitalised(t *testing.T) {
	for w, want := range map[string]bool{"Kabul": true, "Éire": true, "Ωmega": true, "kabul": false, "al-Qaeda": false, "": false, "2021": false, "طالبان": false} {
		if got := IsCapitalised(w); got != want {
			t.Errorf("IsCapitalised(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestSet(t *testing.T) {
	s := Set("a  b\nc")
	if len(s) != 3 || !s["a"] || !s["b"] || !s["c"] || s[""] {
		t.Errorf("Set = %v", s)
	}
}

func TestScript(t *testing.T) {
	if Script('a') != Script('Z') || Script('a') != Script('é') {
		t.Error("Latin letters are one script")
	}
	if Script('a') == Script('б') || Script('б') == Script('ب') {
		t.Error("Latin, Cyrillic and Arabic are told apart")
	}
	if Script('1') != -1 || Script(' ') != -1 {
		t.Error("digits and spaces are no script")
	}
	if Script('ა') != NumScripts { // Georgian: a letter of a script not told apart
		t.Errorf("Script(Georgian) = %d, want %d", Script('ა'), NumScripts)
	}
	if s := Set("prime_minister a"); !s["prime minister"] || !s["a"] {
		t.Errorf("Set = %v", s)
	}
}

// TestKeyOfASCIIAsOfUnicode: the ASCII fast path folds as the general one
// does (the general one is reached through a non-ASCII letter appended and
// then cut off its key).
func TestKeyOfASCIIAsOfUnicode(t *testing.T) {
	for _, s := range []string{"", "Al-Qaeda's  leader", "U.S. $2,000,000 (est.)", "O'Neill`s", "  --  ", "A1 b2_C3", "TALIBAN\tSEIZE\nKABUL", "x'", "'x", "$"} {
		general := strings.TrimSuffix(Key(s+" é"), "é")
		if got := Key(s); got != strings.TrimSpace(general) {
			t.Errorf("Key(%q) = %q, the general fold gives %q", s, got, general)
		}
	}
}

// FirstTokens is Tokenize's prefix.
func TestFirstTokens(t *testing.T) {
	s := "Al-Qaeda's leader, Ayman al-Zawahiri, was killed in 2022 -- U.S. officials said."
	all := Tokenize(s)
	for n := 0; n <= len(all)+2; n++ {
		got := FirstTokens(s, n)
		want := all[:min(n, len(all))]
		if len(got) != len(want) {
			t.Fatalf("FirstTokens(%d) = %d tokens, want %d", n, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("FirstTokens(%d)[%d] = %+v, want %+v", n, i, got[i], want[i])
			}
		}
	}
}

// BenchmarkTerms: the claims' merge takes the terms of every claim; only
// the terms are kept, so the tokens they come from need no allocation.
func BenchmarkTerms(b *testing.B) {
	s := "The Taliban’s five-year rule over Afghanistan between 1996 and 2001 saw the Islamist group form ties with Osama bin Laden’s al-Qaeda, providing their fellow fundamentalists with a safe haven."
	b.ReportAllocs()
	for b.Loop() {
		if len(Terms(s)) == 0 {
			b.Fatal("no terms")
		}
	}
}
