package actors

import (
	"iter"
	"maps"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/lexicon"
	"briefbot/knowledge/words"
)

// vocabulary records how the corpus writes each word, so that a capitalised
// word at the start of a sentence can be told apart from a name: "Despite"
// is written "despite" elsewhere, "Kabul" never is.
type vocabulary struct {
	lower map[string]int // stem of a lowercase token -> count
	// lowerByKey is lower by the folded tokens of the corpus, read once
	// per token: stemming again at every word costs more than the lookup.
	lowerByKey map[string]int
	capMid     map[string]int // folded capitalised token not opening a sentence -> count
	anyWords   map[string]bool
	// abbreviations are short capitalised words the corpus only writes
	// with a full stop, some of them inside a sentence ("Ala.", "Atty.").
	abbreviations map[string]bool
	peopleWords   map[string]bool // see peopleWords
}

// tally is one reader's share of the vocabulary, counted by folded token:
// stems are taken once per distinct token when the tallies are merged,
// not once per occurrence.
type tally struct {
	lower  map[string]int // folded lowercase token -> count
	capMid map[string]int
	other  map[string]bool // every other folded token
	// short capitalised words: written with a full stop inside a sentence,
	// written without one
	dotted, bare map[string]int
	keys         keyCache
}

func newTally() *tally {
	return &tally{lower: map[string]int{}, capMid: map[string]int{}, other: map[string]bool{},
		dotted: map[string]int{}, bare: map[string]int{}, keys: keyCache{}}
}

// add counts the body sentences of d.
func (v *tally) add(d *corpus.Document) {
	var toks []token
	for i := range d.Sentences {
		toks = appendSentenceTokens(toks[:0], d.SentenceText(i), v.keys, nil)
		for k, t := range toks {
			if t.key == "" {
				continue
			}
			if t.nameShaped && !t.acronym && len(t.key) >= 2 && len(t.key) <= maxAbbreviation {
				switch {
				case !t.dotted:
					v.bare[t.key]++
				case k < len(toks)-1:
					v.dotted[t.key]++
				}
			}
			switch {
			case t.lowerCase && !hyphenated(t.text):
				v.lower[t.key]++
			case t.nameShaped && !t.initial:
				v.capMid[t.key]++
			default:
				v.other[t.key] = true
			}
		}
	}
}

// mergeTallies sums the readers' tallies into the corpus vocabulary; the
// sums do not depend on which reader read which document. Its three maps
// are independent, so they are built at once.
func mergeTallies(ts []*tally) *vocabulary {
	v := &vocabulary{lower: map[string]int{}, capMid: map[string]int{}}
	var wg sync.WaitGroup
	wg.Go(func() {
		for _, t := range ts {
			for k, n := range t.lower {
				v.lower[words.Stem(k)] += n
			}
		}
	})
	wg.Go(func() { v.anyWords = wordSet(ts) })
	for _, t := range ts {
		for k, n := range t.capMid {
			v.capMid[k] += n
		}
	}
	v.abbreviations = abbreviations(ts)
	v.peopleWords = peopleWords(v.capMid)
	wg.Wait()
	v.lowerByKey = map[string]int{}
	for _, t := range ts {
		for _, keys := range []iter.Seq[string]{maps.Keys(t.lower), maps.Keys(t.capMid), maps.Keys(t.other)} {
			for k := range keys {
				v.lowerByKey[k] = v.lower[words.Stem(k)]
			}
		}
	}
	return v
}

// lowerCount returns how often the corpus writes key's stem in lower case.
func (v *vocabulary) lowerCount(key string) int {
	if n, ok := v.lowerByKey[key]; ok {
		return n
	}
	return v.lower[words.Stem(key)]
}

// peopleWords returns the capitalised words of the corpus that are
// adjectives of a people, a place or a faith, as the demonyms are, by
// what WordNet says of them: derived from the name they add an ending to
// ("Roman": Rome, "Lutheran": Luther; not "Afghanistan": Afghan), the
// adjective of a doctrine in -ism ("Catholic", "Methodist"), or, for a
// word the corpus also writes as a capitalised plural, a synonym of a
// compound demonym ("Negro": African-American). Only such candidates are
// looked up, once per corpus.
func peopleWords(capMid map[string]int) map[string]bool {
	out := map[string]bool{}
	for k := range capMid {
		suffixed := len(k) >= 5 && (strings.HasSuffix(k, "an") || strings.HasSuffix(k, "ic") || strings.HasSuffix(k, "ist"))
		plural := len(k) >= 4 && (capMid[k+"s"] > 0 || capMid[k+"es"] > 0)
		if strings.ContainsAny(k, " -") || !suffixed && !plural {
			continue
		}
		for _, r := range lexicon.Related(k) {
			if suffixed && r.Kind == lexicon.Derived && (addsEnding(k, r.Word) || isDoctrineOf(k, r.Word)) ||
				plural && r.Kind == lexicon.Synonym && strings.Contains(r.Word, "-") && demonyms[r.Word[strings.LastIndexByte(r.Word, '-')+1:]] {
				out[k] = true
				break
			}
		}
	}
	return out
}

// addsEnding reports whether adjective adds an adjective's ending to name
// (a final e dropped): Rome -> Roman, India -> Indian, Christ -> Christian.
func addsEnding(adjective, name string) bool {
	stem := strings.TrimSuffix(name, "e")
	rest, ok := strings.CutPrefix(adjective, stem)
	return ok && len(stem) >= 3 && (rest == "n" || rest == "an" || rest == "ian" || rest == "ic" || rest == "ist")
}

