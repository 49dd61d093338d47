package actors

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/internal/parallel"
	"briefbot/knowledge/words"
)

// maxRoleWords bounds a role phrase: longer ones are clauses, not roles.
const maxRoleWords = 14

// headWords is how far into a role phrase its role noun must come: "a
// senior Taliban commander" is a role, "a US defeat at the hands of an
// Islamist militia" is not.
const headWords = 5

// Descriptions are found by five patterns around a mention, each giving a
// verbatim stretch of the sentence that holds the name and its role:
//
//	apposition after:  "Taj Mir Jawad, a senior Taliban commander"
//	copula:            "Khorasani was ISIS head in South Asia"
//	apposition before: "the UK defence secretary, Ben Wallace"
//	role before:       "former US defence secretary Leon Panetta"
//	title:             "Former Vice President Mike Pence"
//
// The last three describe people only: before the name of a group or a
// place the same shapes say something else ("the chief editor of INTERZINE").
type describer func(s string, start, end int) (from, to int, ok bool)

var describers = []struct {
	find       describer
	bonus      int
	peopleOnly bool
}{{appositionAfter, 3, false}, {copula, 2, false}, {appositionBefore, 3, true}, {roleBefore, 2, true}, {titled, 1, true}}

// subordinators end a role phrase: what follows is a new clause.
var subordinators = words.Set(`until when while because after before since who whom whose which that but
although though where if as`)

var determiners = words.Set(`a an the former`)

// describe collects the cited role phrases of every actor, best first, on
// all CPUs: each actor's descriptions depend on its mentions alone.
func describe(actors []*Actor) {
	parallel.For(len(actors), func(_, i int) { describeActor(actors[i]) })
}

func describeActor(a *Actor) {
	found := map[string]*Description{}
	score := map[string]int{}
	for _, m := range a.Mentioned {
		s, start, end := context(m)
		for _, d := range describers {
			if d.peopleOnly && a.Kind != Person {
				continue
			}
			from, to, ok := d.find(s, start, end)
			if !ok {
				continue
			}
			text := s[from:to]
			k := words.Key(text)
			if found[k] == nil {
				found[k] = &Description{Text: text}
				score[k] = d.bonus - len(text)/60
			}
			addCitation(found[k], m.Doc, int(m.Sentence))
		}
	}
	for k, d := range found {
		score[k] += 10 * corpus.DistinctDocs(d.Citations)
		a.Descriptions = append(a.Descriptions, *d)
	}
	sort.Slice(a.Descriptions, func(i, j int) bool {
		si, sj := score[words.Key(a.Descriptions[i].Text)], score[words.Key(a.Descriptions[j].Text)]
		if si != sj {
			return si > sj
		}
		return a.Descriptions[i].Text < a.Descriptions[j].Text
	})
	if len(a.Descriptions) > 0 {
		a.Description = a.Descriptions[0].Text
	}
}

// maxContext bounds the bytes read on each side of a mention: a role phrase
// is short, and a run-on "sentence" (a table, a list) must not make the
// work quadratic.
const maxContext = 400

// context returns the text around mention m within its sentence, and the
// mention's span in it.
func context(m Mention) (s string, start, end int) {
	sent := m.Doc.Sentences[m.Sentence]
	mStart, mEnd := int(m.Start), int(m.End)
	from, to := max(int(sent.Start), mStart-maxContext), min(int(sent.End), mEnd+maxContext)
	for from < mStart && !utf8.RuneStart(m.Doc.Text[from]) {
		from++
	}
	for to > mEnd && to < len(m.Doc.Text) && !utf8.RuneStart(m.Doc.Text[to]) {
		to--
	}
	return m.Doc.Text[from:to], mStart - from, mEnd - from
}

func addCitation(d *Description, doc *corpus.Document, sentence int) {
	c := doc.CiteSentences(sentence, sentence)
	for _, old := range d.Citations {
		if old.Doc == c.Doc && old.Quote == c.Quote {
			return
		}
	}
	d.Citations = append(d.Citations, c)
}

