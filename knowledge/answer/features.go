package answer

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"briefbot/knowledge/lexicon"
	"briefbot/knowledge/words"
)

// features are what a passage offers beyond the question's words: the kind
// of answer each intent asks for.
type features struct {
	figure   bool // a quantity other than the question's own numbers
	date     bool
	speech   bool // quotation marks or a verb of saying
	describe bool // "X is/was ...", "X, a ..." about a name the question asks for
	place    bool
	reason   bool // a cause or purpose: "because", "in order to", "aimed at"
	year     bool // a year of its own: the passage is set in its time
	day      bool // a day of a month: "July 31", "the 19th of December"
	money    bool // an amount of money: "$20m", "25 million dollars"
	percent  bool // a percentage: "47.1%", "8.4 per cent", "40-percent"
	// bareCount is a quantity that names nothing after it ("there were
	// twenty-two in Norton County", "rose to 30 on Monday"): it counts
	// what the passage speaks of.
	bareCount bool
	// duration is a span of time: a quantity of a unit of time ("three
	// hours", "in less than a week"), not a moment ("last month").
	duration bool
	length   bool // a quantity of a unit of length: "555 feet", "a 3-by-6-foot sign"
	fraction bool // a part of a whole: "half the salary", "two-thirds of the seats"
	age      bool // someone's age: "aged 71", "a 23-year-old son", "at the age of 12", "Zawahiri, 71,"
}

// wordKind marks the words that make a feature, so that each token of a
// passage is looked up once.
type wordKind uint16

const (
	month wordKind = 1 << iota
	countWord
	timeUnit
	sayingWord
	reasonWord
	placePreposition
	season
	currency
	weekday
	timeOfDay
	numberWord
	lengthUnit
	fractionWord
)

var wordKinds = kindsOf(map[wordKind]string{
	month: `january february march april may june july august september october november
		december jan feb mar apr jun jul aug sep sept oct nov dec`,
	countWord: `dozen dozens hundred hundreds thousand thousands million millions billion
		billions trillion few several`,
	timeUnit: `second seconds minute minutes hour hours day days week weeks month months
		year years decade decades century centuries`,
	sayingWord: `said says say told tells warned warns wrote writes added adds argued argues
		claimed claims noted notes stated states cautioned lamented insisted declared according
		believes believed predicted suggested`,
	reasonWord: `because due since reason reasons aimed aim designed purpose order sought seeking
		consequently therefore cause causes caused result results resulted stem stems stemmed
		owing hence explains explained explanation why`,
	placePreposition: `in from at near into across`,
	season:           `spring summer autumn winter`,
	currency:         `dollar dollars cents pound pounds euro euros francs yen rupees marks pesos`,
	weekday:          `monday tuesday wednesday thursday friday saturday sunday`,
	timeOfDay:        `noon midnight oclock`,
	lengthUnit: `inch inches foot feet ft yard yards mile miles meter meters metre metres
		kilometer kilometers kilometre kilometres km centimeter centimeters centimetre centimetres`,
	fractionWord: `half halves third thirds quarter quarters fifth fifths tenth tenths`,
	numberWord: `two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
		sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety`,
})

func kindsOf(lists map[wordKind]string) map[string]wordKind {
	m := map[string]wordKind{}
	for k, list := range lists {
		for _, w := range strings.Fields(list) {
			m[w] |= k
		}
	}
	return m
}

var describers = words.Set(`a an the former senior deputy head chief leader member one now`)

// statesReason reports whether a text gives a cause or a purpose.
func statesReason(text string) bool { return anyWord(text, givesReason) }

// statesCause reports whether a text gives a cause, in words that give
// nothing else ("since" may say when, "order" command, "aim" purpose).
func statesCause(text string) bool {
	return anyWord(text, func(word, _ string) bool { return causeWords[word] })
}

