package ingest

import (
	"slices"

	"golang.org/x/net/html"
)

// maxChildren bounds the child elements of one element that the extractor sees.
// Its time grows with the square of a page's paragraphs (it concatenates
// their text in a loop): 10,000 paragraphs in one element take seconds and
// gigabytes, 100,000 minutes. Past the bound, the rest of an element's
// children are set aside while the extractor runs and put back after, in
// linear time, where it kept the element's last child it saw.
const maxChildren = 500

// setAside is the tail of an element's children, detached from the page.
type setAside struct {
	parent   *html.Node
	lastSeen string // the text of the last block the extractor saw
	rest     []*html.Node
}

// trimLong detaches every element's children past maxChildren and returns
// what it set aside, in document order. restore puts them back.
func trimLong(root *html.Node) []setAside {
	var out []setAside
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		i := 0
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if i == maxChildren {
				s := setAside{parent: n}
				for ; c != nil; c = next {
					next = c.NextSibling
					n.RemoveChild(c)
					s.rest = append(s.rest, c)
				}
				if seen := renderBlocks(n.ChildNodes()); len(seen) > 0 {
					s.lastSeen = seen[len(seen)-1]
				}
				out = append(out, s)
				break
			}
			if c.Type == html.ElementNode {
				walk(c)
				i++
			}
			c = next
		}
	}
	walk(root)
	return out
}

// restore puts back what trimLong set aside.
func restore(aside []setAside) {
	for _, s := range aside {
		for _, c := range s.rest {
			s.parent.AppendChild(c)
		}
	}
}

// withSetAside returns the extracted paragraphs with the paragraphs of each
// element's set-aside children inserted after the text of its last child
// seen, when the extractor kept that child; otherwise they were not part of
// the article (a long comment thread, a menu) and are left out.
func withSetAside(paras []string, aside []setAside) []string {
	from := 0
	for _, s := range aside {
		i := slices.Index(paras[from:], s.lastSeen)
		if s.lastSeen == "" || i < 0 {
			continue
		}
		more := renderBlocks(slices.Values(s.rest))
		at := from + i + 1
		paras = slices.Insert(paras, at, more...)
		from = at + len(more)
	}
	return paras
}
