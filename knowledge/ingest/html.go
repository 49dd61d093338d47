package ingest

import (
	"errors"
	"fmt"
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"

	"briefbot/knowledge/corpus"
)

// extractOptions ask trafilatura for the article with its tables and without
// reader comments, with its fallback extractors (readability, DOM distiller)
// for pages its own rules miss, and a date only from where a page states one
// (meta tags, <time>, a dated URL), never from a search of loose text.
// Images are left out: their alt texts and credits are not the article's
// prose (figure captions are read apart).
var extractOptions = trafilatura.Options{
	EnableFallback:  true,
	ExcludeComments: true,
	PruneSelector:   commentSections,
	HtmlDateMode:    trafilatura.Fast,
}

// commentSections selects reader comment sections, as the library names
// them when it favours precision. They are pruned before anything else
// runs: otherwise a fallback extractor can take a long thread for the
// article beside it.
var commentSections = func() string {
	var sels []string
	for _, tag := range []string{"div", "ol", "ul", "dl", "section"} {
		for _, attr := range []string{`[id^="comment"]`, `[id^="Comment"]`, `[class^="comment"]`, `[class^="Comment"]`,
			`[class*="article-comments"]`, `[class*="post-comments"]`, `[id^="comol"]`, `[id^="disqus_thread"]`, `[id^="dsq-comments"]`} {
			sels = append(sels, tag+attr)
		}
	}
	return strings.Join(sels, ", ")
}()

var errNoArticle = errors.New("no article text found")

// minArticle is the fewest letters and digits a page's article has: less is
// a menu, a bare link or a placeholder, not something to cite.
const minArticle = 40

// extract runs trafilatura. When it finds less than its minimum size, the
// library falls back on a baseline that runs the whole page's text together
// in one paragraph; the precise extraction, which has no such baseline, is
// kept instead when it finds anything.
func extract(page *html.Node) (*trafilatura.ExtractResult, error) {
	res, err := trafilatura.ExtractDocument(page, extractOptions)
	if err != nil || utf8.RuneCountInString(res.ContentText) >= trafilatura.DefaultConfig().MinExtractedSize {
		return res, err
	}
	precise := extractOptions
	precise.Focus = trafilatura.FavorPrecision
	if p, err := trafilatura.ExtractDocument(page, precise); err == nil && strings.TrimSpace(p.ContentText) != "" {
		return p, nil
	}
	return res, nil
}

// articleLength counts the letters and digits of paragraphs.
func articleLength(paras []string) int {
	n := 0
	for _, p := range paras {
		for _, r := range p {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
			}
		}
	}
	return n
}

// parseHTML reads a web page: its main text, one paragraph per block, its
// figure captions apart, and the metadata the page declares over what the
// text states.
func parseHTML(src string) ([]record, []error) {
	page, err := html.ParseWithOptions(strings.NewReader(composed(src)), html.ParseOptionEnableScripting(false))
	if err != nil {
		return nil, []error{fmt.Errorf("malformed HTML: %v", err)}
	}
	aside := trimLong(page)
	res, err := extract(page)
	var blocks []string
	if err == nil && res.ContentNode != nil {
		blocks = withSetAside(extractedParagraphs(res.ContentNode), aside)
	}
	restore(aside)
	a := cleanBlocks(blocks)
	if articleLength(a.Paragraphs) < minArticle {
		return nil, []error{errNoArticle}
	}
	a.Meta = pageMeta(page, res)
	a.Captions = append(figureCaptions(page), a.Captions...)
	return []record{{Article: a}}, nil
}

// composed writes accented letters in their composed form (NFC), as people
// type them and search for them, and drops soft hyphens, which only hint
// where a browser may break a word.
func composed(src string) string {
	return norm.NFC.String(strings.ReplaceAll(src, "\u00ad", ""))
}

// pageMeta is what the page declares, its own headline as the title.
// trafilatura separates authors with "; "; the corpus writes them as a list
// with ", " as the other formats do.
func pageMeta(page *html.Node, res *trafilatura.ExtractResult) corpus.Meta {
	m := res.Metadata
	meta := corpus.Meta{
		Title:  headline(page, res.ContentNode, m),
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
	atom.Dd: true, atom.Table: true, atom.Tr: true, atom.Figure: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Hr: true, atom.Body: true,
}

// skippedElements hold no prose of the article.
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Figcaption: true, atom.Img: true, atom.Svg: true, atom.Button: true, atom.Form: true,
}

// extractedParagraphs renders the article the extractor kept as plain
// text, one string per block element. Its tree has lost the space after
// some inline elements (it trims their tails, in list items for one),
// which is put back.
func extractedParagraphs(content *html.Node) []string { return render(content.ChildNodes(), true) }

// renderBlocks renders nodes of the page and their descendants as plain
// text, one string per block element.
func renderBlocks(nodes iter.Seq[*html.Node]) []string { return render(nodes, false) }

func render(nodes iter.Seq[*html.Node], respace bool) []string {
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
		case isCell(n) && isCell(previousElement(n)):
			t.WriteString(" | ") // a table row is one paragraph, its cells apart
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
		} else if respace && n.Type == html.ElementNode && joinsNext(n) {
			t.WriteString(" ")
		}
	}
	for n := range nodes {
		walk(n)
	}
	t.end()
	return t.paras
}

// joinsNext reports an inline element that runs into the text after it,
// "Dockerfile</code>to": the extractor trims the space that followed.
func joinsNext(n *html.Node) bool {
	next := n.NextSibling
	if next == nil || next.Type != html.TextNode || next.Data == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next.Data)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isCell(n *html.Node) bool { return n != nil && (is(n, atom.Td) || is(n, atom.Th)) }

func previousElement(n *html.Node) *html.Node {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type == html.ElementNode {
			return p
		}
	}
	return nil
}

// figureCaptions returns the captions of the figures inside the page's
// <article> element, if it has one. Captions of teasers and galleries
// elsewhere are left out.
func figureCaptions(page *html.Node) []string {
	var captions []string
	for fig := range page.Descendants() {
		if !is(fig, atom.Figure) || !inArticle(fig) {
			continue
		}
		for n := range fig.Descendants() {
			if is(n, atom.Figcaption) {
				if c := strings.Join(renderBlocks(n.ChildNodes()), " "); c != "" {
					captions = append(captions, c)
				}
			}
		}
	}
	return captions
}

func inArticle(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
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