// anyWord reports whether some folded word of text, before the next,
// passes test.
func anyWord(text string, test func(word, next string) bool) bool {
	toks := words.Tokenize(text)
	next := ""
	for i := len(toks) - 1; i >= 0; i-- {
		k := fold(toks[i].Text)
		if test(k, next) {
			return true
		}
		next = k
	}
	return false
}

var causeWords = words.Set(`because due owing caused causes cause consequently therefore hence stems stemmed
explains explained`)

// givesReason reports whether a folded word, before next, gives a cause or
// a purpose: "because", "due", "so" before "that".
func givesReason(word, next string) bool {
	return wordKinds[word]&reasonWord != 0 || word == "so" && next == "that"
}

// featureBuffer holds a passage's tokens, their keys and kinds while its
// features are read: every question reads a few dozen passages, and the
// buffers are reused rather than allocated for each.
type featureBuffer struct {
	toks  []words.Token
	keys  []string
	kinds []wordKind
}

var featureBuffers = sync.Pool{New: func() any { return new(featureBuffer) }}

// featuresOf reads the features of a passage's text for a question.
func featuresOf(e *Engine, text string, q *query) features {
	var f features
	lastFigure := -1 // token index of the last quantity seen
	b := featureBuffers.Get().(*featureBuffer)
	defer featureBuffers.Put(b)
	b.toks = words.AppendTokens(b.toks[:0], text)
	toks := b.toks
	b.keys = slices.Grow(b.keys[:0], len(toks))[:len(toks)]
	b.kinds = slices.Grow(b.kinds[:0], len(toks)+1)[:len(toks)+1] // one more: the word after the last
	keys, kinds := b.keys, b.kinds
	kinds[len(toks)] = 0
	for i, t := range toks {
		keys[i] = fold(t.Text)
		kinds[i] = wordKinds[keys[i]]
	}
	f.speech = strings.ContainsAny(text, "“”\"")
	for i, t := range toks {
		k, kind := keys[i], kinds[i]
		prev, prevKind, next := "", wordKind(0), ""
		if i > 0 {
			prev, prevKind = keys[i-1], kinds[i-1]
		}
		if i+1 < len(toks) {
			next = keys[i+1]
		}
		if strings.ContainsAny(t.Text[:1], "$£€") || kind&currency != 0 && i > 0 && (isNumber(prev) || spelledNumber(prev) || prevKind&countWord != 0) {
			f.money = true
		}
		if kind&month != 0 && (k != "may" || words.IsCapitalised(t.Text)) &&
			(dayOfMonth(next) || dayOfMonth(prev) || prev == "of" && i > 1 && dayOfMonth(keys[i-2])) {
			f.date, f.day = true, true // "July 31", "4 May 1921", "the 19th of December"
		}
		switch {
		case strings.HasPrefix(t.Text, "$"):
			// An amount of money counts no things: "$11,900,000, a new
			// record" does not answer "how many new jobs", but does "how
			// many dollars".
			switch {
			case len(q.counted) == 0:
				lastFigure = i
			case q.money:
				f.figure = true
			}
		case kind&month != 0 && (isYearToken(next) || isNumber(next) || isYearToken(prev)) && k != "may":
			f.date = true
		case (kind&month != 0 && words.IsCapitalised(t.Text) || kind&season != 0) && inTime(keys, i):
			f.date = true // "in August", "since March", "in the spring"
		case kind&weekday != 0 && words.IsCapitalised(t.Text), kind&timeOfDay != 0, isClock(text, toks, i):
			f.date = true // "on Sunday", "at noon", "at 11:20": when, within a day
		case isYearToken(t.Text) || isYearRange(t.Text) || eraYear(text, toks, i) || earlyYear(text, toks, keys, i):
			f.date, f.year = true, true
		case (k == "century" || k == "centuries") && i > 0 && isOrdinal(prev):
			f.date = true // "in the first century", "the 12th century"
		case k == "ago" && prevKind&timeUnit != 0:
			f.date = true // "24 years ago": when, counted back from the telling
		case isNumber(t.Text) && prevKind&month == 0 && kinds[i+1]&month == 0 && !q.states(t.Text):
			lastFigure = i
			f.bareCount = f.bareCount || namesNothing(text, toks, keys, i)
		case spelledNumber(k):
			lastFigure = i // "forty-seven special district governments"
			f.bareCount = f.bareCount || namesNothing(text, toks, keys, i)
		case kind&countWord != 0, kind&timeUnit != 0 && (prev == "a" || prev == "an"):
			lastFigure = i // "dozens", "in less than a week"
		}
		quantified := i > 0 && (prev == "a" || prev == "an" || isNumber(prev) || spelledNumber(prev) || prevKind&countWord != 0)
		if kind&timeUnit != 0 && quantified {
			f.duration = true
		}
		if kind&lengthUnit != 0 && quantified || ownUnit(t.Text, lengthUnit) {
			f.length = true
		}
		if statesAge(text, toks, keys, i) {
			f.age = true
		}
		// "How many X": the quantity must count X ("15 Afghan provinces",
		// "thousands of jailed radicals"), not something else nearby.
		if lastFigure >= 0 && (len(q.counted) == 0 || (i-lastFigure <= countedReach && e.counts(q, t.Text, k, i-lastFigure)) || i == lastFigure && e.countsOwnUnit(q, t.Text)) {
			f.figure = true
		}
		if kind&sayingWord != 0 {
			f.speech = true
		}
		if strings.HasPrefix(text[t.End:], "%") || strings.HasSuffix(k, "percent") || k == "cent" && prev == "per" {
			f.percent = true
		}
		if wordKinds[k[strings.LastIndexByte(k, ' ')+1:]]&fractionWord != 0 {
			f.fraction = true // "half", "two-thirds"
		}
		if givesReason(k, next) {
			f.reason = true
		}
		if q.names[k] && describesAfter(text, toks, keys, i) {
			f.describe = true
		}
		if prevKind&placePreposition != 0 && i > 1 && words.IsCapitalised(t.Text) {
			f.place = true
		}
	}
	return f
}

