package claims

import (
	"strconv"
	"strings"
	"unicode"

	"briefbot/knowledge/words"
)

// figure is a quantity found in a paragraph: tokens [first, end) from its
// qualifier to its unit, with what it measures.
type figure struct {
	first, end int
	measure    Measure
	qualified  bool // opened by a qualifier such as "up to"
}

// qualifiers may open a figure ("at least 15", "up to 2,000").
var qualifiers = [][]string{
	{"at", "least"}, {"at", "most"}, {"up", "to"}, {"more", "than"}, {"less", "than"},
	{"fewer", "than"}, {"as", "many", "as"}, {"an", "estimated"}, {"estimated"}, {"around"},
	{"about"}, {"approximately"}, {"roughly"}, {"nearly"}, {"almost"}, {"some"}, {"over"},
	{"between"}, {"from"},
}

// figureOpeners are the words other than numerals a figure may start with.
var figureOpeners = func() map[string]bool {
	m := map[string]bool{}
	for _, q := range qualifiers {
		m[q[0]] = true
	}
	for w := range wordNumbers {
		m[w] = true
	}
	return m
}()

// wordNumbers are the number words that may start a quantity.
var wordNumbers = map[string]float64{
	"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3,
}

// multipliers scale a number: words ("hundred") and suffixes ("$20m").
var multipliers = map[string]float64{
	"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "trn": 1e12, "tn": 1e12,
}

// figures finds the quantities of sentence tokens [first, end).
func (p *paragraph) figures(first, end int) []figure {
	var out []figure
	for i := first; i < end; i++ {
		if f, ok := p.dateAt(i, end); ok {
			out = append(out, f)
			i = f.end - 1
			continue
		}
		f, ok := p.figureAt(i, end)
		if !ok {
			continue
		}
		// "around 400 fighters ... and up to 2,000": a unitless figure that
		// follows in the same clause extends the one before.
		if f.measure.Unit == "" && f.qualified && len(out) > 0 && i-out[len(out)-1].end <= 8 && p.joinedLoosely(out[len(out)-1].end, i) {
			prev := &out[len(out)-1]
			prev.end = f.end
			prev.measure.High = max(prev.measure.High, f.measure.High)
		} else if f.measure.Unit != "" {
			out = append(out, f)
		}
		i = f.end - 1
	}
	return out
}

// joinedLoosely reports whether tokens [from, to) are within one clause: no
// sentence punctuation between them.
func (p *paragraph) joinedLoosely(from, to int) bool {
	for k := from; k <= to && k < len(p.toks); k++ {
		if strings.ContainsAny(p.gap(k), ".;:()") {
			return false
		}
	}
	return true
}

// figureAt reads a figure whose qualifier or number starts at token i.
func (p *paragraph) figureAt(i, end int) (figure, bool) {
	if w := p.lower[i]; p.class[i]&figureOpener == 0 && !startsWithDigit(strings.TrimPrefix(w, "$")) {
		return figure{}, false
	}
	start := i
	for _, q := range qualifiers {
		if i+len(q) < end && p.wordsAre(i, q) {
			i += len(q)
			break
		}
	}
	low, high, next, ok := p.quantity(i, end)
	if !ok {
		return figure{}, false
	}
	if next < end && (p.lower[next] == "to" || p.lower[next] == "and") && p.plainGap(next) {
		if _, h, n2, ok2 := p.quantity(next+1, end); ok2 {
			high, next = h, n2
		}
	}
	f := figure{first: start, end: next, measure: Measure{Low: low, High: high}, qualified: i > start}
	if strings.HasPrefix(p.toks[i].Text, "$") {
		f.measure.Unit, f.measure.Class = "$", "money"
		// "$20m a year": the rate belongs to the amount.
		if next+1 < end && (p.lower[next] == "a" || p.lower[next] == "per") && p.plainGap(next) && p.plainGap(next+1) && periods[p.lower[next+1]] {
			f.end = next + 2
			f.measure.Unit = "$ " + p.doc.Text[p.toks[next].Start:p.toks[next+1].End]
		}
		return f, true
	}
	if unitEnd, head := p.unitAfter(next, end); durations[strings.ToLower(head)] {
		return figure{}, false // "20 years ago" dates an event; it measures nothing
	} else if head != "" {
		f.end = unitEnd
		f.measure.Unit = head
		f.measure.Class = unitClass(head)
	}
	return f, true
}

func (p *paragraph) wordsAre(i int, ws []string) bool {
	for k, w := range ws {
		if p.lower[i+k] != w || (k > 0 && !p.plainGap(i+k)) {
			return false
		}
	}
	return true
}

