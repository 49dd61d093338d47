package actors

import (
	"sort"
	"strings"
	"unicode/utf8"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/lexicon"
	"briefbot/knowledge/words"
)

// rawSpan is one name found in a sentence, before resolution.
type rawSpan struct {
	doc, sentence int
	start, end    int    // byte span of the mention in the document text
	text          string // as written, titles included, possessive dropped
	name          string // as written, without leading titles
	title         string // leading titles as written, "" if none
	possessive    string // the name with its possessive ending as written ("Kabul’s"), "" if none
	// variant is a shorter way the text writes the same name: a defined
	// long form inside the span ("Turkestan Islamic Party" in "Uighur
	// Turkestan Islamic Party"), or the name without its owner ("Ministry of
	// Defense" in "Taliban Ministry of Defense").
	variant    string
	key        string // folded name without titles and particles
	acronym    bool
	prev, next string // folded neighbouring words, "" across punctuation
	nextText   string // the next word as written
	list       int    // spans of one coordinated list ("Kabul, Kunar and Helmand") share it; 0 if none
	// alt holds the two shorter readings "X" and "Y" of an "X in the Y"
	// span, used when the long reading is not an established name.
	alt []rawSpan
}

// finder extracts the names of a corpus whose vocabulary it knows.
type finder struct {
	vocab *vocabulary
	keys  keyCache
	toks  []token         // reused from sentence to sentence
	named []bool          // reused from sentence to sentence
	parts map[string]bool // compound parts already judged (shared by one worker's documents)
	defs  []acronymDef
	lists int
}

// appendSentenceSpans appends to out the names of sentence si of document
// d (index di), in the order they start.
func (f *finder) appendSentenceSpans(out []rawSpan, d *corpus.Document, di, si int) []rawSpan {
	s := d.SentenceText(si)
	base := int(d.Sentences[si].Start)
	f.toks = appendSentenceTokens(f.toks[:0], s, f.keys, f)
	toks := cutCredits(s, f.toks)
	f.vocab.markHeadlines(toks)
	f.named = append(f.named[:0], make([]bool, len(toks))...)
	named := f.named
	for i := len(toks) - 1; i >= 0; i-- {
		named[i] = f.nameWord(toks, i) || f.modifier(toks, named, i)
	}
	for i := 1; i < len(toks); i++ {
		named[i] = named[i] || named[i-1] && continuesName(toks, i)
	}
	first := len(out)
	for i := 0; i < len(toks); {
		ts, ns, e, in := f.spanAt(toks, named, i)
		if e == i {
			i++
			continue
		}
		i = e
		sp, ok := f.makeSpan(s, toks, ts, ns, e)
		if !ok {
			continue
		}
		if in > 0 {
			x, okX := f.makeSpan(s, toks, ts, ns, in)
			y, okY := f.makeSpan(s, toks, in+2, in+2, e)
			if okX && okY {
				sp.alt = []rawSpan{x, y}
			} else {
				sp, ok = x, okX
				if !ok {
					continue
				}
			}
		}
		out = append(out, sp)
	}
	out = append(out, f.definitionSpans(s, out[first:])...)
	own := out[first:]
	sort.SliceStable(own, func(a, b int) bool { return own[a].start < own[b].start })
	f.linkLists(s, own)
	for k := range own {
		own[k].locate(di, si, base)
	}
	return out
}

func (f *finder) modifierTail(part string) bool {
	// Corpus first: a word it writes in lower case by itself is a word.
	if f.vocab.lowerCount(part) > 0 || strings.HasSuffix(part, "ed") || strings.HasSuffix(part, "ing") {
		return true
	}
	return len(part) >= 3 && f.judged("tail "+part, func() bool { return lexicon.Senses(part) >= 3 })
}

func (f *finder) standsAlone(part string) bool {
	return places[part] || f.judged("part "+part, func() bool { return lexicon.Known(part) })
}

