package commands

import (
	"time"

	"briefbot/bot"
	"briefbot/bot/render"
	"briefbot/knowledge"
)

func briefingCommand() bot.Command {
	return paged{
		spec: slash("briefing", "The briefing: what is new, key judgements, agreed and contested claims",
			stringOption("actor", "Only what concerns this actor", false, true)),
		render:   renderBriefing,
		complete: completeActor,
	}.command()
}

// renderBriefing shows the briefing, or, for an actor no document names,
// says so and offers the closest names, as /actor does.
func renderBriefing(kb *knowledge.Base, opts map[string]string, n int) (bot.Response, int) {
	actor := option(opts, "actor")
	if actor != "" {
		if r := kb.Actor(actor); r.Match == nil {
			return single(render.NoActorCard(r))
		}
	}
	return viewPage(render.Briefing(kb.Briefing(knowledge.BriefQuery{Actor: actor, Now: time.Now()})), n)
}
