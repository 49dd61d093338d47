package bot

import (
	"context"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot/render"
	"briefbot/knowledge"
)

// Router answers requests with the commands cmds, each found by its name,
// wrapped in the routing middleware. A name registered twice panics: the
// later command would silently hide the earlier one.
func Router(cmds []Command) Handler {
	r := router{commands: ByName(cmds)}
	return routed(r.route)
}

// ByName indexes cmds by their names, panicking on a name given twice.
func ByName(cmds []Command) map[string]Command {
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
}

// route answers req with the command it names, reading a button's command
// from its custom id.
func (r router) route(ctx context.Context, kb *knowledge.Base, req Request) Response {
	if req.Kind == Component && req.CustomID != "" {
		name, action, opts, ok := ParseCustomID(req.CustomID)
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
		return NoChoices()
	}
	return cmd.Handle(ctx, kb, req)
}

// Apology is a private message for a request that cannot be answered; an
// autocomplete request gets no choices instead, as it cannot show text.
func Apology(req Request, text string) Response {
	if req.Kind == Autocomplete {
		return NoChoices()
	}
	return Notice(text)
}

// NoChoices answers autocomplete with an empty, non-null list.
func NoChoices() Response {
	return Response{Choices: []*discordgo.ApplicationCommandOptionChoice{}}
}

// Notice is a short private message from the bot itself.
func Notice(text string) Response {
	return Response{Content: text, Ephemeral: true}
}
