package answer

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/cespare/xxhash/v2"
)

// vocabulary corrects misspelt question words against the words of the
// corpus. Two keyed tables find candidates without scanning the vocabulary:
// single-letter deletions (SymSpell: "zawahri" and "zawahiri" share
// "zawahri"; "haibatulah" and "hibatullah" share "hibatulah") and a coarse
// sound key for names spelt by ear ("hakkani" and "haqqani" both give
// "hkn"). Candidates are then checked by edit distance.
type vocabulary struct {
	words  []string
	sorted []uint32 // word ids in alphabetical order, for prefix search
	term   []uint32 // term id of each word
	freq   []uint32 // sentences holding the word's term
	name   []bool   // written capitalised inside sentences
	// keys packs, for each key of each word, the key's hash (high bits) and
	// the word id (low wordBits bits), sorted: a plain []uint64 sorts fast.
	// Hashes that collide on the high bits only add candidates, which the
	// edit distance then rejects.
	keys []uint64
}

// wordBits is how many low bits of a packed key hold the word id.
const (
	wordBits = 24
	wordMask = 1<<wordBits - 1
	// maxTypoWords bounds the words kept for correction.
	maxTypoWords = wordMask
)

// minTypoLen keeps short words out of correction: "kil" is as likely "kill"
// as "oil", and a wrong guess is worse than none.
const minTypoLen = 4

// maxKeyCandidates bounds the work on one crowded key.
const maxKeyCandidates = 64

func newVocabulary(surface map[string]uint32, proper []bool, df []uint32) *vocabulary {
	v := &vocabulary{}
	// Word ids in alphabetical order, not the map's: keys of equally
	// frequent words are ordered by id, and every build of the same
	// documents must correct a typo alike.
	for _, w := range slices.Sorted(maps.Keys(surface)) {
		t := surface[w]
		if len(w) < minTypoLen || !isASCIILetters(w) || len(v.words) == maxTypoWords {
			continue
		}
		v.words = append(v.words, w)
		v.term = append(v.term, t)
		v.freq = append(v.freq, df[t])
		v.name = append(v.name, proper[t])
	}
	v.sorted = make([]uint32, len(v.words))
	for i := range v.sorted {
		v.sorted[i] = uint32(i)
	}
	slices.SortFunc(v.sorted, func(a, b uint32) int { return strings.Compare(v.words[a], v.words[b]) })
	v.keyWords()
	return v
}

// keyWords fills keys. Their hash is seedless and portable (xxhash), so
// that a snapshot can store them: keying costs a hash per letter of the
// vocabulary and a sort.
func (v *vocabulary) keyWords() {
	n := 0
	for _, w := range v.words {
		n += len(w) + 2
	}
	v.keys = make([]uint64, 0, n)
	for id, w := range v.words {
		v.keys = append(v.keys, pack(v.hash(w), uint32(id)))
		for i := range len(w) {
			v.keys = append(v.keys, pack(v.hashDeletion(w, i), uint32(id)))
		}
		v.keys = append(v.keys, pack(v.hash("#"+soundKey(w)), uint32(id)))
	}
	// Most frequent words first within a key, so that a crowded key yields
	// its likeliest candidates before the cap.
	slices.Sort(v.keys)
	for i := 0; i < len(v.keys); {
		j := i + 1
		for j < len(v.keys) && v.keys[j]&^wordMask == v.keys[i]&^wordMask {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(v.keys[i:j], func(a, b uint64) int { return cmp.Compare(v.freq[b&wordMask], v.freq[a&wordMask]) })
		}
		i = j
	}
}

func (v *vocabulary) hash(s string) uint64 { return xxhash.Sum64String(s) }

func pack(hash uint64, word uint32) uint64 { return hash&^wordMask | uint64(word) }

// hashDeletion hashes w without its i-th letter, without building the string.
func (v *vocabulary) hashDeletion(w string, i int) uint64 {
	var h xxhash.Digest
	h.Reset()
	h.WriteString(w[:i])
	h.WriteString(w[i+1:])
	return h.Sum64()
}

// correct returns the term of the corpus word closest to w, if one is close
// enough: one edit for short words, two for longer ones, three for a long
// word that sounds the same. A name (capitalised in the question) is only
// corrected to a name: "Paris" is not a misspelt "parts".
func (v *vocabulary) correct(w string, name bool) (term uint32, ok bool) {
	if len(w) < minTypoLen || !isASCIILetters(w) || len(v.words) == 0 {
		return 0, false
	}
	limit := 1
	if len(w) >= 6 {
		limit = 2
	}
	best, bestDist := -1, 99
	consider := func(key string, maxDist int) {
		for _, id := range v.candidates(key) {
			c := v.words[id]
			if (c[0] != w[0] && maxDist > 1) || (name && !v.name[id]) {
				continue
			}
			d := levenshtein.ComputeDistance(w, c)
			if d > maxDist || d == 0 {
				continue
			}
			if d < bestDist || (d == bestDist && betterTypoGuess(w, c, v.words[best], v.freq[id], v.freq[best])) {
				best, bestDist = int(id), d
			}
		}
	}
	consider(w, limit)
	for i := range len(w) {
		consider(w[:i]+w[i+1:], limit)
	}
	if best < 0 && len(w) >= 6 {
		consider("#"+soundKey(w), 3)
	}
	if best < 0 {
		return v.correctStem(w, name)
	}
	return v.term[best], true
}