// isDoctrineOf reports whether doctrine is the -ism of adjective:
// Catholic -> Catholicism, Methodist -> Methodism.
func isDoctrineOf(adjective, doctrine string) bool {
	return doctrine == adjective+"ism" || strings.HasSuffix(adjective, "ist") && doctrine == strings.TrimSuffix(adjective, "ist")+"ism"
}

// maxAbbreviation is the longest abbreviation looked for, in bytes.
const maxAbbreviation = 5

// abbreviations returns the short words some tally saw with a full stop
// inside a sentence and none saw without one.
func abbreviations(ts []*tally) map[string]bool {
	out := map[string]bool{}
	for _, t := range ts {
		for k := range t.dotted {
			out[k] = true
		}
	}
	for _, t := range ts {
		for k := range t.bare {
			delete(out, k)
		}
	}
	return out
}

// wordSet returns every word of every folded token the tallies saw, and
// its stem.
func wordSet(ts []*tally) map[string]bool {
	seen := map[string]bool{}
	out := map[string]bool{}
	add := func(k string) {
		if seen[k] {
			return
		}
		seen[k] = true
		for _, w := range strings.Fields(k) {
			out[w] = true
			out[words.Stem(w)] = true
		}
	}
	for _, t := range ts {
		for k := range t.lower {
			add(k)
		}
		for k := range t.capMid {
			add(k)
		}
		for k := range t.other {
			add(k)
		}
	}
	return out
}

// isCommon reports whether a capitalised word is an ordinary word: the
// corpus writes it in lower case at least as often as capitalised mid-sentence.
func (v *vocabulary) isCommon(key string) bool {
	n := v.lowerCount(key)
	return n > 0 && n >= v.capMid[key]
}

// provenName reports whether the corpus writes key capitalised in the middle
// of sentences more often than in lower case.
func (v *vocabulary) provenName(key string) bool {
	return v.capMid[key] > v.lowerCount(key)
}

// opensClause reports whether the token at byte offset i of s begins a
// sentence or a clause after a colon or an opening quote or bracket.
func opensClause(s string, i int) bool {
	r := lastNonSpace(s[:i])
	if r < 0 {
		return true
	}
	switch r {
	case ':', '“', '"', '‘', '(', '[', '—', '–':
		return true
	}
	return false
}

// lastNonSpace returns the last rune of s that is no space, or -1. It
// reads ASCII spaces bytewise: it runs at every word of the corpus.
func lastNonSpace(s string) rune {
	for j := len(s); j > 0; {
		if c := s[j-1]; c < utf8.RuneSelf {
			if c != ' ' && !unicode.IsSpace(rune(c)) {
				return rune(c)
			}
			j--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsSpace(r) {
			return r
		}
		j -= size
	}
	return -1
}

// stripPossessive removes a final 's or a final apostrophe.
// It looks at the last bytes only: every word of the corpus is asked, and
// many end in s.
func stripPossessive(s string) string {
	n := len(s)
	if n == 0 {
		return s
	}
	switch c := s[n-1]; {
	case c == 's' || c == 'S':
		if n > 2 && s[n-2] == '\'' {
			return s[:n-2]
		}
		if n > 4 && strings.HasSuffix(s[:n-1], "’") {
			return s[:n-4]
		}
	case c == '\'' && n > 1:
		return s[:n-1]
	case c == 0x99 && n > 3 && strings.HasSuffix(s, "’"): // the last byte of ’ (E2 80 99)
		return s[:n-3]
	}
	return s
}

// contractions are the endings of a pronoun or auxiliary run into the word
// before ("I've", "That'll", "John'll"), as written with either
// apostrophe; "'d" is left out, as Arabic names end so ("Sa'd").
var contractions = []string{"'ll", "'ve", "'re", "'m", "n't", "’ll", "’ve", "’re", "’m", "n’t"}

// stripContraction removes a contraction's ending: what is left may be a
// name ("John'll"), or a pronoun no name holds ("I've"). It looks at the
// last bytes only, for an apostrophe, before comparing endings: every word
// of the corpus is asked.
func stripContraction(s string) string {
	if !apostropheNearEnd(s) {
		return s
	}
	for _, c := range contractions {
		if len(s) > len(c) && strings.HasSuffix(s, c) {
			return s[:len(s)-len(c)]
		}
	}
	return s
}

// apostropheNearEnd reports whether one of the last five bytes of s is an
// apostrophe or opens a curly one (’ is E2 80 99), bytewise.
func apostropheNearEnd(s string) bool {
	for i := max(0, len(s)-len("’ll")); i < len(s); i++ {
		if s[i] == '\'' || s[i] == 0xE2 {
			return true
		}
	}
	return false
}

// markHeadlines marks runs written in title case, such as a headline or a
// book title run into a sentence: capitalised words joined only by the
// short words title case leaves in lower case, at least two of the
// capitalised words ordinary ones ("Plan to Rebuild and Legitimize").
// Capitalisation there says little about names.
func (v *vocabulary) markHeadlines(toks []token) {
	for i := 0; i < len(toks); {
		if toks[i].lowerCase {
			i++
			continue
		}
		j, ordinary, joins := i, 0, 0
		for ; j < len(toks); j++ {
			t := toks[j]
			if t.lowerCase && !titleCaseJoins[t.key] || j > i && (t.initial || toks[j-1].closes) {
				break
			}
			switch {
			case t.lowerCase || words.IsStop(t.key) && !t.acronym:
				joins++
			case v.isCommon(t.key) && !isHead(t.key) && !titles[t.key]:
				ordinary++
			}
		}
		if ordinary >= 2 && joins >= 2 {
			for k := i; k < j; k++ {
				toks[k].headline = true
			}
		}
		i = max(j, i+1)
	}
}
