package claims

import "github.com/agnivade/levenshtein"

// sameWord compares two folded words, forgiving one edit in words of five
// letters or more and two in words of ten or more (misspellings and
// transliterations: "qaida"/"qaeda"), never in short words, where one
// letter makes another word.
func sameWord(a, b string) bool {
	if a == b {
		return true
	}
	n := min(len(a), len(b))
	if n < 5 || abs(len(a)-len(b)) > 2 || (a[0] != b[0] && a[len(a)-1] != b[len(b)-1]) {
		return false
	}
	if n >= 10 {
		return levenshtein.ComputeDistance(a, b) <= 2
	}
	return withinOneEdit(a, b)
}

// withinOneEdit reports whether one substitution, insertion or deletion
// turns a into b, in one pass and without allocating: it runs for many
// pairs of words in every alignment.
func withinOneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i == len(a) {
		return true // equal, or one letter added at the end
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:] // one substitution at i
	}
	return a[i:] == b[i+1:] // one insertion at i
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// alignment is the best local alignment of a query against a stretch of
// document words: how many words matched, and the matched stretch.
type alignment struct {
	matched    int // words aligned, spelled alike or nearly
	fuzzy      int // of which nearly ("al-Qaida" for "al-Qaeda")
	first, end int // matched stretch in the document words, [first, end)
}

// fuzzyWeight is what a nearly-equal word counts for in similarity, so that
// only a copy word for word scores 1.
const fuzzyWeight = 0.75

// similarity scores an alignment of a query of n words: twice the matched
// words over the query's length plus the matched stretch's, 1 for an exact
// copy, lower for every changed, dropped or added word.
func (a alignment) similarity(n int) float64 {
	if a.matched == 0 {
		return 0
	}
	got := float64(a.matched) - (1-fuzzyWeight)*float64(a.fuzzy)
	return 2 * got / float64(n+a.end-a.first)
}

// wordsMatch compares word i of a query with word j of a document: whether
// they match, and whether exactly.
type wordsMatch func(i, j int) (match, exact bool)

// compareStrings compares folded words: equal, or nearly (sameWord).
func compareStrings(q, d []string) wordsMatch {
	return func(i, j int) (bool, bool) {
		if q[i] == d[j] {
			return true, true
		}
		return sameWord(q[i], d[j]), false
	}
}

// align finds the best local alignment of a query of n words in m document
// words (Smith-Waterman: a match scores 2, a changed, dropped or added word
// -1). It costs n*m comparisons and two rows of memory; callers bound both.
func align(n, m int, same wordsMatch) alignment {
	type cell struct {
		score, matched, fuzzy, start int
	}
	prev := make([]cell, m+1)
	cur := make([]cell, m+1)
	var best cell
	bestEnd := 0
	for i := 1; i <= n; i++ {
		cur[0] = cell{}
		for j := 1; j <= m; j++ {
			c := cell{}
			if match, exact := same(i-1, j-1); match {
				p := prev[j-1]
				if p.score == 0 {
					p = cell{start: j - 1}
				}
				c = cell{p.score + 2, p.matched + 1, p.fuzzy, p.start}
				if !exact {
					c.fuzzy++
				}
			} else if p := prev[j-1]; p.score-1 > 0 {
				c = p
				c.score--
			}
			if p := prev[j]; p.score-1 > c.score {
				c = p
				c.score--
			}
			if p := cur[j-1]; p.score-1 > c.score {
				c = p
				c.score--
			}
			cur[j] = c
			if c.score > best.score {
				best, bestEnd = c, j
			}
		}
		prev, cur = cur, prev
	}
	if best.score == 0 {
		return alignment{}
	}
	return alignment{matched: best.matched, fuzzy: best.fuzzy, first: best.start, end: bestEnd}
}