// judged memoises a dictionary verdict for this reader of the corpus.
func (f *finder) judged(key string, verdict func() bool) bool {
	v, ok := f.parts[key]
	if !ok {
		v = verdict()
		f.parts[key] = v
	}
	return v
}

// cutCredits drops everything from a photo credit ("Photograph: ...") on.
func cutCredits(s string, toks []token) []token {
	for i, t := range toks {
		// The colon first: most gaps are a space, and a lookup costs more.
		if i+1 < len(toks) && strings.HasPrefix(strings.TrimSpace(s[t.outer:toks[i+1].start]), ":") && creditWords[t.key] {
			return toks[:i]
		}
	}
	return toks
}

// nameWord decides whether token i can be part of a name.
func (f *finder) nameWord(toks []token, i int) bool {
	t := toks[i]
	if !t.nameShaped || t.key == "" || hasDigit(t.text) || notNames[t.key] {
		return false
	}
	if f.vocab.abbreviations[t.key] && !saints[t.key] && (i == 0 || t.gapBefore || !toks[i-1].nameShaped) {
		return false // "Ala.", "Atty."; but "Gulf Oil Corp."
	}
	nextNamed := i+1 < len(toks) && toks[i+1].nameShaped && !toks[i+1].gapBefore &&
		(!words.IsStop(toks[i+1].key) || toks[i+1].dotted && len(toks[i+1].key) == 1)
	switch {
	case t.acronym && len(t.key) <= 5, hyphenated(t.text) && !words.IsCapitalised(t.text):
		return true
	case utf8.RuneCountInString(t.text) == 1 && t.dotted:
		return nextNamed // an initial
	case looseParticles[t.key]:
		return nextNamed // "Bin Laden’s" opening a sentence
	case words.IsStop(t.key) || t.initial && openers[t.key]:
		return false
	}
	if t.headline {
		// In title case only a word capitalised elsewhere too is a name,
		// or one that a head noun follows ("Asia-Pacific Foundation").
		return f.vocab.capMid[t.key] >= 2 || places[t.key] ||
			i+1 < len(toks) && toks[i+1].nameShaped && isHead(toks[i+1].key) && !toks[i+1].gapBefore
	}
	if !t.initial {
		return !f.vocab.isCommon(t.key)
	}
	// A capitalised word opening a sentence is a name only when the corpus
	// shows it is one, or when another name follows it.
	return f.vocab.provenName(t.key) || places[t.key] ||
		f.vocab.lowerCount(t.key) == 0 && nextNamed && !titles[t.key]
}

// modifier accepts an ordinary word capitalised mid-sentence before a name
// or a head noun: "Security Council", "New York", "State Department".
func (f *finder) modifier(toks []token, named []bool, i int) bool {
	t := toks[i]
	if t.initial || t.headline || !t.nameShaped || i+1 >= len(toks) || toks[i+1].gapBefore || t.closes ||
		words.IsStop(t.key) || notNames[t.key] || hasDigit(t.text) || titles[t.key] {
		return false
	}
	next := toks[i+1]
	return named[i+1] && !titles[next.key] || next.nameShaped && isHead(next.key)
}

// continuesName accepts an ordinary noun capitalised mid-sentence right
// after a name: "Cape Fear", "Puget Sound", "Sen. John Tower". Prose
// capitalises such a word only as part of a name; a verb or an adverb
// ("Trump Wants", "Trump Said", "Trump Now") is a headline's title case.
func continuesName(toks []token, i int) bool {
	t, prev := toks[i], toks[i-1]
	if !t.nameShaped || t.initial || t.headline || t.gapBefore || prev.closes || prev.headline || t.acronym ||
		words.IsStop(t.key) || notNames[t.key] || titles[t.key] || openers[t.key] || personCueVerbs[t.key] || hasDigit(t.text) {
		return false
	}
	return !strings.HasSuffix(t.key, "s") && !strings.HasSuffix(t.key, "ed") && !strings.HasSuffix(t.key, "ing")
}

