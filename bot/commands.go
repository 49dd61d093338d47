package bot

import (
	"context"
	"log/slog"
	"runtime/debug"
	"sync"

	"github.com/bwmarrin/discordgo"

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

// registry finds a command of Commands by its name.
var registry = sync.OnceValue(func() map[string]Command { return byName(Commands()) })

func byName(cmds []Command) map[string]Command {
	m := make(map[string]Command, len(cmds))
	for _, c := range cmds {
		m[c.Spec.Name] = c
	}
	return m
}

// Dispatch answers req from kb with the command it names. Every response
// leaves with mentions disabled and within Discord's limits; a handler that
// panics is logged and answered with an apology, never a crash.
func Dispatch(ctx context.Context, kb *knowledge.Base, req Request) Response {
	return route(ctx, registry(), kb, req)
}

// Router is Dispatch over another set of commands, such as Commands with the
// subscription commands added.
func Router(cmds []Command) Handler {
	m := byName(cmds)
	return func(ctx context.Context, kb *knowledge.Base, req Request) Response {
		return route(ctx, m, kb, req)
	}
}

// route is Dispatch over the given commands.
func route(ctx context.Context, commands map[string]Command, kb *knowledge.Base, req Request) (resp Response) {
	defer func() {
		if p := recover(); p != nil {
			slog.Error("command panicked", "command", req.Name, "kind", req.Kind,
				"user", req.UserID, "panic", p, "stack", string(debug.Stack()))
			resp = apology(req, "Sorry, something went wrong while answering. The error has been logged.")
		}
		resp.AllowedMentions = noMentions()
		fitLimits(&resp)
	}()
	if req.Kind == Component && req.CustomID != "" {
		name, action, opts, ok := parseCustomID(req.CustomID)
		if !ok {
			return apology(req, "That button is not known any more. Please run the command again.")
		}
		req.Name, req.Action, req.Options = name, action, opts
	}
	cmd, ok := commands[req.Name]
	switch {
	case !ok:
		return apology(req, "I don't know the command “"+escapeCut(req.Name, 50)+"”. Try /help to see what I can do.")
	case kb == nil:
		return apology(req, "The knowledge base is still loading. Please try again in a moment.")
	case req.Kind == Autocomplete && cmd.Complete != nil:
		return cmd.Complete(ctx, kb, req)
	case req.Kind == Autocomplete:
		return noChoices()
	}
	return cmd.Handle(ctx, kb, req)
}

// apology is a private message for a request that cannot be answered; an
// autocomplete request gets no choices instead, as it cannot show text.
func apology(req Request, text string) Response {
	if req.Kind == Autocomplete {
		return noChoices()
	}
	return notice(text)
}

// noChoices answers autocomplete with an empty, non-null list.
func noChoices() Response {
	return Response{Choices: []*discordgo.ApplicationCommandOptionChoice{}}
}
