package render

import "github.com/bwmarrin/discordgo"

// Discord's limits on what one message may hold (see ../shared/NOTES.md beside the repository:
// some are missing or wrong in the OpenAPI file).
const (
	MaxContent     = 2000
	maxEmbeds      = 10
	maxEmbedsTotal = 6000
	maxTitle       = 256
	MaxDescription = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxAuthor      = 256
	MaxChoices     = 25
	MaxChoiceLen   = 100
)

// FitMessage is the last guard before a message leaves the bot: renderers
// page their output to stay well inside the limits, and this cuts whatever
// still exceeds one, earlier text kept over later.
func FitMessage(content string, embeds []*discordgo.MessageEmbed) (string, []*discordgo.MessageEmbed) {
	content = Truncate(content, MaxContent)
	if len(embeds) > maxEmbeds {
		embeds = embeds[:maxEmbeds]
	}
	budget := maxEmbedsTotal
	take := func(s string, limit int) string {
		s = Truncate(s, min(limit, budget))
		budget -= TextLen(s)
		return s
	}
	for _, e := range embeds {
		e.Title = take(e.Title, maxTitle)
		if e.Author != nil {
			e.Author.Name = take(e.Author.Name, maxAuthor)
		}
		if e.Footer != nil {
			e.Footer.Text = take(e.Footer.Text, maxFooter)
		}
		e.Description = take(e.Description, MaxDescription)
		e.Fields = fitFields(e.Fields, &budget)
	}
	return content, embeds
}

// FitChoices keeps the autocomplete choices Discord takes, their names cut
// to its limit.
func FitChoices(choices []*discordgo.ApplicationCommandOptionChoice) []*discordgo.ApplicationCommandOptionChoice {
	if len(choices) > MaxChoices {
		choices = choices[:MaxChoices]
	}
	for _, c := range choices {
		c.Name = Truncate(c.Name, MaxChoiceLen)
	}
	return choices
}

// fitFields keeps the fields that fit in the remaining budget, each cut to
// its own limits; a field whose name and value cannot both fit is dropped
// with every field after it.
func fitFields(fields []*discordgo.MessageEmbedField, budget *int) []*discordgo.MessageEmbedField {
	if len(fields) > maxFields {
		fields = fields[:maxFields]
	}
	for i, f := range fields {
		f.Name = Truncate(f.Name, maxFieldName)
		f.Value = Truncate(f.Value, maxFieldValue)
		need := TextLen(f.Name) + TextLen(f.Value)
		if need > *budget {
			return fields[:i]
		}
		*budget -= need
	}
	return fields
}
