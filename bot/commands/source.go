package commands

import (
	"fmt"
	"strconv"

	"briefbot/bot"
	"briefbot/bot/render"
	"briefbot/knowledge"
	"briefbot/knowledge/corpus"
)

func sourceCommand() bot.Command {
	return paged{
		spec: slash("source", "Read a document's cleaned text, one paragraph, or one sentence with its neighbours",
			stringOption("document", "The document (see /sources)", true, true),
			intOption("paragraph", "Only this paragraph (from 1)"),
			intOption("sentence", "With paragraph: this sentence of it (from 1), with its neighbours")),
		render:   renderSource,
		complete: completeDocument,
	}.command()
}

func renderSource(kb *knowledge.Base, opts map[string]string, n int) (bot.Response, int) {
	ref := option(opts, "document")
	d, ok := kb.Doc(ref)
	if !ok {
		return bot.Response{Content: "I have no document “" + render.EscapeCut(ref, 100) + "”. /sources lists them."}, 1
	}
	para := intValue(opts, "paragraph")
	if para < 0 || para > len(d.Paragraphs) {
		return bot.Response{Content: fmt.Sprintf("“%s” has %s.", render.EscapeCut(render.DocumentTitle(d), 200), render.Plural(len(d.Paragraphs), "paragraph"))}, 1
	}
	if raw := option(opts, "sentence"); raw != "" {
		return renderSentence(d, para, raw, n)
	}
	return viewPage(render.Document(d, para), n)
}

// renderSentence shows sentence raw of paragraph para with its neighbours,
// as a citation into a long paragraph names them.
func renderSentence(d *corpus.Document, para int, raw string, n int) (bot.Response, int) {
	m, err := strconv.Atoi(raw)
	if err != nil {
		return bot.Response{Content: "The sentence is a number, as a citation gives it (“¶4, sentence 12”): " + sourceUsage}, 1
	}
	if para == 0 {
		return bot.Response{Content: "A sentence is numbered within its paragraph; please give the paragraph too: " + sourceUsage}, 1
	}
	v, err := render.Sentences(d, para, m)
	if err != nil {
		return bot.Response{Content: render.EscapeCut(err.Error(), 300) + "."}, 1
	}
	return viewPage(v, n)
}

// sourceUsage shows how a citation's place is looked up.
const sourceUsage = "`/source document paragraph sentence`."
