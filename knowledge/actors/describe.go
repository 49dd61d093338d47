package actors

import (
	"sort"
	"strings"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// maxRoleWords bounds a role phrase: longer ones are clauses, not roles.
const maxRoleWords = 14

// Descriptions are found by four patterns around a mention, each giving a
// verbatim stretch of the sentence that holds the name and its role:
//
//	apposition after:  "Taj Mir Jawad, a senior Taliban commander"
//	apposition before: "the UK defence secretary, Ben Wallace"
//	role before:       "former US defence secretary Leon Panetta"
//	copula:            "Khorasani was ISIS head in South Asia"
type describer func(s string, start, end int) (from, to int, ok bool)

var describers = []struct {
	find  describer
	bonus int
}{{appositionAfter, 3}, {appositionBefore, 3}, {roleBefore, 2}, {copula, 2}}

// subordinators end a role phrase: what follows is a new clause.
var subordinators = set(`until when while because after before since who whom whose which that but
although though where if as`)

var determiners = set(`a an the former`)

// describe collects the cited role phrases of every actor, best first.
func describe(actors []*Actor) {
	for _, a := range actors {
		found := map[string]*Description{}
		score := map[string]int{}
		for _, m := range a.Mentioned {
			sent := m.Doc.Sentences[m.Sentence]
			s := m.Doc.Text[sent.Start:sent.End]
			start, end := m.Start-sent.Start, m.End-sent.Start
			for _, d := range describers {
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
				addCitation(found[k], m.Doc, m.Sentence)
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
	rest := s[end:]
	sep := ""
	for _, p := range []string{", ", " – ", " — ", " - "} {
		if strings.HasPrefix(rest, p) {
			sep = p
		}
	}
	if sep == "" {
		return 0, 0, false
	}
	phraseStart := end + len(sep)
	ws := strings.Fields(s[phraseStart:])
	if len(ws) == 0 || !determiners[strings.ToLower(ws[0])] && !roleNouns[words.Key(ws[0])] {
		return 0, 0, false
	}
	to := phraseEnd(s, phraseStart)
	if !hasRole(s[phraseStart:to]) {
		return 0, 0, false
	}
	return start, to, true
}

// appositionBefore: "the UK defence secretary, Name".
func appositionBefore(s string, start, end int) (int, int, bool) {
	before := strings.TrimSuffix(s[:start], ", ")
	if len(before) == len(s[:start]) {
		return 0, 0, false
	}
	chunkStart := strings.LastIndexAny(before, ",;:“\"(") + 1
	toks := words.Tokenize(before[chunkStart:])
	for i := len(toks) - 1; i >= 0 && len(toks)-i <= maxRoleWords; i-- {
		if determiners[strings.ToLower(toks[i].Text)] && strings.ToLower(toks[i].Text) != "former" {
			from := chunkStart + toks[i].Start
			if hasRole(before[from:]) {
				return from, end, true
			}
			return 0, 0, false
		}
	}
	return 0, 0, false
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
		if strings.TrimSpace(gap) != "" || personCueVerbs[k] || words.IsStop(k) && k != "of" && k != "and" {
			break
		}
		if from < 0 && !roleNouns[k] && len(toks)-i >= 3 {
			return 0, 0, false // the role must end the phrase
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

// copula: "Name was ISIS head in South Asia", "Name is now the Deputy Director of ...".
func copula(s string, start, end int) (int, int, bool) {
	toks := words.Tokenize(s[end:])
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
	toks := words.Tokenize(s[from:])
	to := from
	for i, t := range toks {
		if i >= maxRoleWords || subordinators[strings.ToLower(t.Text)] && i > 0 {
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