// appositionAfter: "Name, a senior Taliban commander and member of ...".
func appositionAfter(s string, start, end int) (int, int, bool) {
	rest := strings.TrimLeftFunc(s[end:], unicode.IsSpace)
	r, size := utf8.DecodeRuneInString(rest)
	if !strings.ContainsRune(",–—-", r) || !startsWithSpace(rest[size:]) {
		return 0, 0, false
	}
	phraseStart := len(s) - len(strings.TrimLeftFunc(rest[size:], unicode.IsSpace))
	ws := strings.Fields(s[phraseStart:])
	if len(ws) == 0 || !determiners[strings.ToLower(ws[0])] && !roleNouns[words.Key(ws[0])] {
		return 0, 0, false
	}
	to := phraseEnd(s, phraseStart)
	if !hasRole(firstWords(s[phraseStart:to], headWords)) {
		return 0, 0, false
	}
	return start, to, true
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func firstWords(s string, n int) string {
	ws := strings.Fields(s)
	return strings.Join(ws[:min(n, len(ws))], " ")
}

// appositionBefore: "the UK defence secretary, Name".
func appositionBefore(s string, start, end int) (int, int, bool) {
	before, ok := strings.CutSuffix(strings.TrimRightFunc(s[:start], unicode.IsSpace), ",")
	if !ok || !strings.HasSuffix(s[:start], " ") && !strings.HasSuffix(s[:start], "\u00a0") {
		return 0, 0, false
	}
	chunkStart := strings.LastIndexAny(before, ",;:“\"(") + 1
	toks := words.Tokenize(before[chunkStart:])
	if len(toks) == 0 || !roleNouns[words.Key(toks[len(toks)-1].Text)] {
		return 0, 0, false
	}
	for i := len(toks) - 1; i >= 0 && len(toks)-i <= headWords+1; i-- {
		if w := strings.ToLower(toks[i].Text); determiners[w] && w != "former" {
			return chunkStart + toks[i].Start, end, true
		}
	}
	return 0, 0, false
}

// titled: an office written before a name as part of it ("Former Vice
// President Mike Pence"); forms of address such as "Dr." are no role.
func titled(s string, start, end int) (int, int, bool) {
	ws := words.Terms(s[start:end])
	office := false
	for _, w := range ws {
		if !titles[w] {
			break
		}
		office = office || roleNouns[w]
	}
	return start, end, office && len(ws) > 2
}

// roleBefore: "former US defence secretary Name", "jihadism scholar Name".
func roleBefore(s string, start, end int) (int, int, bool) {
	toks := words.Tokenize(s[:start])
	from := -1
	for i := len(toks) - 1; i >= 0 && len(toks)-i <= 8; i-- {
		t := toks[i]
		gap := s[t.End:start]
		if i+1 < len(toks) {
			gap = s[t.End:toks[i+1].Start]
		}
		k := words.Key(t.Text)
		if strings.TrimSpace(gap) != "" || personCueVerbs[k] || words.IsStop(k) && k != "of" && k != "and" && !isAllCaps(t.Text) ||
			k == "of" && (i == 0 || !roleNouns[words.Key(toks[i-1].Text)]) {
			break
		}
		// The role ends the phrase: "scholar Name", or "secretary of state Name".
		if n := len(toks) - i; n == 1 && !roleNouns[k] && !roleAhead(toks, i) {
			return 0, 0, false
		}
		from = t.Start
	}
	for from >= 0 {
		// Do not start on a connector.
		w := strings.Fields(s[from:start])
		if len(w) == 0 || w[0] != "of" && w[0] != "and" {
			break
		}
		from += len(w[0]) + 1
	}
	if from < 0 || from >= start || !hasRole(s[from:start]) {
		return 0, 0, false
	}
	return from, end, true
}

// roleAhead reports whether tokens i-2, i-1 read "<role> of" ("secretary
// of state").
func roleAhead(toks []words.Token, i int) bool {
	return i >= 2 && words.Key(toks[i-1].Text) == "of" && roleNouns[words.Key(toks[i-2].Text)]
}

// copula: "Name was ISIS head in South Asia", "Name is now the Deputy Director of ...".
// copulaWords is as far as copula reads: the verb, up to six adverbs
// ("now", "also", "still", "currently") and the phrase's first word.
const copulaWords = 8

func copula(s string, start, end int) (int, int, bool) {
	// Most mentions are followed by no verb of being: told by the first
	// letter, before the rest of the context is split into words.
	rest := strings.TrimLeftFunc(s[end:], unicode.IsSpace)
	if rest == "" || rest[0] < utf8.RuneSelf && !strings.ContainsRune("iwrbIWRB", rune(rest[0])) {
		return 0, 0, false
	}
	toks := words.FirstTokens(s[end:], copulaWords)
	i := 0
	if i >= len(toks) || strings.TrimSpace(s[end:end+toks[0].Start]) != "" {
		return 0, 0, false
	}
	switch strings.ToLower(toks[0].Text) {
	case "is", "was", "remains", "became":
		i = 1
	default:
		return 0, 0, false
	}
	for i < len(toks) && (strings.EqualFold(toks[i].Text, "now") || strings.EqualFold(toks[i].Text, "also") || strings.EqualFold(toks[i].Text, "still") || strings.EqualFold(toks[i].Text, "currently")) {
		i++
	}
	if i >= len(toks) {
		return 0, 0, false
	}
	phraseStart := end + toks[i].Start
	to := phraseEnd(s, phraseStart)
	head := strings.Fields(s[phraseStart:to])
	if len(head) > 5 {
		head = head[:5]
	}
	if !hasRole(strings.Join(head, " ")) {
		return 0, 0, false
	}
	return start, to, true
}

// phraseEnd returns where a role phrase starting at from ends: at
// punctuation, a subordinating word, or after maxRoleWords words, with
// trailing connectors dropped.
func phraseEnd(s string, from int) int {
	toks := words.FirstTokens(s[from:], maxRoleWords+1) // the word after the last may end it
	to := from
	for i, t := range toks {
		w := strings.ToLower(t.Text)
		if i >= maxRoleWords || subordinators[w] && i > 0 ||
			w == "and" && i+1 < len(toks) && determiners[strings.ToLower(toks[i+1].Text)] {
			break
		}
		if i > 0 && strings.TrimSpace(s[from+toks[i-1].End:from+t.Start]) != "" {
			break
		}
		to = from + t.End
	}
	for {
		ws := strings.Fields(s[from:to])
		if len(ws) < 2 {
			return to
		}
		last := strings.ToLower(ws[len(ws)-1])
		if !words.IsStop(last) || last == "us" {
			return to
		}
		to = from + strings.LastIndex(s[from:to], ws[len(ws)-1]) - 1
	}
}

func hasRole(phrase string) bool {
	for _, w := range words.Terms(phrase) {
		if roleNouns[w] || roleNouns[strings.TrimSuffix(w, "s")] {
			return true
		}
	}
	return false
}