// spanAt finds the name starting at token i: ts is where its titles start,
// ns where the name proper starts, e its end (e == i when there is none),
// and in > 0 the index of "in" in an "X in the Y" reading.
func (f *finder) spanAt(toks []token, named []bool, i int) (ts, ns, e, in int) {
	n := len(toks)
	ts, ns = i, i
	for ns < n && isTitleTok(toks[ns]) && (ns == i || !toks[ns].gapBefore) && !toks[ns].closes {
		ns++
	}
	if ns > i && !(ns < n && named[ns] && !toks[ns].gapBefore && !isHead(toks[ns].key)) {
		ns = i // titles with no name after them are ordinary words
	}
	if ns > i && f.titleCasePhrase(toks, named, i, ns) {
		named[ns] = false
		return i, i, i, 0
	}
	startsWithParticle := toks[ns].lowerCase && looseParticles[toks[ns].key] && ns+1 < n && named[ns+1] && !toks[ns+1].gapBefore
	// "State of the Union", but not in "Secretary of State of the United
	// States": a head right after "X of" ends that name, it opens none.
	// The cheap tests come first: this runs at every token of the corpus.
	closesOf := ns >= 2 && toks[ns-1].key == "of" && isHead(toks[ns].key) && toks[ns-2].nameShaped && !toks[ns].gapBefore && !toks[ns-1].gapBefore
	startsWithHead := toks[ns].nameShaped && ns+2 < n && toks[ns+1].key == "of" && isHead(toks[ns].key) && !closesOf
	if !named[ns] && !startsWithParticle && !startsWithHead {
		return i, i, i, 0
	}
	e = ns + 1
	for e < n && !toks[e].gapBefore && !toks[e-1].closes {
		t := toks[e]
		switch {
		case isTitleTok(t) && e+1 < n && named[e+1] && !isHead(toks[e+1].key):
			// "Al-Qaeda Leader Ayman al-Zawahiri": a title starts a new name.
			return ts, ns, e, in
		case named[e], t.nameShaped && (isHead(t.key) || roleNouns[t.key]), continuesName(toks, e):
			e++
			continue
		case t.lowerCase && looseParticles[t.key] && e+1 < n && named[e+1] && !toks[e+1].gapBefore:
			e++
			continue
		case t.key == "of" && !(closesOf && e == ns+1) && (isHead(toks[e-1].key) || f.ordinaryBeforeOf(toks, ns, e)) ||
			(t.key == "for" || t.key == "on") && orgHeads[toks[e-1].key]:
			// After "Ministry of", "Institute of", "Council for",
			// "Commission on", or an ordinary word the text capitalises
			// ("Cape of Good Hope"): every capitalised word ("Persian Gulf
			// for the Soviet Union" is two).
			if k := skipThe(toks, e+1); k < n && toks[k].nameShaped && !words.IsStop(toks[k].key) && !notNames[toks[k].key] && !toks[k].gapBefore {
				named[k] = true
				e = k
				continue
			}
		case t.key == "in" && in == 0 && e+2 < n && toks[e+1].key == "the" && named[e+2] && !toks[e+2].gapBefore && !toks[e+1].gapBefore:
			in = e
			e += 2
			continue
		}
		break
	}
	if in > 0 && e <= in+2 {
		e, in = in, 0
	}
	return ts, ns, e, in
}

// ordinaryBeforeOf reports whether "of" at e follows a one-word name that
// is an ordinary word capitalised mid-sentence and comes before a proper
// name: "Cape of Good Hope", "Isle of Man"; not "Branch of the Government"
// or "Gentlemen of the House", where a head noun follows.
func (f *finder) ordinaryBeforeOf(toks []token, ns, e int) bool {
	if e != ns+1 || toks[ns].initial || f.vocab.lowerCount(toks[ns].key) == 0 {
		return false
	}
	k := skipThe(toks, e+1)
	return k < len(toks) && !isHead(toks[k].key)
}

