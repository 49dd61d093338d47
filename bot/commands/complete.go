package commands

import (
	"context"

	"github.com/bwmarrin/discordgo"
	"github.com/sahilm/fuzzy"

	"briefbot/bot"
	"briefbot/bot/render"
	"briefbot/knowledge"
	"briefbot/knowledge/actors"
)

// typed returns what the user has typed so far in the focused option, cleaned
// and cut to what a choice could ever match.
func typed(req bot.Request) string {
	s := render.Clean(req.Options[req.Focused])
	if r := []rune(s); len(r) > render.MaxChoiceLen {
		s = string(r[:render.MaxChoiceLen])
	}
	return s
}

// choiceList collects at most 25 distinct autocomplete choices.
type choiceList []*discordgo.ApplicationCommandOptionChoice

// add offers value under the label name. A value that Discord would refuse
// (empty, or over 100 characters) is skipped rather than cut, since a cut
// value would no longer find what it names.
func (l *choiceList) add(name, value string) {
	if value == "" || render.TextLen(value) > render.MaxChoiceLen || len(*l) >= render.MaxChoices {
		return
	}
	for _, c := range *l {
		if c.Value == value {
			return
		}
	}
	name = render.Truncate(render.DefuseMentions(render.Clean(name)), render.MaxChoiceLen)
	if name == "" {
		name = render.Truncate(render.DefuseMentions(render.Clean(value)), render.MaxChoiceLen)
	}
	if name == "" {
		return
	}
	*l = append(*l, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: value})
}

func (l choiceList) response() bot.Response {
	if l == nil {
		return bot.NoChoices()
	}
	return bot.Response{Choices: l}
}

// completeActor offers the actor names that start like what was typed.
func completeActor(_ context.Context, kb *knowledge.Base, req bot.Request) bot.Response {
	var l choiceList
	for _, a := range kb.Complete(typed(req)) {
		label := actorChoice(a)
		l.add(label, label)
	}
	return l.response()
}

// actorChoice labels an actor as a choice, "Name (kind)", the name cut so
// that the label fits a choice.
func actorChoice(a *actors.Actor) string {
	suffix := " (" + string(a.Kind) + ")"
	return render.Truncate(a.Name, render.MaxChoiceLen-render.TextLen(suffix)) + suffix
}

// completeDocument offers the documents whose id, title, publisher or file
// fuzzily match what was typed; all of them (up to 25) when nothing is typed.
func completeDocument(_ context.Context, kb *knowledge.Base, req bot.Request) bot.Response {
	docs := kb.Docs()
	var l choiceList
	q := typed(req)
	if q == "" {
		for _, d := range docs {
			l.add(render.DocumentLabel(d), d.ID)
		}
		return l.response()
	}
	haystack := make([]string, len(docs))
	for i, d := range docs {
		haystack[i] = d.ID + " " + d.Title + " " + d.Source + " " + d.File
	}
	for _, m := range fuzzy.Find(q, haystack) {
		l.add(render.DocumentLabel(docs[m.Index]), docs[m.Index].ID)
	}
	return l.response()
}
