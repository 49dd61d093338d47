package render

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"briefbot/knowledge"
)

// What an actor card shows at most, so that it stays one readable message.
const (
	cardClaims      = 3
	cardRelated     = 6
	cardCandidates  = 10
	cardDescription = 600
	cardAliases     = 500
	cardClaimText   = 240
	cardDescCites   = 2
	cardRelatedName = 80
)

// ActorCard shows one actor: kind, aliases, a cited description, top claims,
// related actors with how strongly they are linked, and numbered sources.
// With no match it offers the candidates instead.
func ActorCard(r knowledge.ActorReport) *discordgo.MessageEmbed {
	a := r.Match
	if a == nil {
		return NoActorCard(r)
	}
	src := &sources{}
	var desc []string
	switch {
	case len(r.Descriptions) > 0:
		d := r.Descriptions[0]
		desc = append(desc, quoted(d.Text, cardDescription)+" "+src.markers(firstN(d.Citations, cardDescCites)))
	case a.Description != "":
		desc = append(desc, quoted(a.Description, cardDescription))
	}
	if aliases := otherNames(a.Name, a.Aliases); aliases != "" {
		desc = append(desc, Truncate("**Also written:** "+aliases, cardAliases))
	}
	if same := escapedList(a.PossiblySame); same != "" {
		desc = append(desc, Truncate("**Possibly the same as:** "+same, cardAliases))
	}
	mentions := fmt.Sprintf("%d in %s", a.Mentions, Plural(len(a.Docs), "document"))
	if a.Mentions == 0 {
		mentions = "none" // an author the documents never name
	}
	e := &discordgo.MessageEmbed{
		Title:       EscapeCut(a.Name, maxTitle),
		Description: strings.Join(desc, "\n"),
		Color:       ColorFound,
		Fields: []*discordgo.MessageEmbedField{
			{Name: "Kind", Value: KindName(string(a.Kind)), Inline: true},
			{Name: "Mentions", Value: mentions, Inline: true},
		},
	}
	if len(a.Authored) > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Author or speaker of", Value: Truncate(Plural(len(a.Authored), "document")+": "+escapedList(a.Authored), maxFieldValue)})
	}
	e.Fields = append(e.Fields, packLines("Top claims", claimLines(r, src))...)
	e.Fields = append(e.Fields, packLines("Related", relatedLines(r))...)
	e.Fields = append(e.Fields, src.fields()...)
	return e
}

// claimLines are the actor's first claims, each with its first source.
func claimLines(r knowledge.ActorReport, src *sources) []string {
	var lines []string
	for _, c := range firstN(r.Claims, cardClaims) {
		line := "• " + EscapeCut(c.Text, cardClaimText) + " *(" + string(c.Kind) + ")*"
		if len(c.Sources) > 0 {
			line += " " + src.markers(c.Sources[:1])
		}
		lines = append(lines, line)
	}
	return lines
}

// relatedLines name the actors mentioned with this one, strongest first.
func relatedLines(r knowledge.ActorReport) []string {
	var lines []string
	for _, rel := range firstN(r.Related, cardRelated) {
		lines = append(lines, fmt.Sprintf("• **%s**: %s in %s",
			EscapeCut(rel.Name, cardRelatedName), Plural(rel.Strength, "shared sentence"), Plural(rel.Docs, "document")))
	}
	return lines
}

// NoActorCard says that no actor matched, and which names come closest.
func NoActorCard(r knowledge.ActorReport) *discordgo.MessageEmbed {
	desc := "No actor of that name appears in the documents."
	if len(r.Candidates) > 0 {
		var names []string
		for _, c := range firstN(r.Candidates, cardCandidates) {
			names = append(names, "• "+EscapeCut(c, MaxName))
		}
		desc = "Did you mean:\n" + strings.Join(names, "\n")
	}
	return &discordgo.MessageEmbed{
		Title:       "No actor matches “" + EscapeCut(r.Query, MaxName) + "”",
		Description: desc,
		Color:       ColorNotFound,
	}
}

// otherNames lists the aliases other than the name itself.
func otherNames(name string, aliases []string) string {
	var others []string
	for _, a := range aliases {
		if !strings.EqualFold(a, name) {
			others = append(others, a)
		}
	}
	return escapedList(others)
}

// escapedList joins names with commas, each escaped, up to cardAliases
// characters.
func escapedList(names []string) string {
	var b strings.Builder
	for _, n := range names {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(EscapeCut(n, MaxName))
		if TextLen(b.String()) > cardAliases {
			break
		}
	}
	return Truncate(b.String(), cardAliases)
}

// KindName capitalises an actor or claim kind for display.
func KindName(kind string) string {
	if kind == "" {
		return "Unknown"
	}
	return strings.ToUpper(kind[:1]) + kind[1:]
}

func firstN[T any](s []T, n int) []T {
	return s[:min(len(s), n)]
}
