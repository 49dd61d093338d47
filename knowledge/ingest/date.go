package ingest

import (
	"regexp"
	"strings"
	"time"

	"github.com/araddon/dateparse"
)

// dateparse reads most English forms without any language tables; these
// rewrites bring the few it stumbles on to forms it reads.
var (
	leadingWeekday = regexp.MustCompile(`(?i)^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|sday|nesday|rsday|urday)?\.?,?\s+`)
	meridiem       = regexp.MustCompile(`(?i)\b([ap])\.m\.?`)
	// dateparse misreads a full month name followed by a time ("07 September
	// 2021 11:48"); its three-letter form reads well.
	monthName  = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)(uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?\b\.?`)
	ordinalDay = regexp.MustCompile(`(?i)\b(\d{1,2})(st|nd|rd|th)\b`)
	// Runs of digits in a Go layout: "2" or "02" is the day, "1" or "01" the
	// month (or "Jan"), "2006" a four-digit year.
	layoutNumber = regexp.MustCompile(`\d+`)
	layoutMonth  = regexp.MustCompile(`Jan`)
)

// parseDate reads a full calendar date written in any common English form
// ("August 20, 2021", "Tuesday 07 September 2021 11:48 BST", "2021-08-20",
// "Nov. 21, 2026 at 5:10 p.m.", "08/20/2021") and returns it as YYYY-MM-DD.
// It returns nothing unless the text states a day, a month and a four-digit
// year: "August 2021" or "21/08/20" would make it guess. A numeric date that
// reads as two different dates (03/04/2021: 4 March in the US, 3 April
// elsewhere) is refused too; 20/08/2021 and 08/20/2021 read one way only.
func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 {
		return "", false
	}
	s = leadingWeekday.ReplaceAllString(s, "")
	s = meridiem.ReplaceAllString(s, "${1}m")
	s = monthName.ReplaceAllString(s, "$1")
	s = ordinalDay.ReplaceAllString(s, "$1")
	monthFirst, okM := readFullDate(s, true)
	dayFirst, okD := readFullDate(s, false)
	switch {
	case okM && okD && monthFirst != dayFirst:
		return "", false
	case okM:
		return monthFirst, true
	case okD:
		return dayFirst, true
	}
	return "", false
}

// readFullDate parses s with one reading of numeric day/month order and
// keeps the date only when the layout dateparse found has a day, a month
// and a four-digit year.
func readFullDate(s string, monthFirst bool) (string, bool) {
	order := dateparse.PreferMonthFirst(monthFirst)
	layout, err := dateparse.ParseFormat(s, order)
	if err != nil || !statesFullDate(layout) {
		return "", false
	}
	t, err := dateparse.ParseIn(s, time.UTC, order)
	if err != nil {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// statesFullDate reports a Go layout with a day, a month and a 4-digit year.
func statesFullDate(layout string) bool {
	var day, month, year bool
	for _, n := range layoutNumber.FindAllString(layout, -1) {
		switch n {
		case "2", "02":
			day = true
		case "1", "01":
			month = true
		case "2006":
			year = true
		}
	}
	return day && year && (month || layoutMonth.MatchString(layout))
}