// maxAge bounds the number an apposition may give as an age.
const maxAge = 120

// statesAge reports whether token i gives someone's age: "71-year-old",
// "71 years old", "aged 71", "the age of 71", "she was eight", or a number
// set off by commas after a name ("Zawahiri, 71, was").
func statesAge(text string, toks []words.Token, keys []string, i int) bool {
	k := keys[i]
	numberAt := func(j int) bool { return j >= 0 && j < len(keys) && (isNumber(keys[j]) || spelledNumber(keys[j])) }
	switch {
	case strings.HasSuffix(k, " year old") || strings.HasSuffix(k, " years old"):
		return !anothersAge(keys, i)
	case (k == "years" || k == "year") && numberAt(i-1) && i+1 < len(keys) && keys[i+1] == "old":
		return true
	case k == "aged" && numberAt(i+1), k == "age" && i+2 < len(keys) && keys[i+1] == "of" && numberAt(i+2):
		return true
	}
	if !numberAt(i) || i == 0 {
		return false
	}
	if i > 1 && (keys[i-1] == "was" || keys[i-1] == "is") && agePronouns[keys[i-2]] && namesNothing(text, toks, keys, i) {
		return true // "when she was eight"
	}
	if n, err := strconv.Atoi(k); err != nil || n < 1 || n > maxAge || !words.IsCapitalised(toks[i-1].Text) {
		return false
	}
	return strings.TrimSpace(text[toks[i-1].End:toks[i].Start]) == "," && i+1 < len(toks) && strings.TrimSpace(text[toks[i].End:toks[i+1].Start]) == ","
}

// anothersAge reports whether the age at token i is someone's the
// sentence names only through another: "mother of a 23-year-old son",
// "her 23-year-old son".
func anothersAge(keys []string, i int) bool {
	return i > 0 && possessives[keys[i-1]] || i > 1 && keys[i-2] == "of" && (keys[i-1] == "a" || keys[i-1] == "an")
}

