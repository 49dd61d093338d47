package actors

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"briefbot/knowledge/words"
)

// token is one word of a sentence as the name finder sees it.
type token struct {
	text       string // as written, without a possessive ending
	key        string // folded form of text
	start, end int    // byte span of text in the sentence
	outer      int    // end of the word as written (possessive or compound tail included)
	initial    bool   // opens the sentence or a clause
	lowerCase  bool   // starts with a lowercase letter and is no name (neither it nor nameShaped in a sentence in capitals)
	nameShaped bool   // capitalised, an acronym, or al-/bin- prefixed
	acronym    bool
	closes     bool // a possessive or a modifier compound ("Taliban-led") ends a name here
	compound   bool // part of a hyphenated compound
	headline   bool // inside a run of title case ("Plan to Rebuild and Legitimize")
	gapBefore  bool // punctuation other than an initial's full stop separates it from the previous token
	dotted     bool // a full stop follows at once ("M." in "James M. Dorsey")
}

// sentenceTokens splits a sentence into tokens. Hyphenated modifiers keep
// only their named part ("Taliban-controlled" -> "Taliban"), and compounds
// of two names used as modifiers are split ("Israel-Gaza crisis").
func sentenceTokens(s string, keys keyCache) []token {
	return appendSentenceTokens(nil, s, keys, nil)
}

// compoundParts judges the parts of a hyphenated name by how the corpus
// and the dictionary use them; nil while the vocabulary is still being
// counted, when compounds split as written.
type compoundParts interface {
	// modifierTail: a lowercase part after a name is an English word
	// ("Taliban-controlled"), not a syllable of the name ("Shan-tung").
	modifierTail(part string) bool
	// standsAlone: a capitalised part is a word or name by itself
	// ("Afghanistan-Pakistan"), not half of one name ("Viet-Nam").
	standsAlone(part string) bool
}

// appendSentenceTokens appends the tokens of s to out, so that a reader of
// many sentences can reuse one buffer.
func appendSentenceTokens(out []token, s string, keys keyCache, parts compoundParts) []token {
	buf := rawTokens.Get().(*[]words.Token)
	defer rawTokens.Put(buf)
	*buf = words.AppendTokens((*buf)[:0], s)
	raw := *buf
	first := len(out)
	prevEnd := 0
	for i, r := range raw {
		t := token{text: r.Text, start: r.Start, end: r.End, outer: r.End, dotted: strings.HasPrefix(s[r.End:], ".")}
		t.gapBefore = i > 0 && separated(s[prevEnd:r.Start], out[len(out)-1].text)
		t.initial = i == 0 || opensClause(s, r.Start)
		prevEnd = r.End
		if p := stripPossessive(stripContraction(t.text)); p != t.text {
			t.text, t.end, t.closes = p, t.start+len(p), true
		}
		if !hyphenated(t.text) {
			out = appendFinished(out, t, keys) // most words: no compound to split
			continue
		}
		nextNamed := i+1 < len(raw) && isNameShaped(raw[i+1].Text) && !separated(s[r.End:raw[i+1].Start], "")
		out = appendCompound(out, t, nextNamed, keys, parts)
	}
	if shouting(raw) {
		for i := first; i < len(out); i++ {
			out[i].nameShaped, out[i].acronym = false, false
		}
	} else {
		unshoutHeadings(out[first:])
	}
	return out
}

// unshoutHeadings unnames the words of a heading in capitals run into a
// sentence ("CONDITION OF THE TREASURY The condition of the Treasury is
// ..."): three words in capitals or more, or two with a function word
// among them. Its "OF" and "THE" are no acronyms, and its words, as in a
// sentence in capitals, tell no name from any other; an acronym among
// ordinary words ("the US and the UN") stays one.
func unshoutHeadings(toks []token) {
	for i := 0; i < len(toks); {
		j, function := i, false
		for j < len(toks) && inCapitals(toks[j].text) {
			function = function || words.IsStop(toks[j].key)
			j++
		}
		if n := j - i; n >= 3 || n == 2 && function {
			for k := i; k < j; k++ {
				toks[k].nameShaped, toks[k].acronym = false, false
			}
		}
		i = max(j, i+1)
	}
}

// inCapitals reports whether a word of two letters or more has no
// lower-case letter. Most words tell by their first two bytes.
func inCapitals(w string) bool {
	if len(w) < 2 || 'a' <= w[0] && w[0] <= 'z' || 'a' <= w[1] && w[1] <= 'z' {
		return false
	}
	upper, lower := letterCases(w)
	return upper >= 2 && lower == 0
}

// rawTokens holds the buffers appendSentenceTokens splits sentences into,
// one a reader at a time: a sentence's words are read once, and the corpus
// has millions of sentences.
var rawTokens = sync.Pool{New: func() any { return new([]words.Token) }}

