// Package commands is briefbot's slash commands and their handlers: the
// knowledge commands (/ask, /actor, /claims, /cite, /briefing, /source,
// /sources, Find source, /help), the subscription and feed commands, "Add
// to knowledge base", autocomplete, and the buttons of paged answers.
package commands

import "briefbot/bot"

// Commands returns every command briefbot serves, in the order /help lists
// them; their Specs are what the transports register with Discord. They
// share one memory of their recent paged answers, for the answers' buttons.
func Commands() []bot.Command {
	cmds := []bot.Command{
		askCommand(),
		actorCommand(),
		claimsCommand(),
		citeCommand(),
		sourcesCommand(),
		sourceCommand(),
		briefingCommand(),
		helpCommand(),
		findSourceCommand(),
	}
	remember := remembering(newLRU(recentCapacity))
	for i := range cmds {
		cmds[i].Handle = remember(cmds[i].Handle)
	}
	return cmds
}
