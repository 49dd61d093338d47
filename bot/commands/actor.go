package commands

import (
	"briefbot/bot"
	"briefbot/bot/render"
	"briefbot/knowledge"
)

func actorCommand() bot.Command {
	return paged{
		spec: slash("actor", "Who or what is this? A person, organisation or place, with sources",
			stringOption("name", "The actor's name, in any spelling", true, true)),
		render:   renderActor,
		complete: completeActor,
	}.command()
}

func renderActor(kb *knowledge.Base, opts map[string]string, _ int) (bot.Response, int) {
	return single(render.ActorCard(kb.Actor(option(opts, "name"))))
}
