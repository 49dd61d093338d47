package bot

import (
	"context"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot/render"
	"briefbot/knowledge"
)

// Commands returns every command briefbot serves, in the order /help lists
// them; their Specs are what the transports register with Discord.
func Commands() []Command {
	return []Command{
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
}

// Router answers requests with the commands cmds, each found by its name,
// wrapped in the routing middleware; it keeps the options of its recent
// paged answers for their buttons. A name registered twice panics: the
// later command would silently hide the earlier one.
func Router(cmds []Command) Handler {
	r := router{commands: byName(cmds), recent: newLRU(recentCapacity)}
	return routed(r.route)
}

func byName(cmds []Command) map[string]Command {
	m := make(map[string]Command, len(cmds))
	for _, c := range cmds {
		if _, dup := m[c.Spec.Name]; dup {
			panic("bot: command " + c.Spec.Name + " registered twice")
		}
		m[c.Spec.Name] = c
	}
	return m
}

// router finds the command a request names.
type router struct {
	commands map[string]Command
	recent   *lru // see rememberAnswer
}

// route answers req with the command it names, reading a button's command
// from its custom id.
func (r router) route(ctx context.Context, kb *knowledge.Base, req Request) Response {
	ctx = context.WithValue(ctx, recentKey{}, r.recent)
	if req.Kind == Component && req.CustomID != "" {
		name, action, opts, ok := parseCustomID(req.CustomID)
		if !ok {
			return Apology(req, "That button is not known any more. Please run the command again.")
		}
		req.Name, req.Action, req.Options = name, action, opts
	}
	cmd, ok := r.commands[req.Name]
	switch {
	case !ok:
		return Apology(req, "I don't know the command “"+render.EscapeCut(req.Name, 50)+"”. Try /help to see what I can do.")
	case kb == nil:
		return Apology(req, "The knowledge base is still loading. Please try again in a moment.")
	case req.Kind == Autocomplete && cmd.Complete != nil:
		return cmd.Complete(ctx, kb, req)
	case req.Kind == Autocomplete:
		return noChoices()
	}
	return cmd.Handle(ctx, kb, req)
}

// Apology is a private message for a request that cannot be answered; an
// autocomplete request gets no choices instead, as it cannot show text.
func Apology(req Request, text string) Response {
	if req.Kind == Autocomplete {
		return noChoices()
	}
	return Notice(text)
}

// noChoices answers autocomplete with an empty, non-null list.
func noChoices() Response {
	return Response{Choices: []*discordgo.ApplicationCommandOptionChoice{}}
}
