package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"briefbot/knowledge/words"
)

// wordsOf splits one token into the folded words the index knows it by,
// the whole token last: "al-Qaeda’s" gives "al", "qaeda" and, because
// people also write the name run together, "alqaeda"; "2,996" gives "2996"
// and "$20m" stays whole. A contraction is read as its word ("that's" is
// "that", "88's" is "88") and a negation ("isn't") as nothing: questions and
// sentences then meet on the word, and the stop list sees it.
func wordsOf(token string, add func(string)) {
	token, ok := withoutClitic(token)
	if !ok {
		return
	}
	if strings.ContainsFunc(token, unicode.IsDigit) {
		n := strings.ToLower(strings.ReplaceAll(token, ",", ""))
		if strings.Contains(n, "-") {
			for _, p := range strings.Split(n, "-") {
				add(p)
			}
		}
		add(n)
		return
	}
	k := words.Key(token)
	if !strings.Contains(k, " ") {
		add(k)
		return
	}
	for _, p := range strings.Fields(k) {
		add(p)
	}
	add(strings.ReplaceAll(k, " ", ""))
}

// clitics are the tails a contraction or a possessive adds to a word.
var clitics = words.Set(`s re ve ll d m`)

// withoutClitic drops a contraction's or a possessive's tail ("Laden's" ->
// "Laden", "you're" -> "you"); ok is false for a negation ("didn't"), which
// names nothing to look for. Other apostrophes ("O'Brien", "'90s") stay.
func withoutClitic(token string) (word string, ok bool) {
	i := strings.LastIndexAny(token, "'’")
	if i <= 0 {
		return token, true
	}
	_, size := utf8.DecodeRuneInString(token[i:])
	head, tail := token[:i], strings.ToLower(token[i+size:])
	switch {
	case tail == "t" && strings.HasSuffix(strings.ToLower(head), "n"):
		return "", false
	case clitics[tail]:
		return head, true
	}
	return token, true
}

// termOf maps a folded word to the term the index stores: its irregular
// forms folded to the lemma ("shot" -> "shoot", "paid" -> "pay") and then
// stemmed, so "shooting", "shot" and "shoots" meet. Stop words have no term.
func termOf(w string) string {
	if w == "" || words.IsStop(w) {
		return ""
	}
	if l, ok := lemmas[w]; ok {
		w = l
	}
	return words.Stem(americanSpelling(w))
}

// britishEndings fold British spellings into American ones, the same on
// both sides of the index, so "neighbour" meets "neighbors" and
// "organisation" meets "organization". Only longer words are folded; a
// false fold ("devour") merges nothing.
var britishEndings = []struct{ from, to string }{
	{"isation", "ization"}, {"isations", "izations"}, {"ise", "ize"}, {"ised", "ized"},
	{"ises", "izes"}, {"ising", "izing"}, {"yse", "yze"}, {"ysed", "yzed"},
	{"our", "or"}, {"ours", "ors"}, {"oured", "ored"}, {"ouring", "oring"},
	{"ourhood", "orhood"}, {"ence", "ense"}, {"tre", "ter"}, {"tres", "ters"},
}

const minFoldedLength = 6

func americanSpelling(w string) string {
	if len(w) < minFoldedLength {
		return w
	}
	for _, e := range britishEndings {
		if strings.HasSuffix(w, e.from) {
			return w[:len(w)-len(e.from)] + e.to
		}
	}
	return w
}

// lemmas folds irregular English forms the stemmer leaves apart. Only forms
// with one common reading are listed ("found" and "left" are not).
var lemmas = map[string]string{
	"shot": "shoot", "paid": "pay", "took": "take", "taken": "take", "won": "win",
	"fought": "fight", "led": "lead", "fled": "flee", "held": "hold", "sent": "send",
	"began": "begin", "begun": "begin", "gave": "give", "given": "give", "wrote": "write",
	"written": "write", "made": "make", "knew": "know", "known": "know", "spoke": "speak",
	"spoken": "speak", "chose": "choose", "chosen": "choose", "seen": "see", "saw": "see",
	"went": "go", "gone": "go", "came": "come", "became": "become", "brought": "bring",
	"bought": "buy", "caught": "catch", "thought": "think", "sought": "seek",
	"struck": "strike", "fell": "fall", "fallen": "fall", "hid": "hide", "hidden": "hide",
	"lost": "lose", "met": "meet", "ran": "run", "men": "man", "women": "woman",
	"children": "child", "dead": "die", "death": "die", "deaths": "die", "died": "die",
	"arose": "arise", "drove": "drive", "driven": "drive", "grew": "grow", "grown": "grow",
	"hung": "hang", "kept": "keep", "rode": "ride", "rose": "rise", "stole": "steal",
	"stolen": "steal", "swore": "swear", "sworn": "swear", "threw": "throw", "thrown": "throw",
	"wore": "wear", "worn": "wear", "beaten": "beat", "bled": "bleed", "blew": "blow",
	"blown": "blow", "broke": "break", "broken": "break", "built": "build", "dealt": "deal",
	"fed": "feed", "felt": "feel", "forgave": "forgive", "forgot": "forget", "froze": "freeze",
	"frozen": "freeze", "heard": "hear", "hit": "hit", "lent": "lend", "meant": "mean",
	"slain": "slay", "freed": "free", "slew": "slay", "sold": "sell", "spent": "spend",
	"stood": "stand", "taught": "teach", "understood": "understand", "woke": "wake",
}
