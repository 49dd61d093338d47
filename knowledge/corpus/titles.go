package corpus

import (
	"path/filepath"
	"strings"
)

// DistinguishTitles sets Distinct on every document whose title another
// document shares, so that their citations can be told apart: the authors
// when they differ, else the dates, else both, else the file names.
func DistinguishTitles(docs []*Document) {
	groups := map[string][]*Document{}
	var titles []string
	for _, d := range docs {
		d.Distinct = ""
		t := strings.ToLower(strings.Join(strings.Fields(d.Title), " "))
		if t == "" {
			continue
		}
		if groups[t] == nil {
			titles = append(titles, t)
		}
		groups[t] = append(groups[t], d)
	}
	for _, t := range titles {
		g := groups[t]
		if len(g) < 2 {
			continue
		}
		for _, label := range []func(*Document) string{
			func(d *Document) string { return d.Author },
			func(d *Document) string { return d.Date },
			func(d *Document) string { return joinNonEmpty(d.Author, d.Date) },
			func(d *Document) string { return filepath.Base(d.File) },
			func(d *Document) string { return d.File },
		} {
			if tellsApart(g, label) {
				for _, d := range g {
					d.Distinct = label(d)
				}
				break
			}
		}
	}
}

// tellsApart reports whether label gives every document of g its own,
// non-empty value.
func tellsApart(g []*Document, label func(*Document) string) bool {
	seen := map[string]bool{}
	for _, d := range g {
		l := label(d)
		if l == "" || seen[l] {
			return false
		}
		seen[l] = true
	}
	return true
}

func joinNonEmpty(a, b string) string {
	if a == "" || b == "" {
		return ""
	}
	return a + ", " + b
}
