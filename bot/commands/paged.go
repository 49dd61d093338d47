package commands

import (
	"context"
	"maps"
	"strconv"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/knowledge"
)

// optionMessage holds the text of the message a message command was run on,
// so that its buttons can re-derive the answer like any option.
const optionMessage = "message"

// pageFunc renders page n (from 0) of a command's answer to opts and says how
// many pages there are. It leaves Ephemeral and Components to paged.
type pageFunc func(kb *knowledge.Base, opts map[string]string, n int) (bot.Response, int)

// paged is a command whose answer is shown page by page, with "More",
// "Share in channel" and, for answers, feedback buttons.
type paged struct {
	spec     *discordgo.ApplicationCommand
	render   pageFunc
	complete bot.Handler
	feedback bool
}

func (p paged) command() bot.Command {
	return bot.Command{Spec: p.spec, Handle: p.handle, Complete: p.complete}
}

func (p paged) handle(ctx context.Context, kb *knowledge.Base, req bot.Request) bot.Response {
	if req.Kind == bot.Component {
		return p.press(ctx, kb, req)
	}
	opts := maps.Clone(req.Options)
	if req.Kind == bot.MessageCommand {
		opts = map[string]string{optionMessage: req.TargetText}
	}
	key := answerKey(p.spec.Name, opts)
	rememberAnswer(ctx, key, opts)
	return p.show(kb, opts, key, 0)
}

// show renders page n with the buttons that belong on it.
func (p paged) show(kb *knowledge.Base, opts map[string]string, key string, n int) bot.Response {
	if o := p.missingOption(opts); o != "" {
		return bot.Notice("Please give the " + o + ": " + usage(p.spec))
	}
	resp, pages := p.render(kb, opts, n)
	resp.Ephemeral = !isTrue(opts["public"])
	resp.Components = buttons(p.spec.Name, key, n, pages, resp.Ephemeral, p.feedback)
	return resp
}

// press answers a button on one of this command's answers.
func (p paged) press(ctx context.Context, kb *knowledge.Base, req bot.Request) bot.Response {
	key := req.Options[bot.OptionKey]
	n, _ := strconv.Atoi(req.Options[bot.OptionPage])
	opts, ok := recallAnswer(ctx, key)
	if !ok {
		return bot.Notice("This answer has expired. Please run the command again.")
	}
	switch req.Action {
	case ActionMore:
		resp := p.show(kb, opts, key, n+1)
		resp.Update = true
		return resp
	case actionShare:
		resp, _ := p.render(kb, opts, n)
		return resp
	case actionUp, actionDown:
		logFeedback(ctx, req, opts)
		return bot.Notice("Thanks for the feedback!")
	}
	return bot.Notice("That button is not known any more. Please run the command again.")
}

// missingOption names the first required option left empty, which only the
// console lets happen.
func (p paged) missingOption(opts map[string]string) string {
	for _, o := range p.spec.Options {
		if o.Required && option(opts, o.Name) == "" {
			return o.Name
		}
	}
	return ""
}

func isTrue(s string) bool {
	b, _ := strconv.ParseBool(s)
	return b
}
