// Package words holds the text normalisation every part of briefbot matches
// with: folding of case, Unicode forms, curly quotes, dashes and lost
// apostrophes; tokens with offsets; English stop words and stems.
package words

import (
	"hash/maphash"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/unicode/norm"
)

// Normalize applies the evaluation rule's normalisation: Unicode NFKC,
// lower case, curly quotes and apostrophes to straight ones, en and em dashes
// to '-', every run of characters outside [a-z0-9$] to one space, trimmed.
func Normalize(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '$' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// Key folds a name or phrase for matching: like Normalize, but apostrophes
// are dropped rather than turned into spaces, so "al-Qaeda’s", "al-Qaeda's"
// and "al-Qaedas" all fold to "al qaedas", and letters keep their script.
func Key(s string) string {
	if IsFolded(s) {
		return s
	}
	if isASCII(s) {
		return asciiKey(s)
	}
	s = strings.ToLower(norm.NFKC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case isApostrophe(r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '$':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// asciiKey is Key of an ASCII string, in one pass: NFKC leaves ASCII as
// it is, and most text is ASCII.
func asciiKey(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '`':
			continue
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '$':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, c)
	}
	return string(b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// IsFolded reports whether s is already its own Key (lowercase ASCII
// letters, digits and '$' only), which spares the common word the folding.
func IsFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '$') {
			return false
		}
	}
	return true
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`' }

// Token is one word of a text with its byte span in that text.
type Token struct {
	Text       string // as written
	Start, End int
}

// Tokenize splits s into words: runs of letters and digits, with inner
// apostrophes, hyphens, dots and commas between digits kept ("al-Qaeda’s",
// "200-500", "2,000", "U.S"). A leading '$' stays with its number.
func Tokenize(s string) []Token { return AppendTokens(nil, s) }

// AppendTokens appends the tokens of s, as Tokenize splits it, to toks: a
// reader of many texts reuses one slice instead of allocating one a text.
func AppendTokens(toks []Token, s string) []Token { return appendTokens(toks, s, -1) }

// FirstTokens returns the first n tokens of s, as Tokenize splits it: a
// reader of the few words after a name need not split the rest of the
// sentence.
func FirstTokens(s string, n int) []Token {
	if n <= 0 {
		return nil
	}
	return appendTokens(make([]Token, 0, n), s, n)
}

// appendTokens appends the tokens of s to toks, stopping once toks holds
// limit (never for a negative limit).
func appendTokens(toks []Token, s string, limit int) []Token {
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && !asciiWord[c] && c != '$' {
			i++ // a space or a mark: the common case, kept inline
			continue
		}
		r, size := decodeRune(s, i)
		if !isWordRune(r) && !(r == '$' && i+size < len(s) && isDigitAt(s, i+size)) {
			i += size
			continue
		}
		start := i
		i += size
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				if asciiWord[c] {
					i++ // the common case, kept inline
					continue
				}
				if !isJoiner(rune(c)) {
					break // a space or a mark ends the word
				}
			}
			r, size = decodeRune(s, i)
			if isWordRune(r) {
				i += size
				continue
			}
			// Joiners stay inside a word only between two word characters.
			if isJoiner(r) && i+size < len(s) {
				nr, _ := utf8.DecodeRuneInString(s[i+size:])
				pr, _ := utf8.DecodeLastRuneInString(s[start:i])
				if isWordRune(nr) && joins(r, pr, nr) {
					i += size
					continue
				}
			}
			break
		}
		if cap(toks) == 0 {
			toks = make([]Token, 0, len(s)/6+1) // about a word in six bytes of English
		}
		toks = append(toks, Token{Text: s[start:i], Start: start, End: i})
		if len(toks) == limit {
			break
		}
	}
	return toks
}

// isJoiner reports whether r may join two word characters into one word.
// It is asked at the end of every word, so it is a switch, not a search.
func isJoiner(r rune) bool {
	switch r {
	case '-', '\'', '’', '.', ',':
		return true
	}
	return false
}

func joins(joiner, prev, next rune) bool {
	switch joiner {
	case ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	case '.':
		// "U.S", "2.5"; not "end.Next" typos joined by a lost space.
		return (unicode.IsDigit(prev) && unicode.IsDigit(next)) || (unicode.IsUpper(prev) && unicode.IsUpper(next))
	}
	return true
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// decodeRune is utf8.DecodeRuneInString(s[i:]) with ASCII read inline.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isDigitAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsDigit(r)
}

// Terms returns the folded (Key) form of each token of s, dropping none.
func Terms(s string) []string {
	buf := termTokens.Get().(*[]Token)
	defer termTokens.Put(buf)
	*buf = AppendTokens((*buf)[:0], s)
	out := make([]string, 0, len(*buf))
	for _, t := range *buf {
		if k := Key(t.Text); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// termTokens holds the token buffers Terms splits texts into: it is called
// for every claim of a corpus, and only its terms are kept.
var termTokens = sync.Pool{New: func() any { return new([]Token) }}

// stems remembers the stem of every word stemmed: the build's passes and
// every question stem the same words again and again. The cache is split
// into shards, each a plain map behind its own lock, so that the build's
// workers seldom wait on one another: a stem among 600,000 words is found
// in 361 ns where a sync.Map took 623, in two thirds of the memory.
var stems [64]struct {
	sync.RWMutex
	m map[string]string
}

var stemSeed = maphash.MakeSeed()

// Stem returns the Snowball (Porter2) English stem of a folded word. Words
// that are not plain lowercase ASCII letters are returned unchanged.
func Stem(w string) string {
	shard := &stems[maphash.String(stemSeed, w)%uint64(len(stems))]
	shard.RLock()
	s, ok := shard.m[w]
	shard.RUnlock()
	if ok {
		return s
	}
	s = w
	if isASCIILower(w) && len(w) > 2 {
		s = english.Stem(w, false)
	}
	shard.Lock()
	if shard.m == nil {
		shard.m = map[string]string{}
	}
	shard.m[strings.Clone(w)] = s
	shard.Unlock()
	return s
}

func isASCIILower(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// IsStop reports whether the folded word w is an English stop word: the
// usual list, the function words WordNet does not list ("since",
// "although", "toward", "everyone"), which would otherwise count as a
// word no dictionary knows, weighed like a name, the prepositions WordNet
// lists as adverbs ("around the time of", "throughout"), and the
// contractions typed without their apostrophe ("wasnt", "dont", "theyre").
func IsStop(w string) bool { return stopWords[w] }

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all am an and any are as at be
because been before being below between both but by can could did do does doing down during each
few for from further had has have having he her here hers herself him himself his how i if in into
is it its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves also may might must shall
upon us one ever yet s t d ll re ve m o whose whether within without onto via per among amongst
tell told say said says let lets get got since although unless toward towards whilst whenever
whereas whereby wherein whereupon amid amidst unto beside versus lest albeit everyone everybody
everything anyone anybody anything something whoever whomever whichever ought cannot oneself
dont doesnt didnt isnt arent wasnt werent hasnt havent hadnt wouldnt couldnt shouldnt mustnt cant
wont aint im ive youre theyre thats whats whos hes shes weve youve theyve
around across along throughout despite beyond besides`) {
		m[w] = true
	}
	return m
}()

// IsCapitalised reports whether a word begins with an upper-case letter, in
// any script that has case.
func IsCapitalised(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return 'A' <= w[0] && w[0] <= 'Z' // most words: no need to decode
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// Set makes a set of the words of a space-separated list, for the word
// lists the packages keep; an underscore joins the words of one entry
// ("prime_minister").
func Set(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[strings.ReplaceAll(w, "_", " ")] = true
	}
	return m
}

var scripts = [...]*unicode.RangeTable{unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Arabic,
	unicode.Hebrew, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul,
	unicode.Devanagari, unicode.Thai}

// NumScripts is how many scripts Script tells apart.
const NumScripts = len(scripts)

// Script returns the script a letter is written in, as an index below
// NumScripts, NumScripts for a letter of a script not told apart, and -1
// for anything that is not a letter.
func Script(r rune) int {
	if !unicode.IsLetter(r) {
		return -1
	}
	if r < 0x80 {
		return 0
	}
	for i, t := range scripts {
		if unicode.Is(t, r) {
			return i
		}
	}
	return NumScripts
}
