package ingest

import (
	"errors"
	"fmt"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"briefbot/knowledge/corpus"
)

// extractOptions ask trafilatura for the article alone: no reader comments,
// no tables, precision over recall, and a date only from where a page states
// one (meta tags, <time>, a dated URL), never from a search of loose text.
// Images are kept so that captions can be matched to the article's pictures.
var extractOptions = trafilatura.Options{
	Focus:           trafilatura.FavorPrecision,
	ExcludeComments: true,
	ExcludeTables:   true,
	IncludeImages:   true,
	HtmlDateMode:    trafilatura.Fast,
}

var errNoArticle = errors.New("no article text found")

// parseHTML reads a web page: its main text, one paragraph per block, its
// figure captions apart, and the metadata the page declares over what the
// text states.
func parseHTML(src string) ([]record, []error) {
	page, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil, []error{fmt.Errorf("malformed HTML: %v", err)}
	}
	res, err := trafilatura.ExtractDocument(page, extractOptions)
	if err != nil || res.ContentNode == nil {
		return nil, []error{errNoArticle}
	}
	paras := htmlParagraphs(res.ContentNode)
	if len(paras) == 0 {
		return nil, []error{errNoArticle}
	}
	a := cleanText(strings.Join(paras, "\n\n"))
	a.Meta = overlay(a.Meta, pageMeta(res.Metadata))
	a.Captions = append(figureCaptions(page, imageSources(res.ContentNode)), a.Captions...)
	return []record{{Article: a}}, nil
}

// pageMeta is what the page declares. trafilatura separates authors with
// "; "; the corpus writes them as a list with ", " as the other formats do.
func pageMeta(m trafilatura.Metadata) corpus.Meta {
	meta := corpus.Meta{
		Title:  strings.TrimSpace(m.Title),
		Source: strings.TrimSpace(m.Sitename),
		Author: strings.ReplaceAll(strings.TrimSpace(m.Author), "; ", ", "),
		URL:    strings.TrimSpace(m.URL),
	}
	if !m.Date.IsZero() {
		meta.Date = m.Date.Format("2006-01-02")
	}
	return meta
}

// blockElements each start a paragraph of their own.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Div: true, atom.Section: true,
	atom.Article: true, atom.Main: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true,
	atom.Dd: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Figure: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Hr: true, atom.Body: true,
}

// skippedElements hold no prose of the article.
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Figcaption: true, atom.Img: true, atom.Svg: true, atom.Button: true, atom.Form: true,
}

// htmlParagraphs renders the content of root as plain text, one string per
// block element.
func htmlParagraphs(root *html.Node) []string {
	var t blockText
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			t.WriteString(n.Data)
			return
		case n.Type == html.ElementNode && skippedElements[tag(n)]:
			return
		case is(n, atom.Br):
			t.WriteString(" ")
			return
		}
		block := n.Type == html.ElementNode && blockElements[tag(n)]
		if block {
			t.end()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			t.end()
		}
	}
	for c := range root.ChildNodes() {
		walk(c)
	}
	t.end()
	return t.paras
}

// imageSources lists the src of every picture trafilatura kept as part of
// the article.
func imageSources(content *html.Node) map[string]bool {
	srcs := map[string]bool{}
	for n := range content.Descendants() {
		if is(n, atom.Img) {
			if src := attr(n, "src"); src != "" {
				srcs[src] = true
			}
		}
	}
	return srcs
}

// figureCaptions returns the captions of the page's figures that belong to
// the article: those whose picture the extractor kept, or that sit inside an
// <article> element. Captions of teasers and galleries elsewhere are left out.
func figureCaptions(page *html.Node, articleImages map[string]bool) []string {
	var captions []string
	for fig := range page.Descendants() {
		if !is(fig, atom.Figure) || !figureInArticle(fig, articleImages) {
			continue
		}
		for n := range fig.Descendants() {
			if is(n, atom.Figcaption) {
				if c := strings.Join(htmlParagraphs(n), " "); c != "" {
					captions = append(captions, c)
				}
			}
		}
	}
	return captions
}

func figureInArticle(fig *html.Node, articleImages map[string]bool) bool {
	for n := range fig.Descendants() {
		if is(n, atom.Img) && articleImages[attr(n, "src")] {
			return true
		}
	}
	for p := fig.Parent; p != nil; p = p.Parent {
		if is(p, atom.Article) {
			return true
		}
	}
	return false
}

// tag is the element's name as an atom. Nodes that trafilatura builds carry
// only their name, not the atom the parser sets.
func tag(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

func is(n *html.Node, a atom.Atom) bool { return n.Type == html.ElementNode && tag(n) == a }

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
