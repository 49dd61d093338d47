package actors

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"briefbot/knowledge/words"
)

const (
	// MaxCandidates bounds the actors a lookup or a completion returns:
	// as many as a reader scans, and the contract's 25 candidates.
	MaxCandidates = 25
	// maxQueryRunes: longer input is not a name.
	maxQueryRunes = 100
	// shortlistPerSource bounds what each index contributes to a query.
	shortlistPerSource = 200
	// shortlistMax bounds the spellings scored for one query.
	shortlistMax = 400
)

// Scores of a spelling against a query; best requires at least wordsMatch.
const (
	exactMatch   = 1000
	strippedS    = 950
	compactStart = 800
	wordsMatch   = 500
	partialMatch = 300
	fuzzyMatch   = 100
)

// query is a cleaned, folded lookup string.
type query struct {
	key, core, compact string
	stem, stemCore     string   // key and core without a final s ("kabuls"); empty if none
	words              []string // without stop words, unless that leaves none
	sks                []string // phonetic skeletons of words
	completing         bool     // the last word may be unfinished
	stopOnly           bool     // every word is a stop word
	// acronym: the query reads as an acronym ("TTP", "fdr"), which only a
	// spelling the documents use or define answers; one letter off is
	// another organisation, so near spellings are only candidates.
	acronym bool
}

func newQuery(s string, completing bool) (query, bool) {
	k, ok := cleanQuery(s)
	if !ok {
		return query{}, false
	}
	q := query{key: k, core: identityKey(k), compact: strings.ReplaceAll(k, " ", ""), completing: completing, acronym: acronymLike(s)}
	for _, w := range strings.Fields(k) {
		if !words.IsStop(w) {
			q.words = append(q.words, w)
		}
	}
	if len(q.words) == 0 {
		q.words, q.stopOnly = strings.Fields(k), true
	}
	for _, w := range q.words {
		q.sks = append(q.sks, skeleton(w))
	}
	if stem, ok := strings.CutSuffix(k, "s"); ok && len(stem) >= 3 {
		q.stem, q.stemCore = stem, identityKey(stem)
	}
	return q, true
}

// cleanQuery folds a user's query, refusing what cannot be a name: fewer
// than two letters, more than maxQueryRunes characters, control characters,
// invalid UTF-8 or letters from more than one script.
func cleanQuery(s string) (string, bool) {
	if !utf8.ValidString(s) || utf8.RuneCountInString(s) > maxQueryRunes {
		return "", false
	}
	letters, script := 0, -1
	for _, r := range s {
		if unicode.IsControl(r) {
			return "", false
		}
		if unicode.IsLetter(r) {
			sc := words.Script(r)
			if script >= 0 && sc != script {
				return "", false
			}
			script = sc
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters++
		}
	}
	k := foldQuery(s)
	return k, letters >= 2 && k != ""
}

// acronymLike reports whether a query is one word written in capitals
// (two to six letters) or a short one without vowels ("fdr").
func acronymLike(s string) bool {
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 6 || strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		return false
	}
	return strings.ToUpper(s) == s || n <= 5 && !strings.ContainsAny(strings.ToLower(s), "aeiouy")
}

// foldQuery folds a name or query for matching: case, apostrophes,
// punctuation and diacritics.
func foldQuery(s string) string { return asciiFold(words.Key(s)) }

// scoreEntry rates how well spelling e answers q.
func scoreEntry(e *nameEntry, q query) int {
	if e.key == q.key || e.core == q.core || e.compact == q.compact {
		return exactMatch
	}
	if q.stem != "" && (e.key == q.stem || e.core == q.stemCore) {
		return strippedS
	}
	if q.completing && strings.HasPrefix(e.compact, q.compact) {
		return compactStart
	}
	if q.stopOnly {
		return 0 // "the", "us": only an exact spelling means a name
	}
	total, matched := 0, 0
	for i, qw := range q.words {
		best := 0
		for k, w := range e.words {
			switch {
			case w == qw:
				best = max(best, 3)
			case (q.completing && i == len(q.words)-1 || len(qw) >= 4) && strings.HasPrefix(w, qw):
				best = max(best, 2)
			case best == 0 && typoCloseSk(qw, q.sks[i], w, e.sks[k]):
				best = 1
			}
		}
		if best > 0 {
			matched++
		}
		total += best
	}
	switch {
	case matched == len(q.words) && q.acronym:
		return wordsMatch - 1
	case matched == len(q.words):
		extra := max(0, len(e.cores)-len(q.words))
		return wordsMatch + 30*total/len(q.words) - 10*extra
	case matched > 0:
		return partialMatch + 100*matched/len(q.words) // "helmand prov"
	}
	return 0
}

