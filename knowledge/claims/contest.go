package claims

import (
	"fmt"
	"sort"

	"briefbot/knowledge/corpus"
)

// findContests groups claims that disagree about one subject: figures of the
// same kind of unit about the same actor with different values, and
// conditions given to the same person that differ ("ill", "dead", hedged
// "dead"). A group needs at least two documents; nothing is resolved.
func findContests(s *Set) []Contest {
	groups := map[string][]*Claim{}
	var order []string
	add := func(key string, c *Claim) {
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		groups[key] = append(groups[key], c)
	}
	for _, c := range s.claims {
		switch {
		case c.Kind == Figure && c.Measure != nil && c.About != "" && c.Measure.Class != "" && c.Measure.Class != "date":
			add("figure\x00"+c.Measure.Class+"\x00"+c.About, c)
		case c.State != "" && c.About != "":
			add("state\x00"+c.About, c)
		}
	}
	var out []Contest
	var written map[string]string
	for _, key := range order {
		cs := groups[key]
		if distinctDocs(cs) < 2 || distinctValues(cs) < 2 {
			continue
		}
		if written == nil {
			written = whenWritten(s.docs)
		}
		out = append(out, s.contest(cs, written))
	}
	return out
}

// whenWritten gives each document its date, or when it states none, the
// latest year its text mentions: a lower bound on when it was written, which
// sorts before every full date of that year.
func whenWritten(docs []*corpus.Document) map[string]string {
	out := make(map[string]string, len(docs))
	for _, d := range docs {
		switch {
		case d == nil:
		case d.Date != "":
			out[d.ID] = d.Date
		default:
			if y := latestYear(d.Text); y != "" {
				out[d.ID] = y
			}
		}
	}
	return out
}

// value is what a claim says of its subject, for telling disagreement.
func value(c *Claim) string {
	if c.Measure != nil {
		return fmt.Sprintf("%g-%g", c.Measure.Low, c.Measure.High)
	}
	return c.State
}

func distinctValues(cs []*Claim) int {
	seen := map[string]bool{}
	for _, c := range cs {
		seen[value(c)] = true
	}
	return len(seen)
}

func distinctDocs(cs []*Claim) int {
	seen := map[string]bool{}
	for _, c := range cs {
		for _, src := range c.Sources {
			seen[src.Doc] = true
		}
	}
	return len(seen)
}

// contest orders a group oldest first and marks its newest claim.
func (s *Set) contest(cs []*Claim, written map[string]string) Contest {
	when := make(map[*Claim]string, len(cs))
	dated := true
	for _, c := range cs {
		for _, src := range c.Sources {
			w := written[src.Doc]
			dated = dated && src.Date != ""
			if w > when[c] {
				when[c] = w
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return when[cs[i]] < when[cs[j]] })
	ct := Contest{Subject: s.subject(cs[0]), Claims: cs, Newest: -1}
	for i, c := range cs {
		if when[c] != "" && (ct.Newest < 0 || when[c] > when[cs[ct.Newest]]) {
			ct.Newest = i
		}
	}
	if ct.Newest >= 0 {
		ct.NewestBy = "date"
		if !dated {
			ct.NewestBy = "latest year mentioned"
		}
	}
	return ct
}

// latestYear returns the latest year (1900-2099) a text mentions, or "":
// four digits starting 19 or 20 with no letter, digit or underscore on
// either side. A byte scan, as a regexp over every undated text was slow.
func latestYear(text string) string {
	latest := ""
	for i := 0; i+4 <= len(text); i++ {
		if isYearAt(text, i) {
			latest = max(latest, text[i:i+4])
			i += 3
		}
	}
	return latest
}

func isYearAt(s string, i int) bool {
	century := s[i:i+2] == "19" || s[i:i+2] == "20"
	return century && isDigit(s[i+2]) && isDigit(s[i+3]) &&
		(i == 0 || !isWordByte(s[i-1])) && (i+4 == len(s) || !isWordByte(s[i+4]))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isWordByte is the regexp \w class: ASCII letters, digits, underscore.
func isWordByte(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// subject describes what a group is about: "al-Qaeda: fighters".
func (s *Set) subject(c *Claim) string {
	name := s.names[c.About]
	if name == "" {
		name = c.About
	}
	if c.Measure != nil {
		return name + ": " + c.Measure.Class
	}
	return name + ": condition"
}