// typoSuffixes are endings a word may carry that the corpus writes
// without: "posthumusly" is a misspelt "posthumously", and the corpus
// says "posthumous".
var typoSuffixes = []string{"ly", "ness", "ment", "ing", "ed", "s"}

// correctStem corrects w without one of typoSuffixes: to the corpus word
// it then spells, or to the one closest to it. A name takes only a plural
// or possessive "s" ("Austrains" for the "Austrian" the documents write),
// and only when what is left is long enough to be told from other names:
// "Paris" is no misspelt "Pari".
func (v *vocabulary) correctStem(w string, name bool) (term uint32, ok bool) {
	for _, suffix := range typoSuffixes {
		stem, found := strings.CutSuffix(w, suffix)
		if !found || len(stem) < minTypoLen || name && (suffix != "s" || len(stem) < minNameStem) {
			continue
		}
		if i, ok := v.index(stem); ok && (!name || v.name[i]) {
			return v.term[i], true
		}
		if t, ok := v.correct(stem, name); ok {
			return t, true
		}
	}
	return 0, false
}

// minNameStem is the shortest name left after its "s" that is corrected.
const minNameStem = 6

// betterTypoGuess prefers, between two corrections as near as each other,
// one that holds every typed letter in order (a letter left out, the
// commonest slip: "secnd" is "second" rather than "send"), then the more
// frequent.
func betterTypoGuess(typed, c, best string, freq, bestFreq uint32) bool {
	if a, b := subsequence(typed, c), subsequence(typed, best); a != b {
		return a
	}
	return freq > bestFreq
}

// subsequence reports whether the letters of s appear in t in order.
func subsequence(s, t string) bool {
	i := 0
	for j := 0; i < len(s) && j < len(t); j++ {
		if s[i] == t[j] {
			i++
		}
	}
	return i == len(s)
}

// Derivations: a word the corpus lacks may have relatives that extend its
// stem by a suffix ("poet": "poetry", "poets").
const (
	minDerivedStem  = 4
	maxSuffix       = 3
	maxDerivedTerms = 4
)

// has reports whether the folded word w is a word of the documents' text
// (one long enough, in ASCII letters, to be listed).
func (v *vocabulary) has(w string) bool {
	_, ok := v.index(w)
	return ok
}

// index returns the word id of w, if the vocabulary lists it.
func (v *vocabulary) index(w string) (int, bool) {
	i := sort.Search(len(v.sorted), func(i int) bool { return v.words[v.sorted[i]] >= w })
	if i < len(v.sorted) && v.words[v.sorted[i]] == w {
		return int(v.sorted[i]), true
	}
	return 0, false
}

// derived returns the terms of corpus words that extend w's stem by a short
// suffix.
func (v *vocabulary) derived(w string) []uint32 {
	stem := termOf(w)
	if len(stem) < minDerivedStem || !isASCIILetters(stem) {
		return nil
	}
	i := sort.Search(len(v.sorted), func(i int) bool { return v.words[v.sorted[i]] >= stem })
	var out []uint32
	for ; i < len(v.sorted) && len(out) < maxDerivedTerms; i++ {
		c := v.words[v.sorted[i]]
		if !strings.HasPrefix(c, stem) {
			break
		}
		if t := v.term[v.sorted[i]]; len(c)-len(stem) <= maxSuffix && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func (v *vocabulary) candidates(key string) []uint32 {
	h := pack(v.hash(key), 0)
	i := sort.Search(len(v.keys), func(i int) bool { return v.keys[i] >= h })
	var out []uint32
	for ; i < len(v.keys) && v.keys[i]&^wordMask == h && len(out) < maxKeyCandidates; i++ {
		out = append(out, uint32(v.keys[i]&wordMask))
	}
	return out
}

// soundKey is a coarse phonetic key: the first letter, then consonants
// folded into classes (k/q/c/g, s/z/x, t/d, p/b, f/v), vowels, h, w and y
// dropped, repeats collapsed.
func soundKey(w string) string {
	out := []byte{w[0]}
	last := byte(0)
	for i := 1; i < len(w); i++ {
		c := soundClass(w[i])
		if c != 0 && c != last {
			out = append(out, c)
		}
		last = c
	}
	return string(out)
}

func soundClass(c byte) byte {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'h', 'w', 'y':
		return 0
	case 'c', 'k', 'q', 'g':
		return 'k'
	case 's', 'z', 'x':
		return 's'
	case 'd', 't':
		return 't'
	case 'b', 'p':
		return 'p'
	case 'v', 'f':
		return 'f'
	}
	return c
}

func isASCIILetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