// candidate is an actor and its best score for a query.
type candidate struct {
	actor int32
	score int
}

// rank scores the shortlist of q and returns one candidate per actor, best
// first: by score, then prominence, then shorter and alphabetical names, then
// registry order (actors kept apart may share a name: without it, the map's
// random order would pick between them, and the same question would get
// different answers).
func (ix *nameIndex) rank(q query) []candidate {
	list := ix.shortlist(q)
	best := make(map[int32]int, len(list))
	for _, id := range list {
		e := &ix.entries[id]
		if s := scoreEntry(e, q); s > best[e.actor] {
			best[e.actor] = s
		}
	}
	// Subsequence matches ("zwhr" for Zawahiri) among the shortlist.
	compacts := make([]string, len(list))
	for i, id := range list {
		compacts[i] = ix.entries[id].compact
	}
	for _, m := range fuzzy.FindNoSort(q.compact, compacts) {
		e := &ix.entries[list[m.Index]]
		if s := fuzzyMatch + min(max(m.Score, 0), partialMatch-fuzzyMatch-1); s > best[e.actor] && !q.stopOnly {
			best[e.actor] = s
		}
	}
	out := make([]candidate, 0, len(best))
	for a, s := range best {
		if s > 0 {
			out = append(out, candidate{a, s})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.score != b.score {
			return a.score > b.score
		}
		x, y := ix.actors[a.actor], ix.actors[b.actor]
		if x.prominence() != y.prominence() {
			return x.prominence() > y.prominence()
		}
		if len(x.Name) != len(y.Name) {
			return len(x.Name) < len(y.Name)
		}
		if x.Name != y.Name {
			return x.Name < y.Name
		}
		return a.actor < b.actor
	})
	return out
}

// shortlist gathers the entries worth scoring for q from the indexes:
// exact spellings, names that start with what was typed, words that start
// with each typed word, then (when those are few) phonetic and trigram
// neighbours for typos.
func (ix *nameIndex) shortlist(q query) []int32 {
	c := ix.pool.Get().(*counters)
	var out []int32
	defer func() {
		for _, id := range out {
			c.seen[id] = false
		}
		ix.pool.Put(c)
	}()
	add := func(ids []int32) {
		for i, id := range ids {
			if i >= shortlistPerSource || len(out) >= shortlistMax {
				return
			}
			if !c.seen[id] {
				c.seen[id] = true
				out = append(out, id)
			}
		}
	}
	add(ix.exact.get(q.key))
	add(ix.exact.get(q.core))
	add(ix.exact.get(q.compact))
	add(ix.exact.get(q.stemCore))
	add(withPrefix(ix.compacts, q.compact, shortlistPerSource))
	for _, w := range q.words {
		add(withPrefix(ix.prefixes, w, shortlistPerSource))
	}
	if len(out) < 4*MaxCandidates {
		for _, w := range q.words {
			if len(w) >= 3 {
				add(ix.skeletons.get(skeleton(w)))
			}
		}
		add(ix.byTrigrams(q.compact, shortlistPerSource))
	}
	if len(out) < MaxCandidates && q.compact != "" {
		// Too little found: try subsequences among names sharing the first letter.
		first, _ := utf8.DecodeRuneInString(q.compact)
		add(withPrefix(ix.prefixes, string(first), shortlistPerSource))
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func (ix *nameIndex) actorsOf(cs []candidate) []*Actor {
	if len(cs) > MaxCandidates {
		cs = cs[:MaxCandidates]
	}
	out := make([]*Actor, len(cs))
	for i, c := range cs {
		out[i] = ix.actors[c.actor]
	}
	return out
}

// Lookup finds the actor a user means by query, tolerating typos,
// transliterations and missing spaces ("zawahri", "alqaeda", "sirajudin
// hakkani"). best is nil when no actor is close enough; candidates holds at
// most 25 actors, best first.
func (r *Registry) Lookup(query string) (best *Actor, candidates []*Actor) {
	q, ok := newQuery(query, false)
	if !ok {
		return nil, nil
	}
	cs := r.names.rank(q)
	if len(cs) > 0 && cs[0].score >= wordsMatch {
		best = r.names.actors[cs[0].actor]
	}
	return best, r.names.actorsOf(cs)
}

// Complete returns at most 25 actors whose names or spellings match what a
// user has typed so far, best first, for autocomplete.
func (r *Registry) Complete(prefix string) []*Actor {
	q, ok := newQuery(prefix, true)
	if !ok {
		return nil
	}
	return r.names.actorsOf(r.names.rank(q))
}
