package ingest

import (
	"regexp"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// titleSeparator parts a page title into the headline and the site's name:
// "Headline - Site", "Site | Headline", "Headline › Section › Site".
var titleSeparator = regexp.MustCompile(`\s+(?:[-|–—·›»«~/]|::)\s+`)

// domainLike is a site named by its address, "Aerobuzz.de".
var domainLike = regexp.MustCompile(`(?i)^(www\.)?[\p{L}\d-]+(\.[\p{L}\d-]+)*\.[a-z]{2,6}$`)

// headline is a page's own headline: the page title with the site's name
// taken off, or the page's main heading when the title holds it among other
// words (a section, the site's motto).
func headline(page *html.Node, m trafilatura.Metadata) string {
	title := strings.Join(strings.Fields(m.Title), " ")
	best := ""
	for n := range page.Descendants() {
		if !is(n, atom.H1) {
			continue
		}
		h := strings.Join(renderBlocks(n.ChildNodes()), " ")
		if len(h) > len(best) && h != title && strings.Contains(title, h) && !isSiteName(h, m.Sitename) {
			best = h
		}
	}
	if best != "" && titleSeparator.MatchString(title) {
		return best
	}
	return withoutSiteName(title, m.Sitename)
}

// withoutSiteName takes off the parts at either end of a title that name
// the site.
func withoutSiteName(title, site string) string {
	for {
		seps := titleSeparator.FindAllStringIndex(title, -1)
		if len(seps) == 0 {
			return title
		}
		first, last := seps[0], seps[len(seps)-1]
		switch {
		case isSiteName(title[last[1]:], site):
			title = title[:last[0]]
		case isSiteName(title[:first[0]], site):
			title = title[first[1]:]
		default:
			return title
		}
	}
}

// isSiteName reports a part of a title that names the site: its declared
// name, or an address.
func isSiteName(part, site string) bool {
	part = strings.TrimSpace(part)
	if domainLike.MatchString(part) {
		return true
	}
	if site == "" {
		return false
	}
	p, s := strings.ToLower(part), strings.ToLower(strings.TrimSpace(site))
	return p == s || strings.HasPrefix(s, p+" ") || strings.HasPrefix(p, s+" ")
}