// titleCasePhrase reports whether an office title before one plural word
// seen nowhere else is a title-case phrase ("General Guidelines"), not a
// person.
func (f *finder) titleCasePhrase(toks []token, named []bool, ts, ns int) bool {
	single := ns+1 >= len(toks) || !named[ns+1] || toks[ns+1].gapBefore || toks[ns].closes
	for _, t := range toks[ts:ns] {
		if honorifics[t.key] {
			return false
		}
	}
	k := toks[ns].key
	return single && strings.HasSuffix(k, "s") && f.vocab.capMid[k] < 2
}

func skipThe(toks []token, k int) int {
	if k < len(toks) && toks[k].key == "the" && !toks[k].gapBefore {
		return k + 1
	}
	return k
}

func isTitleTok(t token) bool { return t.nameShaped && titles[t.key] }

func isHead(key string) bool { return heads[key] }

// heads joins the head nouns of organisations and places, so that telling
// a head costs one lookup.
var heads = func() map[string]bool {
	m := map[string]bool{"states": true}
	for _, set := range []map[string]bool{orgHeads, placeHeads} {
		for k := range set {
			m[k] = true
		}
	}
	return m
}()

// makeSpan builds the span of tokens [ts, e) whose name starts at ns, or
// reports that it is no name (role words only, a lone demonym). Ordinary
// words capitalised before a head noun are a name ("Northern Alliance").
func (f *finder) makeSpan(s string, toks []token, ts, ns, e int) (rawSpan, bool) {
	for e-1 > ns && words.IsStop(toks[e-1].key) {
		e-- // "DEPARTMENT OF" in a capitalised heading
	}
	var keys []string
	substantive := 0
	for _, t := range toks[ns:e] {
		keys = append(keys, t.key)
		if t.nameShaped && !roleNouns[t.key] && !titles[t.key] && !f.vocab.isCommon(t.key) {
			substantive++
		}
	}
	if last := toks[e-1]; e-ns >= 2 && last.nameShaped && isHead(last.key) {
		substantive++
	}
	if substantive == 0 {
		return rawSpan{}, false
	}
	key := identityKey(strings.Join(keys, " "))
	if last := toks[e-1]; f.isPeople(keys) || last.nameShaped && roleNouns[last.key] && !isHead(last.key) || e-ns == 1 && compass[key] {
		return rawSpan{}, false // "Central Asians", "Visiting Teacher"
	}
	if e-ns == 1 && (utf8.RuneCountInString(key) == 1 || utf8.RuneCountInString(key) == 2 && !isAllCaps(toks[ns].text)) {
		return rawSpan{}, false // a letter ("plan of B") or an abbreviation ("Co")
	}
	if e-ns == 1 && (isRoman(toks[ns].text) || titles[strings.TrimSuffix(key, "s")] || modifierPrefix(strings.ToLower(toks[ns].text)) ||
		f.pluralHead(key) && !places[key] || placeHeads[key] && !places[key] ||
		genericHeads[key]) {
		return rawSpan{}, false // "Title IV", "Senators", "Trans-Pacific", "the States", "the Lake", "the Department"
	}
	if e-ns == 1 && e < len(toks) && !toks[e].gapBefore && hasDigit(toks[e].text) && !places[key] {
		return rawSpan{}, false // a designation: "Resolution 1267", "Department 12"
	}
	sp := rawSpan{
		start:   toks[ts].start,
		end:     toks[e-1].outer,
		text:    s[toks[ts].start:toks[e-1].end],
		name:    s[toks[ns].start:toks[e-1].end],
		key:     key,
		acronym: e-ns == 1 && toks[ns].acronym,
	}
	if ns > ts {
		sp.title = strings.TrimSpace(s[toks[ts].start:toks[ns].start])
	}
	if last := toks[e-1]; last.outer > last.end && !last.compound {
		sp.possessive = s[toks[ns].start:last.outer]
	}
	if ts > 0 && !toks[ts].gapBefore {
		sp.prev = toks[ts-1].key
	}
	// After a possessive the next word is still a cue ("Boko Haram’s
	// fighters"), but not after a modifier compound ("Taliban-led").
	if e < len(toks) && !toks[e].gapBefore && !toks[e-1].compound {
		sp.next, sp.nextText = toks[e].key, toks[e].text
	}
	return sp, true
}

