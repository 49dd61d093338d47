package bot

import (
	"fmt"

	"briefbot/knowledge"
)

func sourceCommand() Command {
	return paged{
		spec: slash("source", "Read a document's cleaned text, or one paragraph of it",
			stringOption("document", "The document (see /sources)", true, true),
			intOption("paragraph", "Only this paragraph (from 1)")),
		render:   renderSource,
		complete: completeDocument,
	}.command()
}

func renderSource(kb *knowledge.Base, opts map[string]string, n int) (Response, int) {
	ref := option(opts, "document")
	d, ok := kb.Doc(ref)
	if !ok {
		return Response{Content: "I have no document “" + escapeCut(ref, 100) + "”. /sources lists them."}, 1
	}
	para := intValue(opts, "paragraph")
	if para < 0 || para > len(d.Paragraphs) {
		return Response{Content: fmt.Sprintf("“%s” has %s.", escapeCut(documentTitle(d), 200), plural(len(d.Paragraphs), "paragraph"))}, 1
	}
	return viewPage(documentView(d, para), n)
}
