package answer

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"briefbot/knowledge/words"
)

// Numbers are written in digits or in words, and a question may use one
// where the document uses the other: "three million florins" is the
// "3,000,000 florins" of an address, "3 ships" the "three ships" of a
// report. numberForms gives each number word or figure of a question the
// other form as an alternative term.

// units are the numbers a word names alone; their index is the value.
var units = strings.Fields(`zero one two three four five six seven eight nine ten eleven twelve
	thirteen fourteen fifteen sixteen seventeen eighteen nineteen`)

var tens = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

var multipliers = map[string]float64{"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

// numberPhrase is a run of question words [from, to) that states one
// number, and the number in digits.
type numberPhrase struct {
	from, to int
	digits   string
}

// wordValue returns the number a word names: "seven", "forty-seven".
func wordValue(key string) (float64, bool) {
	if i := slices.Index(units, key); i >= 0 {
		return float64(i), true
	}
	if v, ok := tens[key]; ok {
		return float64(v), true
	}
	if t, u, ok := strings.Cut(key, "-"); ok {
		if i := slices.Index(units, u); tens[t] > 0 && i > 0 && i < 10 {
			return float64(tens[t] + i), true
		}
	}
	return 0, false
}

// figureValue returns the number a figure states: "3", "3,000", "1.5"
// (not "inf" or "NaN", which ParseFloat reads too).
func figureValue(key string) (float64, bool) {
	if key == "" || key[0] < '0' || key[0] > '9' {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(key, ",", ""), 64)
	return v, err == nil && v >= 0
}

// numberPhrases finds the numbers a question states, in words, in digits or
// both ("3 million"), each with its value in digits, from its tokens as
// written, lower-cased ("3,000", "forty-seven").
func numberPhrases(lower []string) []numberPhrase {
	var out []numberPhrase
	for i := 0; i < len(lower); i++ {
		v, ok := wordValue(lower[i])
		if !ok {
			v, ok = figureValue(lower[i])
		}
		if !ok && lower[i] == "a" && i+1 < len(lower) && multipliers[lower[i+1]] > 0 {
			v, ok = 1, true // "a million"
		}
		if !ok {
			continue
		}
		j := i + 1
		for ; j < len(lower) && multipliers[lower[j]] > 0; j++ {
			v *= multipliers[lower[j]]
		}
		if v == math.Trunc(v) && v < 1e15 {
			out = append(out, numberPhrase{i, j, strconv.FormatInt(int64(v), 10)})
		}
		i = j - 1
	}
	return out
}

// shortYear reports whether a number phrase is a year written with two
// digits after a word of time, as in chat: "back in 95", "since 08".
func shortYear(lower []string, p numberPhrase) bool {
	w := lower[p.from]
	return p.to == p.from+1 && len(w) == 2 && allDigits(w) && p.from > 0 && yearPrepositions[lower[p.from-1]]
}

// numberForms adds to the concepts of each number the question states the
// index terms of its other forms: the figure for words ("three million":
// 3000000), the word for a small figure ("3": three), the years a
// two-digit year may be ("in 95": 1795 to 2095, those the documents
// state or their context gives).
func (e *Engine) numberForms(q *query, toks []words.Token) {
	lower := lowerWritten(toks)
	for _, p := range numberPhrases(lower) {
		forms := []string{p.digits}
		if n, err := strconv.Atoi(p.digits); err == nil && n > 0 && n < len(units) {
			forms = append(forms, units[n])
		}
		if shortYear(lower, p) {
			for _, century := range []string{"17", "18", "19", "20"} {
				forms = append(forms, century+lower[p.from])
			}
		}
		var terms []uint32
		for _, f := range forms {
			if t, ok := e.ix.lookup(f); ok {
				terms = append(terms, t)
			}
		}
		for k := p.from; k < p.to; k++ {
			for i := range q.concepts {
				c := &q.concepts[i]
				if c.actor || c.written != toks[k].Text {
					continue
				}
				for _, t := range terms {
					if !slices.ContainsFunc(c.alts, func(a alt) bool { return a.term == t }) {
						c.alts = append(c.alts, alt{t, 1})
						c.known = true
					}
				}
			}
		}
	}
}

// lowerWritten returns the tokens as written, lower-cased: "3,000" and
// "forty-seven" keep the marks that words.Key would fold away.
func lowerWritten(toks []words.Token) []string {
	lower := make([]string, len(toks))
	for i, t := range toks {
		lower[i] = strings.ToLower(t.Text)
	}
	return lower
}
