package ingest

import (
	"regexp"
	"strings"

	dps "github.com/markusmobius/go-dateparser"
)

var (
	dateParser = &dps.Parser{}
	// Full dates only: a document's date is stated with a day, or it is not
	// stated at all.
	dateConfig = &dps.Configuration{
		Languages:        []string{"en"},
		StrictParsing:    true,
		RequiredParts:    []string{"day", "month", "year"},
		DefaultLanguages: []string{"en"},
	}
	// go-dateparser does not read "5:10 p.m." or "Nov." abbreviations with a
	// stop, nor ordinal suffixes glued to commas.
	meridiem   = regexp.MustCompile(`(?i)\b([ap])\.m\.`)
	monthStop  = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.`)
	atTime     = regexp.MustCompile(`(?i)\s+at\s+(\d{1,2}(:\d\d)?\s*[ap]m)`)
	ordinalDay = regexp.MustCompile(`(?i)\b(\d{1,2})(st|nd|rd|th)\b`)
)

// parseDate reads a full calendar date written in any common English form
// ("August 20, 2021", "Tuesday 07 September 2021 11:48 BST", "2021-08-20",
// "Nov. 21, 2026 at 5:10 p.m.") and returns it as YYYY-MM-DD.
func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 {
		return "", false
	}
	s = meridiem.ReplaceAllString(s, "${1}m")
	s = monthStop.ReplaceAllString(s, "$1")
	s = atTime.ReplaceAllString(s, " $1")
	s = ordinalDay.ReplaceAllString(s, "$1")
	d, err := dateParser.Parse(dateConfig, s)
	if err != nil || d.IsZero() {
		return "", false
	}
	return d.Time.Format("2006-01-02"), true
}
