package ingest

import (
	"strings"
	"testing"
)

func TestParseDateReadsFullDates(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"August 20, 2021", "2021-08-20"},
		{"Tuesday 07 September 2021 11:48 BST", "2021-09-07"},
		{"Tuesday, 07 September 2021 11:48 BST", "2021-09-07"},
		{"2021-08-20", "2021-08-20"},
		{"2021-08-20T10:30:00Z", "2021-08-20"},
		{"Nov. 21, 2026 at 5:10 p.m.", "2026-11-21"},
		{"20 August 2021", "2021-08-20"},
		{"20th August 2021", "2021-08-20"},
		{"Aug 20 2021", "2021-08-20"},
		{"Sept. 7, 2021", "2021-09-07"},
		{"Wed 20 Aug 2021", "2021-08-20"},
		{"08/20/2021", "2021-08-20"}, // 20 cannot be a month: one reading only
		{"20/08/2021", "2021-08-20"},
		{"04/04/2021", "2021-04-04"}, // both orders agree
	} {
		if got, ok := parseDate(c.in); !ok || got != c.want {
			t.Errorf("parseDate(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func TestParseDateRefusesWhatIsNotAFullDate(t *testing.T) {
	for _, in := range []string{
		"", "   ",
		"August 2021", "Sep 2021", "2021-08", // a month and a year: no day to guess
		"2021", "1790",
		"03/04/2021",         // 3 April or 4 March
		"08/20/21",           // a two-digit year leaves the century to guess
		"11:48", "5:10 p.m.", // a time alone
		"Tuesday", "Sunday 5 May", // a weekday, or no year
		"nonsense", "Jane Doe",
		"1332151919", // a Unix time is no stated date
		strings.Repeat("August 20, 2021 ", 13)[:200],
		"\x00\xff\xfe binary \x01",
	} {
		if got, ok := parseDate(in); ok || got != "" {
			t.Errorf("parseDate(%q) = %q, %v; want nothing", in, got, ok)
		}
	}
}
