package commands

import (
	"briefbot/bot"
	"briefbot/bot/render"
	"briefbot/knowledge"
)

func sourcesCommand() bot.Command {
	return paged{
		spec:   slash("sources", "Which documents do I know? Title, publisher, date and size of each"),
		render: renderSources,
	}.command()
}

func renderSources(kb *knowledge.Base, _ map[string]string, n int) (bot.Response, int) {
	return viewPage(render.Documents(kb.Docs(), kb.Words, kb.Unmerged()), n)
}