var possessives = words.Set(`his her their its whose`)

// agePronouns are the persons whose age "was eight" gives.
var agePronouns = words.Set(`he she i`)

// namesNothing reports whether the quantity at token i is followed by no
// noun: by a preposition, by punctuation, or by nothing. A range ("four
// to eight young") names what its last number does; after a determiner
// ("between the two", "their three") the number stands for things named
// before, and after a capitalised word it is part of a name ("World War
// 2", "Resolution 1267"): neither is a count.
func namesNothing(text string, toks []words.Token, keys []string, i int) bool {
	switch {
	case i > 0 && (determiners[keys[i-1]] || words.IsCapitalised(toks[i-1].Text)):
		return false
	case i+1 == len(toks):
		return true
	case i+2 < len(toks) && (keys[i+1] == "to" || keys[i+1] == "or") && (isNumber(keys[i+2]) || spelledNumber(keys[i+2])):
		return false
	}
	return headEnds[keys[i+1]] || strings.TrimSpace(text[toks[i].End:toks[i+1].Start]) != ""
}

// countedReach is how many words may separate a quantity from what it
// counts.
const countedReach = 4

// counts reports whether a token, reach words after a quantity, expresses
// one of the things a "how many" question counts.
func (e *Engine) counts(q *query, token, key string, reach int) bool {
	for _, ci := range q.counted {
		c := &q.concepts[ci]
		if slices.Contains(c.names, key) || countsPeople(c.written, token, key, reach) {
			return true
		}
		t, ok := e.ix.lookup(key)
		if !ok {
			continue
		}
		// By its own forms or a plain synonym: "thirty years" does not
		// count days, though "years" is a synonym of "days" in one of its
		// senses.
		for _, a := range c.alts {
			if a.term == t && a.quality >= relatedQuality[lexicon.Synonym] {
				return true
			}
		}
	}
	// A kind of what is counted counts it: "one hundred fifty concerts"
	// are performances.
	return len(q.countedKinds) > 0 && slices.ContainsFunc(lexicon.Lemmas(key), func(l string) bool { return q.countedKinds[l] })
}

// countsPeople reports whether a count of token, reach words after the
// quantity, counts the written word "people" (or "persons"): a plural
// noun for persons right after it, or after an adjective ("800 persons",
// "two men", "40 armed soldiers"; not "the eighth visit. Capt. Jenks").
// "people" is English's plural of "person", and neither the stemmer nor
// WordNet's relations link the two words, or a person's kinds to
// "people", which WordNet files under groups.
func countsPeople(written, token, key string, reach int) bool {
	if reach > peopleReach || words.IsCapitalised(token) {
		return false // cheap tests first: this runs for every word near a figure
	}
	switch words.Key(written) {
	case "people", "persons":
		return personNoun(key)
	}
	return false
}

// personNoun reports whether key is the plural of a noun for persons:
// "person" itself or one of its WordNet synonyms ("individuals"), or a
// noun WordNet files under persons ("soldiers", "men"; "men" is also a
// lemma of its own, filed under groups). Only a plural: "had" is a form of
// "have", whose noun, one of "the haves", is a person too.
func personNoun(key string) bool {
	if !strings.HasSuffix(key, "s") && !strings.HasSuffix(key, "men") {
		return false
	}
	return slices.ContainsFunc(lexicon.Lemmas(key), func(l string) bool {
		return l != key && (l == "person" || lexicon.Category(l) == "person" || slices.Contains(lexicon.Related(l), lexicon.Relation{Word: "person", Kind: lexicon.Synonym}))
	})
}

// peopleReach is how many words may separate a quantity from the noun of
// persons it counts: an adjective at most.
const peopleReach = 2

