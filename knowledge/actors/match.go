package actors

import (
	"strings"
	"unicode/utf8"

	"briefbot/knowledge/words"
)

const (
	// maxNameWords bounds the word n-grams tried as names.
	maxNameWords = 6
	// maxFuzzyWords bounds the n-grams of unknown words looked up with typos.
	maxFuzzyWords = 3
	// maxMatchBytes bounds the text Match reads.
	maxMatchBytes = 20000
	// maxResolveRunes bounds a speaker phrase given to Resolve.
	maxResolveRunes = 300
)

// Span is a stretch of text that names an actor.
type Span struct {
	Start, End int    // byte offsets in the text
	Text       string // the text as written
	Actor      *Actor
	Fuzzy      bool // found with typo tolerance rather than by spelling
}

// Match finds the actors named in arbitrary text such as a user's question,
// longest names first, without overlaps. Spellings known from the corpus
// match exactly; runs of words the corpus never uses ("zawahri",
// "alqaeda") are looked up with typo tolerance, so ordinary words never
// fuzzy-match a name.
func (r *Registry) Match(text string) []Span {
	if len(text) > maxMatchBytes {
		text = text[:maxMatchBytes]
	}
	toks := words.Tokenize(text)
	var out []Span
	for i := 0; i < len(toks); {
		sp, n := r.matchAt(text, toks, i)
		if n == 0 {
			i++
			continue
		}
		out = append(out, sp)
		i += n
	}
	return out
}

// matchAt tries the longest name starting at token i; n is how many tokens
// it covers (0: none).
func (r *Registry) matchAt(text string, toks []words.Token, i int) (Span, int) {
	limit := contiguous(text, toks, i, maxNameWords)
	for n := limit; n >= 1; n-- {
		s := text[toks[i].Start:toks[i+n-1].End]
		if a := r.exactName(s); a != nil {
			return Span{Start: toks[i].Start, End: toks[i+n-1].End, Text: s, Actor: a}, n
		}
	}
	if a := r.namePart(toks[i].Text); a != nil && !namedOtherwise(a, toks, i, limit) {
		return Span{Start: toks[i].Start, End: toks[i].End, Text: toks[i].Text, Actor: a}, 1
	}
	for n := min(limit, maxFuzzyWords); n >= 1; n-- {
		if !r.misspeltName(toks[i : i+n]) {
			continue
		}
		s := text[toks[i].Start:toks[i+n-1].End]
		if best, _ := r.Lookup(s); best != nil {
			return Span{Start: toks[i].Start, End: toks[i+n-1].End, Text: s, Actor: best, Fuzzy: true}, n
		}
	}
	return Span{}, 0
}

// namedOtherwise reports whether the word at i runs on, without a break,
// into a capitalised word none of a's names holds: "Kent State" is not
// Kent Conrad, though "Kent" alone may be.
func namedOtherwise(a *Actor, toks []words.Token, i, limit int) bool {
	if limit < 2 || !words.IsCapitalised(toks[i+1].Text) {
		return false
	}
	next := foldQuery(toks[i+1].Text)
	for _, name := range append([]string{a.Name}, a.Aliases...) {
		for _, w := range words.Tokenize(name) {
			if foldQuery(w.Text) == next {
				return false
			}
		}
	}
	return true
}

// namePart returns the one actor whose name has the word w ("Hibatullah"
// for Hibatullah Akhundzada), unless w is an ordinary word of the corpus.
func (r *Registry) namePart(w string) *Actor {
	k := foldQuery(w)
	if utf8.RuneCountInString(k) < 3 || r.OrdinaryWord(k) {
		return nil
	}
	var ids []int32
	for _, id := range withPrefix(r.names.prefixes, k, 64) {
		for _, x := range r.names.entries[id].words {
			if x == k {
				ids = append(ids, id)
				break
			}
		}
	}
	if a, n := r.uniqueActor(ids); n == 1 {
		return a
	}
	return nil
}

// OrdinaryWord reports whether the folded word k is a stop word or one the
// corpus writes in lower case.
func (r *Registry) OrdinaryWord(k string) bool {
	return words.IsStop(k) || r.lowerStems[words.Stem(k)] > 0
}

// contiguous counts the tokens from i, up to max, not separated by
// punctuation other than spaces and hyphens.
func contiguous(text string, toks []words.Token, i, limit int) int {
	n := 1
	for n < limit && i+n < len(toks) {
		gap := strings.TrimSpace(text[toks[i+n-1].End:toks[i+n].Start])
		if gap != "" && gap != "-" {
			break
		}
		n++
	}
	return n
}

