package commands

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/sahilm/fuzzy"

	"briefbot/bot"
)

// timezones.txt lists the IANA zone names Go's zone database holds (from
// $GOROOT/lib/time/zoneinfo.zip, without the legacy US/, Etc/ and SystemV
// aliases), one a line, for autocomplete.
//
//go:embed timezones.txt
var timezoneList string

var timezoneNames = sync.OnceValue(func() []string { return strings.Fields(timezoneList) })

// commonTimezones are offered before anything is typed.
var commonTimezones = []string{
	"UTC", "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Moscow", "America/New_York",
	"America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kabul",
	"Asia/Karachi", "Asia/Kolkata", "Asia/Dubai", "Asia/Tehran", "Asia/Riyadh", "Africa/Cairo",
	"Africa/Lagos", "Africa/Johannesburg", "Asia/Shanghai", "Asia/Tokyo", "Asia/Singapore",
	"Australia/Sydney", "Pacific/Auckland", "Asia/Jerusalem",
}

// completeTimezone offers the zones whose names match what was typed, a
// city written with spaces ("new york") as well as with underscores.
func completeTimezone(req bot.Request) bot.Response {
	var l choiceList
	q := strings.ReplaceAll(typed(req), " ", "_")
	if q == "" {
		for _, z := range commonTimezones {
			l.add(z, z)
		}
		return l.response()
	}
	names := timezoneNames()
	for _, z := range names { // an exact city or zone first: "london", "utc"
		if strings.EqualFold(z, q) || strings.EqualFold(z[strings.LastIndex(z, "/")+1:], q) {
			l.add(z, z)
		}
	}
	for _, m := range fuzzy.Find(q, names) {
		l.add(names[m.Index], names[m.Index])
	}
	return l.response()
}