// pluralHead reports whether a folded word is the plural of a head noun
// the corpus uses as a word ("the States", "Departments"); not of one it
// writes only as a name ("Talibans": a possessive whose apostrophe was
// lost, or the name's own plural).
func (f *finder) pluralHead(key string) bool {
	head, ok := strings.CutSuffix(key, "s")
	return ok && isHead(head) && (f.vocab.lowerCount(head) > 0 || f.vocab.capMid[head] == 0)
}

// isPeople reports whether folded words name a nationality or faith rather
// than an actor: demonyms only ("Shiite Hazara"), or ending in a plural
// demonym ("Central Asians", "Frenchmen").
func (f *finder) isPeople(keys []string) bool {
	all := true
	for i, k := range keys {
		all = all && (f.isDemonym(k) || i == 0 && (compass[k] || k == "west" || k == "far" || k == "near") && len(keys) > 1) // "South American", "Far Eastern", "West Indian"
	}
	last := keys[len(keys)-1]
	plural := strings.HasSuffix(last, "s") && (f.isDemonym(strings.TrimSuffix(last, "s")) || f.isDemonym(strings.TrimSuffix(last, "es"))) ||
		strings.HasSuffix(last, "men")
	return all || plural
}

func (f *finder) isDemonym(k string) bool {
	return demonym(k) || partyWords[k] || f.vocab.peopleWords[k]
}

// demonym reports whether the folded word names a nationality, in the
// singular or the plural ("American", "Americans").
func demonym(k string) bool { return demonyms[k] || demonyms[strings.TrimSuffix(k, "s")] }

// isRoman reports whether a word is a Roman numeral of up to four letters
// ("IV", "XII"): a number, not a name.
func isRoman(w string) bool {
	return len(w) >= 2 && len(w) <= 4 && strings.Trim(w, "IVXLC") == ""
}

// modifierPrefix reports whether a one-word name, lower-cased, is a
// prefixed adjective ("Trans-Pacific", "Anti-Federalist", "Pan-American").
func modifierPrefix(word string) bool {
	first, _, ok := strings.Cut(word, "-")
	return ok && (first == "trans" || first == "anti" || first == "pro" || first == "pan" || first == "inter" || first == "non")
}

// identityKey drops the particles of a folded name ("al qaeda" -> "qaeda")
// unless nothing else is left.
func identityKey(key string) string {
	ws := strings.Fields(key)
	kept := ws[:0:0]
	for _, w := range ws {
		if !particles[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return key
	}
	return strings.Join(kept, " ")
}

// locate turns sentence offsets into document offsets.
func (sp *rawSpan) locate(di, si, base int) {
	sp.doc, sp.sentence = di, si
	sp.start += base
	sp.end += base
	for k := range sp.alt {
		sp.alt[k].locate(di, si, base)
	}
}

// linkLists gives the spans of one coordinated list ("in Kabul, Kunar, and
// Helmand provinces") a shared list number, so that a cue on the list's
// first or last member tells the kind of all of them.
func (f *finder) linkLists(s string, spans []rawSpan) {
	for k := 1; k < len(spans); k++ {
		if spans[k].start < spans[k-1].end {
			continue
		}
		gap := strings.TrimSpace(s[spans[k-1].end:spans[k].start])
		if gap != "," && gap != "and" && gap != ", and" && gap != "or" && gap != ", or" {
			continue
		}
		if spans[k-1].list == 0 {
			f.lists++
			spans[k-1].list = f.lists
		}
		spans[k].list = spans[k-1].list
	}
}