// appendCompound appends t to out, handling hyphenated words: a split
// compound's later parts neither open a clause nor join the part before. A
// compound whose parts are no words on their own is one name, whole.
func appendCompound(out []token, t token, nextNamed bool, keys keyCache, judge compoundParts) []token {
	if !hyphenated(t.text) || !isNameShaped(t.text) {
		return appendFinished(out, t, keys)
	}
	parts := strings.Split(t.text, "-")
	// A lowercase tail that is not a particle makes the word a modifier:
	// keep the named head only. A particle ends no name: "America-as" is a
	// dash lost between two words.
	for i, p := range parts {
		if i > 0 && isLowerWord(p) && (!particles[strings.ToLower(p)] || i == len(parts)-1) {
			if judge != nil && !particles[strings.ToLower(p)] && !judge.modifierTail(strings.ToLower(p)) {
				return appendFinished(out, t, keys) // "Shan-tung", "Chi-li"
			}
			head := strings.Join(parts[:i], "-")
			if !isNameShaped(head) || particles[strings.ToLower(head)] {
				return appendFinished(out, t, keys)
			}
			h := t
			h.text, h.end, h.closes, h.compound = head, t.start+len(head), true, true
			return appendFinished(out, h, keys)
		}
	}
	// Two or more names joined ("Afghanistan-Pakistan border") are separate
	// mentions unless a name follows ("Asia-Pacific Foundation").
	allNames := true
	for _, p := range parts {
		if len(p) < 3 || !words.IsCapitalised(p) || isAllCaps(p) || judge != nil && !judge.standsAlone(strings.ToLower(p)) {
			allNames = false // "Viet-Nam", "Indo-China"
		}
	}
	if !allNames || nextNamed {
		return appendFinished(out, t, keys)
	}
	off := t.start
	for _, p := range parts {
		first := off == t.start
		out = appendFinished(out, token{text: p, start: off, end: off + len(p), outer: off + len(p), initial: t.initial && first, closes: true, compound: true, gapBefore: !first || t.gapBefore}, keys)
		off += len(p) + 1
	}
	out[len(out)-1].outer = t.outer
	return out
}

// appendFinished appends t to out with the fields its text decides, set
// in place: a token is large, and every word of the corpus is one.
func appendFinished(out []token, t token, keys keyCache) []token {
	out = append(out, t)
	f := &out[len(out)-1]
	f.key = keys.key(f.text)
	f.nameShaped = isNameShaped(f.text)
	f.acronym = IsAcronym(f.text)
	f.lowerCase = !f.nameShaped
	return out
}

// separated reports whether the text between two tokens breaks a name:
// anything but spaces, except the full stop after an initial, an
// abbreviated title or a saint's ("James M. Dorsey", "Dr. Ayman", "St.
// Louis").
func separated(gap, prev string) bool {
	if gap == " " {
		return false // most gaps
	}
	g := strings.TrimSpace(gap)
	if g == "" {
		return strings.Contains(gap, "\n")
	}
	if g == "." && prev != "" && (utf8.RuneCountInString(prev) == 1 && words.IsCapitalised(prev) || titles[strings.ToLower(prev)] || saints[strings.ToLower(prev)]) {
		return false
	}
	return true
}

// keyCache remembers the keys of words already seen while one corpus is
// read: folding is the costliest step and words repeat. A nil cache
// computes every key.
type keyCache map[string]string

func (c keyCache) key(s string) string {
	if words.IsFolded(s) {
		return s // most words: cheaper to see than to look up
	}
	if k, ok := c[s]; ok {
		return k
	}
	k := nameKey(s)
	if c != nil {
		c[s] = k
	}
	return k
}

// nameKey folds a written name word or phrase: dotted acronyms lose their
// dots ("U.S." -> "us") and an acronym's plural s goes ("FTFs" -> "ftf").
func nameKey(s string) string {
	if IsAcronym(s) {
		s = strings.ReplaceAll(s, ".", "")
		s = strings.TrimSuffix(s, "s")
	}
	return words.Key(s)
}

// hyphenated reports whether s holds a hyphen; asked of every word, so a
// byte search.
func hyphenated(s string) bool { return strings.IndexByte(s, '-') >= 0 }

func isLowerWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// isNameShaped: capitalised ("Kabul"), or a lowercase Arabic article or
// patronymic joined to a capitalised name ("al-Qaeda", "bin-Laden").
func isNameShaped(s string) bool {
	if words.IsCapitalised(s) {
		return true
	}
	if i := strings.IndexByte(s, '-'); i > 0 && particles[strings.ToLower(s[:i])] {
		return words.IsCapitalised(s[i+1:])
	}
	return false
}

// IsAcronym reports whether s is written as an acronym: at least two
// capitals and no more lowercase letters than one ("UN", "IS-KP", "FTFs",
// "U.S").
func IsAcronym(s string) bool {
	if !words.IsCapitalised(s) {
		return false // most words, told at their first letter
	}
	up, low := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsLower(r):
			low++
		case unicode.IsDigit(r) || strings.ContainsRune("-.&", r):
		default:
			return false
		}
	}
	return up >= 2 && low <= 1
}

func isAllCaps(s string) bool { return IsAcronym(s) && strings.ToUpper(s) == s }

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }
