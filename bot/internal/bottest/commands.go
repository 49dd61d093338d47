// Package bottest holds what the transport tests share: tiny commands that
// exercise the transports, an HTTP endpoint signed as Discord signs, and
// checks of what the fake Discord received.
package bottest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/knowledge"
)

// slowFor is how long the "slow" test commands take: well over the
// acknowledgement window the transport tests configure (AckWithin), which
// is itself wide enough for a quick handler on a loaded machine under -race.
const (
	AckWithin = 500 * time.Millisecond
	slowFor   = 900 * time.Millisecond
)

// echoText renders what a handler received, so tests can check the
// transports' conversion of interactions into requests.
func echoText(req bot.Request) string {
	keys := make([]string, 0, len(req.Options))
	for k := range req.Options {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "kind=%d name=%s custom=%s user=%s manage=%t target=%q", req.Kind, req.Name, req.CustomID, req.UserID, req.CanManageGuild, req.TargetText)
	for _, k := range keys {
		fmt.Fprintf(&b, " %s=%s", k, req.Options[k])
	}
	return b.String()
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-time.After(d):
	case <-ctx.Done():
	}
}

// Commands are tiny commands built only to exercise the transports.
func Commands() []bot.Command {
	spec := func(name string) *discordgo.ApplicationCommand {
		return &discordgo.ApplicationCommand{Name: name, Description: "test command " + name}
	}
	return []bot.Command{
		{Spec: spec("quick"), Handle: func(_ context.Context, _ *knowledge.Base, req bot.Request) bot.Response {
			return bot.Response{Content: "quick answer @everyone <@&123>", Ephemeral: req.Options["public"] != "true",
				Embeds: []*discordgo.MessageEmbed{{Title: "Answer", Description: "from the documents"}}}
		}},
		{Spec: spec("echo"), Handle: func(_ context.Context, _ *knowledge.Base, req bot.Request) bot.Response {
			return bot.Response{Content: echoText(req), Update: strings.Contains(req.CustomID, ":page:")}
		}, Complete: func(_ context.Context, _ *knowledge.Base, req bot.Request) bot.Response {
			return bot.Response{Choices: []*discordgo.ApplicationCommandOptionChoice{
				{Name: "typed " + req.Options[req.Focused], Value: req.Focused}}}
		}},
		{Spec: spec("slow"), Handle: func(ctx context.Context, _ *knowledge.Base, req bot.Request) bot.Response {
			sleep(ctx, slowFor)
			return bot.Response{Content: "slow answer", Ephemeral: req.Options["public"] != "true",
				Update: strings.Contains(req.CustomID, ":page:")}
		}, Complete: func(ctx context.Context, _ *knowledge.Base, _ bot.Request) bot.Response {
			sleep(ctx, slowFor)
			return bot.Response{Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "late", Value: "late"}}}
		}},
	}
}

// Dispatch routes like bot.Router, over Commands.
func Dispatch() bot.Handler {
	byName := map[string]bot.Command{}
	for _, c := range Commands() {
		byName[c.Spec.Name] = c
	}
	return func(ctx context.Context, kb *knowledge.Base, req bot.Request) bot.Response {
		name := req.Name
		if req.Kind == bot.Component {
			name, _, _ = strings.Cut(req.CustomID, ":")
		}
		c, ok := byName[name]
		if !ok {
			return bot.Response{Content: "unknown command " + name, Ephemeral: true}
		}
		if req.Kind == bot.Autocomplete {
			return c.Complete(ctx, kb, req)
		}
		return c.Handle(ctx, kb, req)
	}
}

// NoKnowledge is a knowledge base still loading.
func NoKnowledge() *knowledge.Base { return nil }
