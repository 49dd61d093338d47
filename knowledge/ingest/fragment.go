package ingest

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"

	"briefbot/knowledge/corpus"
)

// ParseFragment reads HTML that is all article, such as the text a feed
// gives of an item: there is no page around it to remove, so every block
// is a paragraph. name is as for Parse.
func ParseFragment(name string, src []byte) ([]*corpus.Document, []error) {
	return parseAs(name, parseFragment, src)
}

func parseFragment(src string) ([]record, []error) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil, []error{fmt.Errorf("malformed HTML: %v", err)}
	}
	paras := renderBlocks(root.ChildNodes())
	if len(paras) == 0 {
		return nil, []error{errNoArticle}
	}
	return []record{{Article: cleanText(strings.Join(paras, "\n\n"))}}, nil
}
