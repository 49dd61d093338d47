package bot

import (
	"briefbot/bot/render"
	"briefbot/knowledge"
)

func sourcesCommand() Command {
	return paged{
		spec:   slash("sources", "Which documents do I know? Title, publisher, date and size of each"),
		render: renderSources,
	}.command()
}

func renderSources(kb *knowledge.Base, _ map[string]string, n int) (Response, int) {
	return viewPage(render.Documents(kb.Docs(), kb.Words), n)
}
