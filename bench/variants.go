package main

import (
	"math/rand/v2"
	"sort"
	"strings"
)

// variation rewrites a text for one copy of the corpus: the corpus's proper
// names are permuted among themselves and every number gets new digits, so a
// multiplied corpus holds documents that differ (as distinct articles about
// similar events do) instead of exact repeats that any index would fold.
type variation struct {
	rename map[string]string
	rng    *rand.Rand
}

// properNames lists the capitalised words that occur after a lower-case word
// (so not merely sentence-initial) and never in lower case: the corpus's
// names, approximately, in sorted order so that permutations are reproducible.
func properNames(docs []speech) []string {
	capital := map[string]bool{}
	lower := map[string]bool{}
	for _, d := range docs {
		prevLower := false
		eachWord(d.Text, func(w string, letters bool) {
			if !letters {
				prevLower = false
				return
			}
			switch {
			case isCapitalised(w):
				if prevLower {
					capital[w] = true
				}
				prevLower = false
			default:
				lower[strings.ToLower(w)] = true
				prevLower = w[0] >= 'a' && w[0] <= 'z'
			}
		})
	}
	var names []string
	for w := range capital {
		if !lower[strings.ToLower(w)] {
			names = append(names, w)
		}
	}
	sort.Strings(names)
	return names
}

// newVariation permutes names with the copy's own seed. Copy 0 is the
// original text: no variation.
func newVariation(names []string, seed, copyNo uint64) *variation {
	if copyNo == 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, copyNo))
	perm := rng.Perm(len(names))
	rename := make(map[string]string, len(names))
	for i, j := range perm {
		rename[names[i]] = names[j]
	}
	return &variation{rename: rename, rng: rng}
}

// apply returns text with names renamed and digits redrawn; a nil variation
// returns text unchanged.
func (v *variation) apply(text string) string {
	if v == nil {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	eachWordAt(text, func(start, end int, letters bool) {
		w := text[start:end]
		var repl string
		switch {
		case letters:
			r, ok := v.rename[w]
			if !ok {
				return
			}
			repl = r
		default:
			repl = v.redraw(w)
		}
		b.WriteString(text[last:start])
		b.WriteString(repl)
		last = end
	})
	b.WriteString(text[last:])
	return b.String()
}

// redraw replaces a run of digits by random digits of the same length, with
// no leading zero unless the original had one.
func (v *variation) redraw(digits string) string {
	out := []byte(digits)
	for i := range out {
		if i == 0 && digits[0] != '0' {
			out[i] = byte('1' + v.rng.IntN(9))
			continue
		}
		out[i] = byte('0' + v.rng.IntN(10))
	}
	return string(out)
}

func isCapitalised(w string) bool {
	return len(w) > 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'a' && w[1] <= 'z'
}

// eachWord calls fn with every run of ASCII letters (letters true) and every
// run of ASCII digits (letters false) in text.
func eachWord(text string, fn func(w string, letters bool)) {
	eachWordAt(text, func(start, end int, letters bool) { fn(text[start:end], letters) })
}

// eachWordAt is eachWord with byte offsets.
func eachWordAt(text string, fn func(start, end int, letters bool)) {
	for i := 0; i < len(text); {
		c := text[i]
		letter, digit := isLetter(c), c >= '0' && c <= '9'
		if !letter && !digit {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && (letter && isLetter(text[j]) || digit && text[j] >= '0' && text[j] <= '9') {
			j++
		}
		fn(i, j, letter)
		i = j
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
