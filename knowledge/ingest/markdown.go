package ingest

import (
	"errors"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"gopkg.in/yaml.v3"

	"briefbot/knowledge/corpus"
)

// markdown parses CommonMark; its AST gives paragraph boundaries and tells
// prose from markup, which line-by-line regular expressions cannot.
var markdown = goldmark.New()

// frontMatterStart matches a YAML front matter block at the very start of a
// file: "---" on the first line, up to a line "---" or "...".
var frontMatterStart = regexp.MustCompile(`\A---[ \t]*\r?\n`)
var frontMatterEnd = regexp.MustCompile(`(?m)^(---|\.\.\.)[ \t]*\r?$`)

// parseMarkdown reads a Markdown file: the front matter's metadata over what
// the body states, the body as plain-text paragraphs.
func parseMarkdown(src string) ([]record, []error) {
	fm, body, err := splitFrontMatter(src)
	if err != nil {
		return nil, []error{err}
	}
	a := cleanText(strings.Join(markdownParagraphs([]byte(body)), "\n\n"))
	a.Meta = overlay(a.Meta, fm.meta())
	return []record{{Article: a}}, nil
}

// frontMatter is the metadata a Markdown file may declare.
type frontMatter struct {
	Title  string     `yaml:"title"`
	Source string     `yaml:"source"`
	Author stringList `yaml:"author"`
	Date   yaml.Node  `yaml:"date"`
	URL    string     `yaml:"url"`
}

// splitFrontMatter separates the YAML front matter, if any, from the body.
func splitFrontMatter(src string) (frontMatter, string, error) {
	var fm frontMatter
	start := frontMatterStart.FindStringIndex(src)
	if start == nil {
		return fm, src, nil
	}
	rest := src[start[1]:]
	end := frontMatterEnd.FindStringIndex(rest)
	if end == nil {
		return fm, "", errors.New(`malformed front matter: no closing "---" line`)
	}
	if err := yaml.Unmarshal([]byte(rest[:end[0]]), &fm); err != nil {
		return fm, "", fmt.Errorf("malformed front matter: %s", oneLine(err.Error()))
	}
	return fm, rest[end[1]:], nil
}

// meta converts the front matter to document metadata. A date that is not a
// full calendar date ("2021", "spring") stays empty rather than guessed.
func (fm frontMatter) meta() corpus.Meta {
	date, _ := parseDate(fm.Date.Value)
	return corpus.Meta{
		Title:  strings.TrimSpace(fm.Title),
		Source: strings.TrimSpace(fm.Source),
		Author: strings.Join(fm.Author, ", "),
		Date:   date,
		URL:    strings.TrimSpace(fm.URL),
	}
}

// stringList reads a YAML string or list of strings.
type stringList []string

func (l *stringList) UnmarshalYAML(n *yaml.Node) error {
	var items []string
	switch n.Kind {
	case yaml.ScalarNode:
		items = []string{n.Value}
	case yaml.SequenceNode:
		if err := n.Decode(&items); err != nil {
			return err
		}
	default:
		return fmt.Errorf("line %d: want a name or a list of names", n.Line)
	}
	*l = nil
	for _, s := range items {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

// markdownParagraphs renders the prose of a Markdown body as plain text, one
// string per paragraph, heading or list item. Code, images, raw HTML and
// thematic breaks are dropped; links keep their text.
func markdownParagraphs(src []byte) []string {
	var t blockText
	doc := markdown.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.Image, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
			if !entering {
				t.end()
			}
		case *ast.Text:
			if entering {
				t.WriteString(inlineText(n, src))
				if n.SoftLineBreak() || n.HardLineBreak() {
					t.WriteString(" ")
				}
			}
		case *ast.String:
			if entering {
				t.WriteString(string(n.Value))
			}
		case *ast.AutoLink:
			if entering {
				t.WriteString(string(n.Label(src)))
			}
		}
		return ast.WalkContinue, nil
	})
	return t.paras
}

// inlineText is a text node's characters as a reader sees them: backslash
// escapes and entities resolved, except in code spans, which are verbatim.
func inlineText(n *ast.Text, src []byte) string {
	if n.IsRaw() {
		return string(n.Value(src))
	}
	return html.UnescapeString(string(util.UnescapePunctuations(n.Value(src))))
}

// oneLine folds a multi-line library message into one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
