package bot

import "github.com/bwmarrin/discordgo"

// Discord's limits on what one message may hold (see /work/shared/NOTES.md:
// some are missing or wrong in the OpenAPI file).
const (
	maxContent      = 2000
	maxEmbeds       = 10
	maxEmbedsTotal  = 6000
	maxTitle        = 256
	maxDescription  = 4096
	maxFields       = 25
	maxFieldName    = 256
	maxFieldValue   = 1024
	maxFooter       = 2048
	maxAuthor       = 256
	maxChoices      = 25
	maxChoiceLen    = 100
	maxCustomID     = 100
	maxButtonLabel  = 80
	maxButtonsInRow = 5
)

// fitLimits is the last guard before a response leaves the bot: renderers
// page their output to stay well inside the limits, and this cuts whatever
// still exceeds one, earlier text kept over later.
func fitLimits(r *Response) {
	r.Content = truncate(r.Content, maxContent)
	if len(r.Embeds) > maxEmbeds {
		r.Embeds = r.Embeds[:maxEmbeds]
	}
	budget := maxEmbedsTotal
	take := func(s string, limit int) string {
		s = truncate(s, min(limit, budget))
		budget -= textLen(s)
		return s
	}
	for _, e := range r.Embeds {
		e.Title = take(e.Title, maxTitle)
		if e.Author != nil {
			e.Author.Name = take(e.Author.Name, maxAuthor)
		}
		if e.Footer != nil {
			e.Footer.Text = take(e.Footer.Text, maxFooter)
		}
		e.Description = take(e.Description, maxDescription)
		e.Fields = fitFields(e.Fields, &budget)
	}
	if len(r.Choices) > maxChoices {
		r.Choices = r.Choices[:maxChoices]
	}
	for _, c := range r.Choices {
		c.Name = truncate(c.Name, maxChoiceLen)
	}
}

// fitFields keeps the fields that fit in the remaining budget, each cut to
// its own limits; a field whose name and value cannot both fit is dropped
// with every field after it.
func fitFields(fields []*discordgo.MessageEmbedField, budget *int) []*discordgo.MessageEmbedField {
	if len(fields) > maxFields {
		fields = fields[:maxFields]
	}
	for i, f := range fields {
		f.Name = truncate(f.Name, maxFieldName)
		f.Value = truncate(f.Value, maxFieldValue)
		need := textLen(f.Name) + textLen(f.Value)
		if need > *budget {
			return fields[:i]
		}
		*budget -= need
	}
	return fields
}
