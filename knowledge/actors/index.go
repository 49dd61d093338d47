package actors

import (
	"sort"
	"strings"
)

// nameEntry is one spelling of one actor, folded for matching.
type nameEntry struct {
	actor   int32
	text    string   // as written
	key     string   // folded, diacritics removed
	core    string   // key without particles
	compact string   // key without spaces ("alqaeda")
	words   []string // words of key
	acronym bool
}

// nameIndex finds candidate spellings for a query without scanning every
// name: exact keys, word prefixes, trigrams of the compact form and
// phonetic skeletons of words. Only the shortlist is scored.
type nameIndex struct {
	actors    []*Actor
	entries   []nameEntry
	exact     map[string][]int32 // key, core and compact -> entries
	trigrams  map[string][]int32
	skeletons map[string][]int32
	prefixes  []wordRef // every word of every entry, sorted
}

type wordRef struct {
	word  string
	entry int32
}

func newNameIndex(actors []*Actor) *nameIndex {
	ix := &nameIndex{actors: actors, exact: map[string][]int32{}, trigrams: map[string][]int32{}, skeletons: map[string][]int32{}}
	for ai, a := range actors {
		seen := map[string]bool{}
		for _, s := range append([]string{a.Name}, a.Aliases...) {
			k := foldQuery(s)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			ix.add(nameEntry{actor: int32(ai), text: s, key: k, core: identityKey(k), compact: strings.ReplaceAll(k, " ", ""), words: strings.Fields(k), acronym: isAcronym(s)})
		}
	}
	sort.Slice(ix.prefixes, func(i, j int) bool {
		if ix.prefixes[i].word != ix.prefixes[j].word {
			return ix.prefixes[i].word < ix.prefixes[j].word
		}
		return ix.prefixes[i].entry < ix.prefixes[j].entry
	})
	return ix
}

func (ix *nameIndex) add(e nameEntry) {
	id := int32(len(ix.entries))
	ix.entries = append(ix.entries, e)
	for _, k := range uniqueStrings(e.key, e.core, e.compact) {
		ix.exact[k] = append(ix.exact[k], id)
	}
	for _, t := range uniqueStrings(trigramsOf(e.compact)...) {
		ix.trigrams[t] = append(ix.trigrams[t], id)
	}
	for _, w := range uniqueStrings(e.words...) {
		ix.prefixes = append(ix.prefixes, wordRef{w, id})
		if len(w) >= 3 {
			sk := skeleton(w)
			ix.skeletons[sk] = append(ix.skeletons[sk], id)
		}
	}
}

// wordsWithPrefix returns up to limit entries having a word that starts with p.
func (ix *nameIndex) wordsWithPrefix(p string, limit int) []int32 {
	i := sort.Search(len(ix.prefixes), func(i int) bool { return ix.prefixes[i].word >= p })
	var out []int32
	for ; i < len(ix.prefixes) && strings.HasPrefix(ix.prefixes[i].word, p) && len(out) < limit; i++ {
		out = append(out, ix.prefixes[i].entry)
	}
	return out
}

// byTrigrams returns up to limit entries sharing the most trigrams with the
// compact query, at least a third of them.
func (ix *nameIndex) byTrigrams(compact string, limit int) []int32 {
	grams := uniqueStrings(trigramsOf(compact)...)
	if len(grams) == 0 {
		return nil
	}
	hits := map[int32]int{}
	for _, g := range grams {
		for _, e := range ix.trigrams[g] {
			hits[e]++
		}
	}
	need := max(1, len(grams)/3)
	out := make([]int32, 0, len(hits))
	for e, n := range hits {
		if n >= need {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if hits[out[i]] != hits[out[j]] {
			return hits[out[i]] > hits[out[j]]
		}
		return out[i] < out[j]
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

func trigramsOf(s string) []string {
	r := []rune(" " + s + " ")
	if len(r) < 3 {
		return nil
	}
	out := make([]string, 0, len(r)-2)
	for i := 0; i+3 <= len(r); i++ {
		out = append(out, string(r[i:i+3]))
	}
	return out
}

func uniqueStrings(ss ...string) []string {
	out := ss[:0:0]
	seen := map[string]bool{}
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
