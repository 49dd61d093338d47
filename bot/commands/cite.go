package commands

import (
	"briefbot/bot"
	"briefbot/bot/render"
	"briefbot/knowledge"
)

// maxLookup bounds the text a citation lookup searches for: a quotation, not
// a whole message of Nitro length.
const maxLookup = 1000

func citeCommand() bot.Command {
	quote := stringOption("quote", "The words to look for, as exactly as you remember them", true, false)
	quote.MaxLength = maxLookup
	return paged{
		spec:     slash("cite", "Where does this quote come from? Finds the source, speaker and paragraph", quote),
		render:   renderCite,
		feedback: true,
	}.command()
}

func renderCite(kb *knowledge.Base, opts map[string]string, n int) (bot.Response, int) {
	return lookUp(kb, option(opts, "quote"), n)
}

// lookUp renders page n of where text comes from.
func lookUp(kb *knowledge.Base, text string, n int) (bot.Response, int) {
	if r := []rune(text); len(r) > maxLookup {
		text = string(r[:maxLookup])
	}
	return viewPage(render.Cite(kb.Cite(text)), n)
}
