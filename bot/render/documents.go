package render

import (
	"fmt"
	"strings"

	"briefbot/knowledge/corpus"
)

// Page sizes of the document views. A paragraph may fill a page by itself.
const (
	documentsPerPage  = 8
	paragraphsPerPage = 6
	maxParagraph      = pageBodyBudget - 100
	// sentenceContext is how many sentences either side of the one asked
	// for /source shows.
	sentenceContext = 2
)

// Documents lists the documents the bot knows, with words counting
// each one's words; unmerged of them arrived while the knowledge base is
// being rebuilt, so their claims are not yet compared with the others'.
func Documents(docs []*corpus.Document, words func(id string) int, unmerged int) List {
	v := List{
		title:   "Documents",
		intro:   "Read one with `/source document`.",
		perPage: documentsPerPage,
		color:   ColorFound,
		footer:  Plural(len(docs), "document"),
		empty:   "No documents are loaded.",
	}
	if unmerged > 0 {
		v.footer += fmt.Sprintf(" (%d new, answerable now; corroboration with the rest follows when the rebuild ends)", unmerged)
	}
	for _, d := range docs {
		label := fmt.Sprintf("**%s**\n%s · %s · %s · id: %s", EscapeCut(DocumentLabel(d), maxSourceText),
			Plural(len(d.Paragraphs), "paragraph"), Plural(len(d.Sentences), "sentence"), Plural(words(d.ID), "word"),
			EscapeCut(d.ID, MaxName))
		if link := SafeURL(d.URL); link != "" {
			label += " · [link](" + link + ")"
		}
		v.entries = append(v.entries, entry{label: label})
	}
	return v
}

// Document shows a document's cleaned text, paragraph by paragraph, or
// only paragraph only when it is not 0.
func Document(d *corpus.Document, only int) List {
	v := documentFrame(d)
	for _, p := range d.Paragraphs {
		if only == 0 || int(p.N) == only {
			v.entries = append(v.entries, entry{label: fmt.Sprintf("**¶%d**", p.N), text: d.ParagraphText(int(p.N)), limit: maxParagraph})
		}
	}
	if only > 0 && d.Paragraphs[only-1].Long() {
		v.intro += fmt.Sprintf("\n¶%d has %s; a citation into it names one, which `/source document %d sentence` shows with its neighbours.",
			only, Plural(d.Paragraphs[only-1].Sentences(), "sentence"), only)
	}
	return v
}

// Sentences shows sentence m of paragraph para with its neighbours, m
// marked: how a citation into a long paragraph is found.
func Sentences(d *corpus.Document, para, m int) (List, error) {
	first, texts, err := d.SentencesAround(para, m, sentenceContext)
	if err != nil {
		return List{}, err
	}
	v := documentFrame(d)
	v.footer = fmt.Sprintf("id %s · ¶%d, sentences %d to %d of %d", d.ID, para, first, first+len(texts)-1, d.Paragraphs[para-1].Sentences())
	for i, text := range texts {
		label := fmt.Sprintf("¶%d, sentence %d", para, first+i)
		if first+i == m {
			label = "**▶ " + label + "**"
		}
		v.entries = append(v.entries, entry{label: label, text: text, limit: maxParagraph})
	}
	return v, nil
}

// documentFrame is the title, intro and footer every view of d shares.
func documentFrame(d *corpus.Document) List {
	v := List{
		title:   DocumentTitle(d),
		url:     d.URL,
		intro:   EscapeCut(joinNonEmpty(", ", d.Source, d.Date), maxSourceText),
		perPage: paragraphsPerPage,
		color:   ColorFound,
		footer:  fmt.Sprintf("id %s · %s", d.ID, Plural(len(d.Paragraphs), "paragraph")),
		empty:   "This document has no text.",
	}
	if d.Author != "" {
		v.intro += "\nBy " + EscapeCut(d.Author, MaxName)
	}
	return v
}

// joinNonEmpty joins the parts a document states, skipping the others.
func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

func DocumentTitle(d *corpus.Document) string {
	if d.Title != "" {
		return d.Title
	}
	return d.ID
}

// DocumentLabel names a document for people: "Title — Source, date".
func DocumentLabel(d *corpus.Document) string {
	return corpus.Citation{Doc: d.ID, Meta: d.Meta}.String()
}
