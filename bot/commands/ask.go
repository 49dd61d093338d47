package commands

import (
	"briefbot/bot"
	"briefbot/bot/render"
	"briefbot/knowledge"
)

// askLimit is how many answers /ask fetches; they are shown a page at a time.
const askLimit = 9

func askCommand() bot.Command {
	question := stringOption("question", "What you want to know, in your own words", true, false)
	question.MaxLength = 500
	return paged{
		spec: slash("ask", "Ask a question; the answer quotes the documents, with sources",
			question, boolOption("public", "Post the answer in the channel for everyone (default: only you see it)")),
		render:   renderAsk,
		feedback: true,
	}.command()
}

func renderAsk(kb *knowledge.Base, opts map[string]string, n int) (bot.Response, int) {
	return viewPage(render.Answer(kb.Ask(option(opts, "question"), askLimit)), n)
}
