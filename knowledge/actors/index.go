package actors

import (
	"slices"
	"sort"
	"strings"
	"sync"
)

// nameEntry is one spelling of one actor, folded for matching.
type nameEntry struct {
	actor   int32
	text    string   // as written
	key     string   // folded, diacritics removed
	core    string   // key without particles
	compact string   // key without spaces ("alqaeda")
	words   []string // words of key
	cores   []string // words of core, split once: resolving compares them often
	sks     []string // phonetic skeletons of words
	acronym bool
}

// nameIndex finds candidate spellings for a query without scanning every
// name: exact keys, word prefixes, trigrams of the compact form and
// phonetic skeletons of words. Only the shortlist is scored.
type nameIndex struct {
	actors    []*Actor
	entries   []nameEntry
	exact     keyedLists // key, core and compact -> entries
	trigrams  keyedLists
	skeletons keyedLists
	prefixes  []wordRef // every word of every entry, sorted
	compacts  []wordRef // the compact form of every entry, sorted
	pool      sync.Pool // *counters sized to entries
}

type wordRef struct {
	word  string
	entry int32
}

func newNameIndex(actors []*Actor) *nameIndex {
	ix := &nameIndex{actors: actors}
	b := listsBuilder{exact: map[string][]int32{}, trigrams: map[string][]int32{}, skeletons: map[string][]int32{}}
	for ai, a := range actors {
		seen := map[string]bool{}
		for _, s := range append([]string{a.Name}, a.Aliases...) {
			k := foldQuery(s)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			ix.add(newNameEntry(int32(ai), s, k, nil), &b)
		}
	}
	ix.exact, ix.trigrams, ix.skeletons = freezeLists(b.exact), freezeLists(b.trigrams), freezeLists(b.skeletons)
	ix.initPool()
	sortRefs(ix.prefixes)
	sortRefs(ix.compacts)
	return ix
}

// newNameEntry makes the entry of spelling text of an actor, folded to
// key. sks are the skeletons of key's words, computed when nil: a snapshot
// stores them, as they take folding.
func newNameEntry(actor int32, text, key string, sks []string) nameEntry {
	core := identityKey(key)
	e := nameEntry{actor: actor, text: text, key: key, core: core, compact: strings.ReplaceAll(key, " ", ""),
		words: strings.Fields(key), cores: strings.Fields(core), sks: sks, acronym: IsAcronym(text)}
	if sks == nil {
		for _, w := range e.words {
			e.sks = append(e.sks, skeleton(w))
		}
	}
	return e
}

func (ix *nameIndex) initPool() {
	ix.pool.New = func() any {
		return &counters{hits: make([]uint8, len(ix.entries)), seen: make([]bool, len(ix.entries))}
	}
}

func sortRefs(refs []wordRef) {
	sort.Slice(refs, func(i, j int) bool { return refBefore(refs[i], refs[j]) })
}

func refsSorted(refs []wordRef) bool {
	return sort.SliceIsSorted(refs, func(i, j int) bool { return refBefore(refs[i], refs[j]) })
}

// refBefore orders word references by word, then entry.
func refBefore(a, b wordRef) bool {
	if a.word != b.word {
		return a.word < b.word
	}
	return a.entry < b.entry
}

// listsBuilder gathers the keyed lists of a name index being built.
type listsBuilder struct {
	exact, trigrams, skeletons map[string][]int32
}

func (ix *nameIndex) add(e nameEntry, b *listsBuilder) {
	id := int32(len(ix.entries))
	ix.entries = append(ix.entries, e)
	for _, k := range uniqueStrings(e.key, e.core, e.compact) {
		b.exact[k] = append(b.exact[k], id)
	}
	for _, t := range uniqueStrings(trigramsOf(e.compact)...) {
		b.trigrams[t] = append(b.trigrams[t], id)
	}
	ix.compacts = append(ix.compacts, wordRef{e.compact, id})
	for _, w := range uniqueStrings(e.words...) {
		ix.prefixes = append(ix.prefixes, wordRef{w, id})
		if len(w) >= 3 {
			sk := skeleton(w)
			b.skeletons[sk] = append(b.skeletons[sk], id)
		}
	}
}

// withPrefix returns up to limit entries of refs whose word starts with p.
func withPrefix(refs []wordRef, p string, limit int) []int32 {
	i := sort.Search(len(refs), func(i int) bool { return refs[i].word >= p })
	var out []int32
	for ; i < len(refs) && strings.HasPrefix(refs[i].word, p) && len(out) < limit; i++ {
		out = append(out, refs[i].entry)
	}
	return out
}

// trigramBudget bounds the postings one query reads; the rarest trigrams
// are read first, as they say the most.
const trigramBudget = 8000

// counters are reusable per-entry scratch space for one query: trigram
// hit counts and the entries already shortlisted.
type counters struct {
	hits    []uint8
	touched []int32
	seen    []bool
}

// byTrigrams returns up to limit entries sharing the most trigrams with the
// compact query, and at least a third of those read.
func (ix *nameIndex) byTrigrams(compact string, limit int) []int32 {
	grams := uniqueStrings(trigramsOf(compact)...)
	sort.Slice(grams, func(i, j int) bool {
		if a, b := len(ix.trigrams.get(grams[i])), len(ix.trigrams.get(grams[j])); a != b {
			return a < b
		}
		return grams[i] < grams[j]
	})
	c := ix.pool.Get().(*counters)
	defer func() {
		for _, e := range c.touched {
			c.hits[e] = 0
		}
		c.touched = c.touched[:0]
		ix.pool.Put(c)
	}()
	used, read := 0, 0
	for _, g := range grams {
		posting := ix.trigrams.get(g)
		if used > 0 && read+len(posting) > trigramBudget || used == 255 {
			break
		}
		used++
		read += len(posting)
		for _, e := range posting {
			if c.hits[e] == 0 {
				c.touched = append(c.touched, e)
			}
			c.hits[e]++
		}
	}
	if used == 0 {
		return nil
	}
	buckets := make([][]int32, used+1)
	for _, e := range c.touched {
		if n := int(c.hits[e]); n*3 >= used {
			buckets[n] = append(buckets[n], e)
		}
	}
	var out []int32
	for n := used; n >= 1 && len(out) < limit; n-- {
		b := buckets[n]
		sort.Slice(b, func(i, j int) bool { return b[i] < b[j] })
		out = append(out, b[:min(len(b), limit-len(out))]...)
	}
	return out
}

func trigramsOf(s string) []string {
	padded := " " + s + " "
	starts := make([]int, 0, len(padded)+1) // byte offset of each rune, then the end
	for i := range padded {
		starts = append(starts, i)
	}
	starts = append(starts, len(padded))
	runes := len(starts) - 1
	if runes < 3 {
		return nil
	}
	out := make([]string, 0, runes-2)
	for i := 0; i+3 <= runes; i++ {
		out = append(out, padded[starts[i]:starts[i+3]])
	}
	return out
}

// uniqueStrings returns the distinct non-empty strings of ss in order. A
// name's words or trigrams are usually few enough to scan, cheaper than a map.
func uniqueStrings(ss ...string) []string {
	const scanned = 32
	out := ss[:0:0]
	var seen map[string]bool
	if len(ss) > scanned {
		seen = map[string]bool{}
	}
	for _, s := range ss {
		if s == "" || seen != nil && seen[s] || seen == nil && slices.Contains(out, s) {
			continue
		}
		out = append(out, s)
		if seen != nil {
			seen[s] = true
		}
	}
	return out
}