// quantity reads a number at token i: "2,000", "200-500", "$20m", "a few
// hundred", "a thousand", "2.5 billion". Years, ordinals, numbers inside
// names ("Resolution 1267") and dates are not quantities.
func (p *paragraph) quantity(i, end int) (low, high float64, next int, ok bool) {
	if i >= end {
		return 0, 0, i, false
	}
	w := p.lower[i]
	if v, isWord := wordNumbers[w]; isWord {
		j := i + 1
		if w == "a" && j < end && p.lower[j] == "few" {
			v, j = 3, j+1
		}
		if j < end && multipliers[p.lower[j]] >= 12 && !strings.HasSuffix(p.lower[j], "s") {
			return v * multipliers[p.lower[j]], v * multipliers[p.lower[j]], j + 1, true
		}
		return 0, 0, i, false // "two groups": small spelled numbers are not measurements
	}
	if !startsWithDigit(strings.TrimPrefix(w, "$")) || p.inName(i) {
		return 0, 0, i, false
	}
	low, high, ok = parseNumber(w)
	if !ok {
		return 0, 0, i, false
	}
	next = i + 1
	if next < end && p.plainGap(next) {
		// "$4.5 millions", as older English writes it, is an amount too.
		if m := multipliers[strings.TrimSuffix(p.lower[next], "s")]; m >= 100 {
			low, high, next = low*m, high*m, next+1
		}
	}
	if !strings.HasPrefix(w, "$") && isYear(w, low, high) {
		return 0, 0, i, false
	}
	return low, high, next, true
}

// inName reports whether the number at token i is part of a name, a date
// or a code: "Resolution 1267", "July 31", "9/11".
func (p *paragraph) inName(i int) bool {
	if strings.ContainsAny(p.gap(i), "/") || (i+1 < len(p.toks) && strings.ContainsAny(p.gap(i+1), "/")) {
		return true
	}
	if i > 0 && p.plainGap(i) && p.capitalised(i-1) {
		return true
	}
	return i+1 < len(p.toks) && months[p.lower[i+1]]
}

var periods = words.Set(`year month week day`)

var durations = words.Set(`years months weeks days hours decades centuries minutes`)

var months = words.Set(`january february march april may june july august september october november december`)

func startsWithDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// parseNumber reads "2,000", "2.5", "200-500", "$20m", "$1trn".
func parseNumber(w string) (low, high float64, ok bool) {
	w = strings.TrimPrefix(w, "$")
	if a, b, isRange := strings.Cut(w, "-"); isRange {
		l, _, ok1 := parseNumber(a)
		_, h, ok2 := parseNumber(b)
		return l, h, ok1 && ok2
	}
	digits := strings.TrimRightFunc(w, unicode.IsLetter)
	scale := 1.0
	if suffix := w[len(digits):]; suffix != "" {
		m, known := multipliers[suffix]
		if !known {
			return 0, 0, false // "1980s", "20th"
		}
		scale = m
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(digits, ",", ""), 64)
	if err != nil {
		return 0, 0, false
	}
	return v * scale, v * scale, true
}

// isYear tells a bare year ("in 2011", "1996-2001") from a count.
func isYear(w string, low, high float64) bool {
	return !strings.Contains(w, ",") && low >= 1000 && high <= 2100 && low == float64(int(low))
}

// unitAfter reads the counted noun after a quantity: "15 Afghan provinces",
// "400 al-Qaeda fighters", "a thousand members of Al-Qaida". It returns the
// end of the unit phrase and its head noun as written.
func (p *paragraph) unitAfter(i, end int) (int, string) {
	for k := i; k < end && k < i+3; k++ {
		if !p.plainGap(k) || words.IsStop(p.lower[k]) || startsWithDigit(p.lower[k]) {
			break
		}
		if looksPlural(p.lower[k]) && !p.capitalised(k) {
			unitEnd := k + 1
			// "members of Al-Qaida": the owner belongs to what is counted.
			if unitEnd+1 < end && p.lower[unitEnd] == "of" && p.plainGap(unitEnd) && p.capitalised(unitEnd+1) {
				unitEnd += 2
				for unitEnd < end && p.plainGap(unitEnd) && p.capitalised(unitEnd) {
					unitEnd++
				}
			}
			return unitEnd, p.toks[k].Text
		}
	}
	return i, ""
}

var irregularPlurals = words.Set(`men women people children personnel police staff cattle`)

func looksPlural(w string) bool {
	return irregularPlurals[w] || (len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"))
}

// unitClass folds units that count the same thing.
func unitClass(unit string) string {
	u := strings.ToLower(unit)
	if fighterNouns[u] {
		return "fighters"
	}
	return words.Stem(words.Key(u))
}
