package commands

import (
	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/bot/render"
	"briefbot/knowledge"
	"briefbot/knowledge/claims"
)

// claimKinds are the kinds /claims can be narrowed to.
var claimKinds = []claims.Kind{claims.Quote, claims.Reported, claims.Figure, claims.Assessment}

func claimsCommand() bot.Command {
	kind := stringOption("kind", "Only claims of this kind", false, false)
	for _, k := range claimKinds {
		kind.Choices = append(kind.Choices, &discordgo.ApplicationCommandOptionChoice{Name: render.KindName(string(k)), Value: string(k)})
	}
	return paged{
		spec: slash("claims", "What has this actor said or claimed? Quotes, figures and assessments, with sources",
			stringOption("actor", "The actor's name, in any spelling", true, true), kind),
		render:   renderClaims,
		complete: completeActor,
	}.command()
}

func renderClaims(kb *knowledge.Base, opts map[string]string, n int) (bot.Response, int) {
	actor := option(opts, "actor")
	cs := kb.Claims(actor)
	title := "Claims: " + actor
	if kind := claims.Kind(option(opts, "kind")); kind != "" {
		cs = ofKind(cs, kind)
		title += " (" + string(kind) + ")"
	}
	return viewPage(render.Claims(title, cs), n)
}

func ofKind(cs []*claims.Claim, kind claims.Kind) []*claims.Claim {
	var out []*claims.Claim
	for _, c := range cs {
		if c.Kind == kind {
			out = append(out, c)
		}
	}
	return out
}
