package ingest

import (
	"strings"

	"briefbot/knowledge/corpus"
)

// article is a document's cleaned content before segmentation.
type article struct {
	Meta       corpus.Meta
	Paragraphs []string
	Captions   []string
}

// cleanText turns raw plain text (a .txt file, a Markdown body, a JSON text
// field) into an article: boilerplate dropped, broken lines re-joined,
// captions set apart, and the metadata the text itself states.
func cleanText(raw string) article {
	var a article
	for _, block := range strings.Split(strings.ReplaceAll(raw, "\r\n", "\n"), "\n\n") {
		if b := strings.TrimSpace(block); b != "" {
			a.Paragraphs = append(a.Paragraphs, b)
		}
	}
	return a
}
