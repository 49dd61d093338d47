package claims

import (
	"strconv"
	"strings"
)

// monthNumbers maps month names, full and abbreviated, to their number.
var monthNumbers = func() map[string]int {
	m := map[string]int{}
	for i, name := range strings.Fields(`january february march april may june july august september october november december`) {
		m[name] = i + 1
		m[name[:3]] = i + 1
	}
	m["sept"] = 9
	return m
}()

// dateAt reads a date naming its month at token i: "July 31, 2022", "31
// July 2022", "June 2023". Its measure is the date as a number, YYYYMMDD
// (DD 00 when the day is not given), with unit "date". Bare years are not
// read: they are too common to be claims.
func (p *paragraph) dateAt(i, end int) (figure, bool) {
	day, k := 0, i
	if d, ok := p.dayAt(k); ok && k+1 < end && p.plainGap(k+1) {
		day, k = d, k+1 // "31 July 2022"
	}
	if !p.capitalised(k) || p.class[k]&monthName == 0 {
		return figure{}, false // most words, told before the lookup
	}
	month, ok := monthNumbers[p.lower[k]]
	if !ok || k+1 >= end {
		return figure{}, false
	}
	k++
	if d, ok := p.dayAt(k); ok && day == 0 && k+1 < end && strings.TrimSpace(p.gap(k+1)) == "," {
		day, k = d, k+1 // "July 31, 2022"
	}
	year, err := strconv.Atoi(p.lower[k])
	if err != nil || year < 1000 || year > 2999 || len(p.lower[k]) != 4 {
		return figure{}, false
	}
	v := float64(year*10000 + month*100 + day)
	return figure{first: i, end: k + 1, measure: Measure{Low: v, High: v, Unit: "date", Class: "date"}}, true
}

// dayAt reads a day of the month at token k.
func (p *paragraph) dayAt(k int) (int, bool) {
	w := p.lower[k]
	if w == "" || len(w) > 2 || !isDigit(w[0]) {
		return 0, false // most words: spare Atoi the error it allocates
	}
	d, err := strconv.Atoi(w)
	return d, err == nil && d >= 1 && d <= 31
}
