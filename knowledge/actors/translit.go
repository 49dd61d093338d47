package actors

import (
	"strings"
	"unicode"

	"github.com/agnivade/levenshtein"
	"golang.org/x/text/unicode/norm"
)

// asciiFold removes diacritics from a folded word (würzburg -> wurzburg).
func asciiFold(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// skeletonDigraphs rewrite spellings that transliterations of one sound
// alternate between.
var skeletonDigraphs = strings.NewReplacer("ph", "f", "th", "t", "kh", "k", "gh", "g", "dh", "d",
	"ck", "k", "q", "k", "c", "k", "ou", "u", "ee", "i", "oo", "u")

// skeleton is a phonetic key of one folded word: transliteration variants
// share it (qaeda/qaida, haibatullah/hibatullah, anthony/antony).
// An initial vowel becomes 'a'; later vowels, h, w and y are dropped and
// doubled letters collapse.
func skeleton(w string) string {
	w = skeletonDigraphs.Replace(asciiFold(w))
	var b strings.Builder
	var last rune
	for i, r := range w {
		if i == 0 && strings.ContainsRune("aeiouy", r) {
			r = 'a'
		} else if i > 0 && strings.ContainsRune("aeiouyhw", r) {
			continue
		}
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

// sameSpelling reports whether two folded words are spellings of one name:
// equal, or one phonetic skeleton and at most one edit per five letters.
// Strict enough to merge actors without asking (Omar and Amir stay apart).
func sameSpelling(a, b string) bool {
	if a == b {
		return true
	}
	if min(len(a), len(b)) < 4 {
		return false
	}
	return sameSpellingSk(a, skeleton(a), b, skeleton(b))
}

// sameSpellingSk is sameSpelling with both words' skeletons already known.
func sameSpellingSk(a, ask, b, bsk string) bool {
	if a == b {
		return true
	}
	n := min(len(a), len(b))
	if n < 4 || ask != bsk {
		return false
	}
	return levenshtein.ComputeDistance(a, b) <= max(1, n/5)
}

// typoClose reports whether a typed word q plausibly means the name word w:
// the tolerance of a lookup, looser than sameSpelling.
func typoClose(q, w string) bool { return typoCloseSk(q, skeleton(q), w, skeleton(w)) }

// typoCloseSk is typoClose with both words' skeletons already known.
func typoCloseSk(q, qsk, w, wsk string) bool {
	if q == w {
		return true
	}
	n := min(len(q), len(w))
	if n < 3 || max(len(q), len(w))-n > 3 || q[0] != w[0] && qsk != wsk {
		return false // a typo in the first letter is rare
	}
	d := levenshtein.ComputeDistance(q, w)
	switch {
	case n <= 4:
		return d <= 1
	case n <= 8:
		return d <= 2 || qsk == wsk && d <= 3
	default:
		return d <= 3 || qsk == wsk
	}
}