// misspeltName reports whether tokens may spell a name with typos: every
// word one the corpus never uses and long enough to be misspelt, or, in a
// run of words, some such and the others capitalised words of names
// ("Benjamin Harisson"), never ordinary words.
func (r *Registry) misspeltName(toks []words.Token) bool {
	unknown := 0
	for _, t := range toks {
		k := foldQuery(t.Text)
		switch {
		case utf8.RuneCountInString(k) >= 4 && !words.IsStop(k) && !r.vocabulary[k] && !r.vocabulary[words.Stem(k)]:
			unknown++
		case len(toks) > 1 && words.IsCapitalised(t.Text) && !r.OrdinaryWord(k):
		default:
			return false
		}
	}
	return unknown > 0
}

// exactName returns the actor that s spells (folded), or nil. Acronyms
// written in lower case are ordinary words when the corpus uses them so
// ("us", "is"), and names otherwise ("isis").
func (r *Registry) exactName(s string) *Actor {
	k := foldQuery(s)
	if k == "" || words.IsStop(k) && !isAllCaps(strings.TrimSpace(s)) {
		return nil
	}
	for _, key := range keyVariants(k) {
		var found *Actor
		for _, id := range r.names.exact.get(key) {
			e := &r.names.entries[id]
			if e.acronym && !IsAcronym(s) && r.OrdinaryWord(k) {
				continue
			}
			if a := r.names.actors[e.actor]; found == nil || a.prominence() > found.prominence() {
				found = a
			}
		}
		if found != nil {
			return found
		}
	}
	return nil
}

// keyVariants are the folded forms under which a written name may be
// indexed: as is, without particles, and without a possessive s.
func keyVariants(k string) []string {
	out := []string{k, identityKey(k)}
	if stem, ok := strings.CutSuffix(k, "s"); ok && len(stem) >= 3 {
		out = append(out, stem, identityKey(stem))
	}
	return out
}

// Resolve links a name or speaker phrase found in text ("Ben Wallace",
// "Wallace", "UK defence secretary Ben Wallace", "al-Qaedas") to an actor,
// or returns nil when it is not sure. It never guesses from typos.
func (r *Registry) Resolve(name string) *Actor {
	if !utf8.ValidString(name) || utf8.RuneCountInString(name) > maxResolveRunes {
		return nil
	}
	if a := r.resolveExact(name); a != nil {
		return a
	}
	// Inside a phrase the name is the capitalised run that ends it or is
	// followed by punctuation ("Ben Wallace, the UK defence secretary").
	toks := sentenceTokens(name, nil)
	for end := len(toks) - 1; end >= 0; end-- {
		if !toks[end].nameShaped || end+1 < len(toks) && !toks[end+1].gapBefore && !toks[end].closes {
			continue
		}
		start := end
		for start > 0 && !toks[start].gapBefore && !toks[start-1].closes && (toks[start-1].nameShaped || looseParticles[toks[start-1].key]) {
			start--
		}
		run := name[toks[start].start:toks[end].end]
		for k := start; k <= end; k++ {
			if a := r.resolveExact(name[toks[k].start:toks[end].end]); a != nil {
				if k > start && !compatibleName(run, a) {
					return nil // "William J. Clinton" is not "Hillary Clinton"
				}
				return a
			}
		}
	}
	return nil
}

// resolveExact returns the one actor spelt s, allowing transliteration
// variants, or nil when none or several are.
func (r *Registry) resolveExact(s string) *Actor {
	k := foldQuery(s)
	if k == "" {
		return nil
	}
	for _, key := range keyVariants(k) {
		if a, n := r.uniqueActor(r.names.exact.get(key)); n == 1 {
			return a
		} else if n > 1 {
			return nil
		}
	}
	ws := strings.Fields(identityKey(k))
	var ids []int32
	for _, id := range r.names.skeletons.get(skeleton(ws[len(ws)-1])) {
		if sameWords(r.names.entries[id].cores, ws) {
			ids = append(ids, id)
		}
	}
	if a, n := r.uniqueActor(ids); n == 1 {
		return a
	}
	return nil
}

func sameWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameSpelling(a[i], b[i]) {
			return false
		}
	}
	return true
}

// uniqueActor returns the actor of entries ids and how many distinct actors they name.
func (r *Registry) uniqueActor(ids []int32) (*Actor, int) {
	seen := map[int32]bool{}
	var a *Actor
	for _, id := range ids {
		k := r.names.entries[id].actor
		if !seen[k] {
			seen[k] = true
			a = r.names.actors[k]
		}
	}
	return a, len(seen)
}
