package ingest

import (
	"slices"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The extractor's time grows with the square of a page's paragraphs (it
// concatenates their text in a loop): 10,000 paragraphs take seconds and
// gigabytes, 100,000 minutes. So it sees a page only up to its first
// maxParagraphs paragraphs (or maxElements elements); the rest is set aside
// while it runs and read after, in linear time.
const (
	maxParagraphs = 1000
	maxElements   = 20000
)

// setAside is the tail of an element's children, detached from the page.
type setAside struct {
	parent *html.Node
	rest   []*html.Node
}

// trimLong detaches everything that follows, in document order, the point
// where the budget runs out, and returns it as the tails of that point's
// element and of each of its ancestors, innermost first. restore puts them
// back.
func trimLong(root *html.Node) []setAside {
	var out []setAside
	paras, elems := 0, 0
	var walk func(n *html.Node) bool // reports whether the budget ran out in n
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				elems++
				if is(c, atom.P) {
					paras++
				}
				if paras > maxParagraphs || elems > maxElements {
					out = append(out, detachFrom(n, c))
					return true
				}
			}
			if walk(c) {
				if c.NextSibling != nil {
					out = append(out, detachFrom(n, c.NextSibling))
				}
				return true
			}
		}
		return false
	}
	walk(root)
	return out
}

func detachFrom(parent, first *html.Node) setAside {
	s := setAside{parent: parent}
	for c := first; c != nil; {
		next := c.NextSibling
		parent.RemoveChild(c)
		s.rest = append(s.rest, c)
		c = next
	}
	return s
}

// restore puts back what trimLong set aside.
func restore(aside []setAside) {
	for _, s := range aside {
		for _, c := range s.rest {
			s.parent.AppendChild(c)
		}
	}
}

// withSetAside returns the extracted paragraphs followed by those of the
// set-aside nodes that are like what the extractor kept: of the same kind
// (element and class) as a sibling seen whose text it kept, as the further
// paragraphs of an article or its further sections are. Others (a footer, a
// comment thread after a long article) are left out. It runs before restore.
func withSetAside(paras []string, aside []setAside) []string {
	if len(aside) == 0 {
		return paras
	}
	kept := make(map[string]bool, len(paras))
	for _, p := range paras {
		kept[p] = true
	}
	var more []*html.Node
	for _, s := range aside {
		like := map[string]bool{}
		for c := range s.parent.ChildNodes() {
			if seen := renderBlocks(slices.Values([]*html.Node{c})); len(seen) > 0 && kept[seen[len(seen)-1]] {
				like[kind(c)] = true
			}
		}
		for _, c := range s.rest {
			if like[kind(c)] {
				more = append(more, c)
			}
		}
	}
	return append(paras, renderBlocks(slices.Values(more))...)
}

// kind is what makes siblings alike: their element and class.
func kind(n *html.Node) string {
	if n.Type != html.ElementNode {
		return "#text"
	}
	for _, a := range n.Attr {
		if a.Key == "class" {
			return n.Data + "." + a.Val
		}
	}
	return n.Data
}