// countedKinds returns the words WordNet lists as kinds of the concepts a
// "how many" question counts, read once a question.
func countedKinds(q *query) map[string]bool {
	var kinds map[string]bool
	for _, ci := range q.counted {
		for _, r := range lexicon.Related(baseWord(words.Key(q.concepts[ci].written))) {
			if r.Kind == lexicon.Hyponym {
				if kinds == nil {
					kinds = map[string]bool{}
				}
				kinds[r.Word] = true
			}
		}
	}
	return kinds
}

// ownUnit reports whether a quantity is written with a unit of the kind in
// one word: "555-foot", "a 3-by-6-foot sign", "10-year".
func ownUnit(token string, kind wordKind) bool {
	i := strings.LastIndexByte(token, '-')
	return i > 0 && isNumber(token[:i]) && wordKinds[words.Key(token[i+1:])]&kind != 0
}

// countsOwnUnit reports whether a quantity written with its unit in one
// word ("195-page", "a 3-by-6-foot sign") counts what the question does.
func (e *Engine) countsOwnUnit(q *query, token string) bool {
	parts := strings.Split(token, "-")
	for _, part := range parts[1:] {
		if k := words.Key(part); k != "" && !isNumber(k) && e.counts(q, part, k, 0) {
			return true
		}
	}
	return false
}

// describesAfter reports whether the name at token i is followed by a
// description: "Khorasani was ISIS head", "Taj Mir Jawad, a senior
// commander".
func describesAfter(text string, toks []words.Token, keys []string, i int) bool {
	j := i + 1
	for j < len(toks) && words.IsCapitalised(toks[j].Text) { // the rest of the name
		j++
	}
	if j >= len(toks) {
		return false
	}
	k := keys[j]
	if k == "is" || k == "was" {
		// "X was ISIS head", not "X was taken from ...".
		return j+1 < len(toks) && !isParticiple(keys[j+1])
	}
	gap := text[toks[j-1].End:toks[j].Start]
	return strings.Contains(gap, ",") && describers[k]
}

// states reports whether the question itself states this number.
func (q *query) states(token string) bool {
	n := strings.ToLower(strings.ReplaceAll(token, ",", ""))
	for _, x := range q.numbers {
		if x == n {
			return true
		}
	}
	return false
}

// datePrepositions put a month alone in time: "in August", "by March".
var datePrepositions = words.Set(`in on since by until till from early late mid last next this`)

// inTime reports whether the word at i follows a preposition of time,
// directly or through "the".
func inTime(keys []string, i int) bool {
	if i > 0 && datePrepositions[keys[i-1]] {
		return true
	}
	return i > 1 && keys[i-1] == "the" && datePrepositions[keys[i-2]]
}

// isClock recognises a time of day: "11:20" (the tokenizer splits it at
// the colon) or "9 a.m.", "3 P.M." at token i.
func isClock(text string, toks []words.Token, i int) bool {
	h := toks[i].Text
	if len(h) > 2 || !allDigits(h) {
		return false
	}
	after := text[toks[i].End:]
	if i+1 < len(toks) && strings.HasPrefix(after, ":") && toks[i+1].Start == toks[i].End+1 {
		m := toks[i+1].Text
		return len(m) == 2 && allDigits(m)
	}
	after = strings.ToLower(strings.TrimLeft(after, " "))
	return strings.HasPrefix(after, "a.m.") || strings.HasPrefix(after, "p.m.")
}

// dayOfMonth reports whether a folded word is a day of a month: "31",
// "19th", "1st".
func dayOfMonth(k string) bool {
	for _, suffix := range []string{"st", "nd", "rd", "th"} {
		if n, ok := strings.CutSuffix(k, suffix); ok && n != "" {
			k = n
			break
		}
	}
	n, err := strconv.Atoi(k)
	return err == nil && n >= 1 && n <= 31
}

// spelledNumber recognises a number written in words from two to
// ninety-nine ("forty-seven"); "one" is too often no number at all.
func spelledNumber(key string) bool {
	parts := 0
	for part := range strings.FieldsFuncSeq(key, func(r rune) bool { return r == '-' || r == ' ' }) {
		if wordKinds[part]&numberWord == 0 {
			return false
		}
		parts++
	}
	return parts > 0
}

