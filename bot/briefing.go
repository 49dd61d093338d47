package bot

import (
	"time"

	"briefbot/knowledge"
)

func briefingCommand() Command {
	return paged{
		spec: slash("briefing", "The briefing: what is new, key judgements, agreed and contested claims",
			stringOption("actor", "Only what concerns this actor", false, true)),
		render:   renderBriefing,
		complete: completeActor,
	}.command()
}

func renderBriefing(kb *knowledge.Base, opts map[string]string, n int) (Response, int) {
	return viewPage(briefingView(kb.Brief("", option(opts, "actor"), time.Now())), n)
}
