package claims

import "testing"

func TestLatestYear(t *testing.T) {
	cases := map[string]string{
		"":                                "",
		"in 1999 and again in 2021.":      "2021",
		"2021":                            "2021",
		"12021 2021a a2021 _2021 1899":    "",
		"(2019)–2020, é2023é":             "2023",
		"from 1990 to 2099, not 2100":     "2099",
		"call +1 800 2020-11-05 at noon":  "2020",
		"costs 20155 dollars, said 1995.": "1995",
	}
	for in, want := range cases {
		if got := latestYear(in); got != want {
			t.Errorf("latestYear(%q) = %q, want %q", in, got, want)
		}
	}
}