// eraYear recognises a year written with its era, of any age: "213 b.c.",
// "70 AD", "A.D. 70".
func eraYear(text string, toks []words.Token, i int) bool {
	t := toks[i]
	if !allDigits(t.Text) {
		return false
	}
	// An era mark is a few letters: a few bytes either side say.
	after := strings.ToLower(strings.TrimLeft(text[t.End:min(len(text), t.End+eraReach)], " "))
	for _, era := range eras {
		if rest, ok := strings.CutPrefix(after, era); ok && !startsWithLetter(rest) {
			return true
		}
	}
	from := max(0, t.Start-eraReach)
	before := strings.ToLower(strings.TrimRight(text[from:t.Start], " "))
	return strings.HasSuffix(before, "a.d.") || strings.HasSuffix(before, "a.d") || strings.HasSuffix(before, " ad") || before == "ad" && from == 0
}

// eraReach bounds the text read for an era mark around a year.
const eraReach = 8

// eras are the marks that follow a year, longest first.
var eras = []string{"b.c.e.", "b.c.", "bce", "bc", "a.d.", "ad", "c.e.", "ce"}

// earlyYear recognises a year before 1600 (isYearToken's range), which a
// number of three or four digits is only in time: after a preposition of
// time, and not counting the word after it ("in 1492, Columbus", "by 1066
// the" but not "in 1200 cases").
func earlyYear(text string, toks []words.Token, keys []string, i int) bool {
	t := toks[i]
	if !allDigits(t.Text) || len(t.Text) < 3 || len(t.Text) > 4 || i == 0 || !yearPrepositions[keys[i-1]] {
		return false
	}
	if i+1 == len(toks) || strings.TrimSpace(text[t.End:toks[i+1].Start]) != "" {
		return true // punctuation or the end follows
	}
	next := toks[i+1].Text
	return words.IsCapitalised(next) || words.IsStop(keys[i+1])
}

// yearPrepositions put a bare number in time.
var yearPrepositions = words.Set(`in by since until till from before after around circa`)

// isOrdinal recognises "first" to "twentieth", "twenty-first" and "12th".
func isOrdinal(k string) bool {
	if n := len(k); n > 2 && allDigits(k[:n-2]) {
		return strings.HasSuffix(k, "st") || strings.HasSuffix(k, "nd") || strings.HasSuffix(k, "rd") || strings.HasSuffix(k, "th")
	}
	_, last, _ := strings.Cut(k, "-")
	if last == "" {
		last = k
	}
	return ordinals[last]
}

var ordinals = words.Set(`first second third fourth fifth sixth seventh eighth ninth tenth eleventh
twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth`)

func allDigits(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
}

func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// isYearRange recognises "2009-2012" and "1996–2001".
func isYearRange(s string) bool {
	a, b, ok := strings.Cut(strings.ReplaceAll(s, "–", "-"), "-")
	return ok && isYearToken(a) && (isYearToken(b) || len(b) == 2 && isNumber(b))
}

func isYearToken(s string) bool {
	s = strings.TrimSuffix(s, "s") // "the 1980s"
	if len(s) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return (s[0] == '1' && s[1] >= '6') || (s[0] == '2' && s[1] == '0')
}

// isParticiple recognises a past participle, which makes "X was ..." an
// event rather than a description.
func isParticiple(w string) bool {
	_, irregular := lemmas[w]
	return irregular || strings.HasSuffix(w, "ed")
}

// fold is words.Key with a fast path for plain ASCII words, which most
// tokens are.
func fold(token string) string {
	for i := 0; i < len(token); i++ {
		c := token[i]
		if c >= 0x80 || c == '\'' || c == '-' || c == '.' || c == ',' {
			return words.Key(token)
		}
	}
	return strings.ToLower(token)
}
