package ingest

import (
	"regexp"
	"slices"
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
// taken off, or the page's main heading as the page shows it when the title
// holds it (among other words, or in other quotes or case). A title that is
// only the site's name, a navigation line or no headline at all (a manual
// page's header, "Introduction") gives way to the article's first heading
// that reads as a headline, if it has one.
func headline(page, content *html.Node, m trafilatura.Metadata) string {
	title := strings.Join(strings.Fields(m.Title), " ")
	best := ""
	for _, h := range headings(page, atom.H1) {
		switch {
		case fold(h) == fold(title):
			return h
		case len(h) > len(best) && strings.Contains(fold(title), fold(h)) && !isSiteName(h, m.Sitename):
			best = h
		}
	}
	if best != "" && titleSeparator.MatchString(title) {
		return best
	}
	title = withoutSiteName(title, m.Sitename)
	if title != "" && !isSiteName(title, m.Sitename) && !isMenu(title) && looksLikeHeadline(title) {
		return title
	}
	for _, h := range headings(content, atom.H1, atom.H2) {
		if looksLikeHeadline(h) {
			return h
		}
	}
	if isMenu(title) || !looksLikeHeadline(title) {
		return ""
	}
	return title
}

// headings returns the text of the elements of the given kinds under root.
func headings(root *html.Node, kinds ...atom.Atom) []string {
	var out []string
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && slices.Contains(kinds, tag(n)) {
			if h := strings.Join(renderBlocks(n.ChildNodes()), " "); h != "" {
				out = append(out, h)
			}
		}
	}
	return out
}

// fold reduces a title to what differs between two titles of the same
// headline: case, the kind of quotes, dashes and ellipses.
var fold = func() func(string) string {
	r := strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`,
		"–", "-", "—", "-", "…", "...")
	return func(s string) string { return strings.ToLower(r.Replace(s)) }
}()

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
