package actors

import (
	"slices"
	"sort"
	"strings"

	"briefbot/knowledge/internal/unionfind"
)

// form gathers the mentions written with one identity key.
type form struct {
	key        string
	words      []string
	spans      []int          // indexes into resolver.spans
	names      map[string]int // name as written (titles dropped) -> mentions
	texts      map[string]int // name as written with its titles -> mentions
	honorifics map[string]int // honorific before a one-word name -> mentions
	owned      map[string]int // possessive spellings ("Kabul’s") -> mentions
	acronym    bool
	possessive bool // a spelling of another form with its apostrophe lost ("Talibans")
}

// resolver merges forms into actors.
type resolver struct {
	spans []rawSpan
	forms []*form
	byKey map[string]int
	uf    unionfind.Sets
	maybe map[[2]int]bool // pairs of forms that may be one actor
	// maybeKeys are pairs of keys noted before the forms exist.
	maybeKeys [][2]string
	docs      int
	given     [][]givenName // per form: the given names of a person's name, nil otherwise
	authors   authorNames   // the persons the documents are by
	author    []int         // per form: the author it names, noAuthor or ambiguousAuthor
	people    personLists   // per actor root, its forms that name a person with given names
}

func newResolver(spans []rawSpan, defs []acronymDef, docs int, authors []string) *resolver {
	r := &resolver{spans: spans, byKey: map[string]int{}, maybe: map[[2]int]bool{}, docs: docs, authors: newAuthorNames(authors)}
	r.refineKeys()
	r.addOwners()
	for i, sp := range r.spans {
		fi, ok := r.byKey[sp.key]
		if !ok {
			fi = len(r.forms)
			r.byKey[sp.key] = fi
			r.forms = append(r.forms, &form{key: sp.key, words: strings.Fields(sp.key), names: map[string]int{}, texts: map[string]int{}, honorifics: map[string]int{}, owned: map[string]int{}})
		}
		f := r.forms[fi]
		f.spans = append(f.spans, i)
		f.names[sp.name]++
		f.texts[sp.text]++
		if sp.possessive != "" {
			f.owned[sp.possessive]++
		}
		if sp.variant != "" {
			f.texts[sp.variant]++
		}
		f.acronym = f.acronym || sp.acronym
		if t := lastWord(sp.title); t != "" && honorifics[strings.ToLower(t)] && len(f.words) == 1 {
			f.honorifics[t]++
		}
	}
	for _, p := range r.maybeKeys {
		a, okA := r.byKey[p[0]]
		b, okB := r.byKey[p[1]]
		if okA && okB {
			r.noteMaybe(a, b)
		}
	}
	r.uf = unionfind.New(len(r.forms))
	r.indexPeople()
	r.mergeLostApostrophes()
	r.mergeAcronyms(defs)
	r.mergeKnownAliases()
	r.mergeSpellings()
	r.mergeFullerNames()
	r.mergeShortForms()
	return r
}

// refineKeys reads "Haqqani network" as the "Haqqani Network" written
// elsewhere, and a one-off "Pashtun Haqqani" as a demonym before a name;
// a region's adjective before a head noun is the name's ("Eastern High
// School").
func (r *resolver) refineKeys() {
	count := map[string]int{}
	for _, sp := range r.spans {
		count[sp.key]++
	}
	for i := range r.spans {
		sp := &r.spans[i]
		ws := strings.Fields(sp.key)
		if rest := strings.Join(ws[1:], " "); len(ws) > 1 && demonyms[ws[0]] && count[rest] > 0 && count[sp.key] >= 2 {
			r.maybeKeys = append(r.maybeKeys, [2]string{sp.key, rest}) // "Afghan Taliban", "Taliban"
		}
		if len(ws) > 2 && partyWords[ws[0]] && !isHead(ws[len(ws)-1]) {
			// "Republican Abraham Lincoln": the party is said of the person.
			sp.key = strings.Join(ws[1:], " ")
			if j := strings.IndexByte(sp.name, ' '); j > 0 {
				sp.name, sp.text = sp.name[j+1:], sp.name[j+1:]
			}
			continue
		}
		if len(ws) > 1 && demonyms[ws[0]] && count[sp.key] < 2 && !(regions[ws[0]] && isHead(ws[len(ws)-1])) {
			rest := strings.Join(ws[1:], " ")
			if count[rest] > 0 || orgHeads[sp.next] && count[rest+" "+sp.next] > 0 {
				sp.key = rest
				if j := strings.IndexByte(sp.name, ' '); j > 0 {
					sp.name, sp.text = sp.name[j+1:], sp.name[j+1:]
				}
			}
		}
		if orgHeads[sp.next] && count[sp.key+" "+sp.next] > 0 {
			sp.key += " " + sp.next
			sp.name += " " + sp.nextText
			sp.text += " " + sp.nextText
			sp.next, sp.nextText = "", ""
		}
	}
}

