package commands

import (
	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/knowledge"
)

// findSourceName is the message command's name, as Discord shows it.
const FindSourceName = "Find source"

// findSourceHelp describes the message command, which Discord shows without
// a description.
const findSourceHelp = "Right-click a message, then Apps → Find source: where does its text come from?"

func findSourceCommand() bot.Command {
	return paged{
		spec:     &discordgo.ApplicationCommand{Type: discordgo.MessageApplicationCommand, Name: FindSourceName},
		render:   renderFindSource,
		feedback: true,
	}.command()
}

func renderFindSource(kb *knowledge.Base, opts map[string]string, n int) (bot.Response, int) {
	if option(opts, optionMessage) == "" {
		return bot.Response{Content: "That message has no text to look up."}, 1
	}
	return lookUp(kb, option(opts, optionMessage), n)
}
