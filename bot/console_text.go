package bot

import (
	"briefbot/bot/render"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// plainResponse renders a response as text for a terminal: embeds become
// titled blocks, fields indented lists, and the markdown the bot wrote is
// taken out again.
func plainResponse(r Response) string {
	var b strings.Builder
	if r.Content != "" {
		b.WriteString(render.Plain(r.Content) + "\n")
	}
	for _, e := range r.Embeds {
		render.WriteEmbed(&b, e)
	}
	if more := moreButton(r); more != nil {
		b.WriteString("(" + more.Label + ": type /more for the next page)\n")
	}
	for _, c := range r.Choices {
		b.WriteString("  " + c.Name + "\n")
	}
	return b.String()
}

// eachButton lists the buttons in the action rows of components.
func eachButton(components []discordgo.MessageComponent) []discordgo.Button {
	var buttons []discordgo.Button
	for _, c := range components {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, inner := range row.Components {
			if btn, ok := inner.(discordgo.Button); ok {
				buttons = append(buttons, btn)
			}
		}
	}
	return buttons
}