// addOwners also counts, in a name that begins with the name of a country
// or a known organisation ("Taliban Ministry of Defense", "UN Security
// Council"), a mention of that owner: the sentence is about both.
func (r *resolver) addOwners() {
	single := map[string]bool{}
	for _, sp := range r.spans {
		if !strings.Contains(sp.key, " ") {
			single[sp.key] = true
		}
	}
	owned := func(sp *rawSpan) (first, word string, ok bool) {
		first, _, more := strings.Cut(sp.key, " ")
		if !more || !single[first] || sp.alt != nil {
			return "", "", false
		}
		word = strings.Fields(sp.name)[0]
		return first, word, nameKey(word) == first && (places[first] || inKnownAliases(first) || orgHeads[first] || IsAcronym(word))
	}
	// Counted first: the spans are millions on a large corpus, and growing
	// them by appending copies them whole.
	extra := 0
	for i := range r.spans {
		if _, _, ok := owned(&r.spans[i]); ok {
			extra++
		}
	}
	r.spans = slices.Grow(r.spans, extra)
	n := len(r.spans)
	for i := 0; i < n; i++ {
		sp := r.spans[i]
		first, word, ok := owned(&sp)
		if !ok {
			continue
		}
		start := sp.start + len(sp.text) - len(sp.name)
		if rest := strings.TrimSpace(sp.name[len(word):]); strings.Contains(rest, " ") && r.spans[i].variant == "" && !isLowerWord(strings.Fields(rest)[0]) {
			r.spans[i].variant = rest
		}
		r.spans = append(r.spans, rawSpan{doc: sp.doc, sentence: sp.sentence, start: start, end: start + len(word),
			text: word, name: word, key: first, acronym: IsAcronym(word)})
	}
	sort.SliceStable(r.spans, func(a, b int) bool {
		x, y := r.spans[a], r.spans[b]
		if x.doc != y.doc {
			return x.doc < y.doc
		}
		return x.start < y.start
	})
}

// mergeLostApostrophes joins "Talibans" and "al-Qaedas" (possessives whose
// apostrophe was lost) to the more frequent form without the s.
func (r *resolver) mergeLostApostrophes() {
	for i, f := range r.forms {
		last := f.words[len(f.words)-1]
		if f.acronym || len(last) < 4 || !strings.HasSuffix(last, "s") {
			continue
		}
		if j, ok := r.byKey[strings.TrimSuffix(f.key, "s")]; ok && len(r.forms[j].spans) >= len(f.spans) {
			r.join(i, j)
			f.possessive = true
		}
	}
}

func (r *resolver) mergeAcronyms(defs []acronymDef) {
	for _, d := range defs {
		a, okA := r.byKey[d.short]
		b, okB := r.byKey[d.long]
		if okA && okB {
			r.join(a, b)
		}
	}
}

func (r *resolver) mergeKnownAliases() {
	first := map[int]int{} // group -> its first form
	for i, f := range r.forms {
		if g, ok := knownAliasGroup[f.key]; ok {
			if j, seen := first[g]; seen {
				r.join(j, i)
			} else {
				first[g] = i
			}
		}
	}
}

// mergeSpellings joins transliteration variants (al-Qaida / al-Qaeda,
// Haibatullah / Hibatullah): forms with one phonetic skeleton whose words
// are spellings of each other. Looser resemblances are only noted.
func (r *resolver) mergeSpellings() {
	buckets := map[string][]int{}
	for i, f := range r.forms {
		if !f.acronym {
			sk := keySkeleton(f.key)
			buckets[sk] = append(buckets[sk], i)
		}
	}
	for _, b := range buckets {
		if len(b) > 64 {
			b = b[:64] // a skeleton shared by very many forms says little
		}
		for x := 0; x < len(b); x++ {
			for y := x + 1; y < len(b); y++ {
				switch r.compareWords(r.forms[b[x]].words, r.forms[b[y]].words) {
				case 2:
					r.join(b[x], b[y])
				case 1:
					r.noteMaybe(b[x], b[y])
				}
			}
		}
	}
}

// compareWords returns 2 when two names are spellings of each other word
// for word, 1 when they only resemble each other, 0 otherwise.
func (r *resolver) compareWords(a, b []string) int {
	if len(a) != len(b) {
		return 0
	}
	same, close := true, true
	for i := range a {
		same = same && sameSpelling(a[i], b[i])
		close = close && typoClose(a[i], b[i])
	}
	switch {
	case same:
		return 2
	case close:
		return 1
	}
	return 0
}

func (r *resolver) noteMaybe(a, b int) {
	if a > b {
		a, b = b, a
	}
	r.maybe[[2]int{a, b}] = true
}

// keySkeleton is the phonetic key of a folded name, word by word.
func keySkeleton(key string) string {
	ws := strings.Fields(key)
	for i, w := range ws {
		ws[i] = skeleton(w)
	}
	return strings.Join(ws, " ")
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// clusters returns the forms of each actor, in order of first form.
func (r *resolver) clusters() [][]int { return r.uf.Groups(nil) }

// topKey returns the most frequent key of m, ties broken alphabetically.
func topKey(m map[string]int) string {
	best, n := "", -1
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if m[k] > n {
			best, n = k, m[k]
		}
	}
	return best
}
