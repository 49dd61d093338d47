package console

import (
	"strings"

	"briefbot/bot"
	"briefbot/bot/render"
)

// plainResponse renders a response as text for a terminal: embeds become
// titled blocks, fields indented lists, and the markdown the bot wrote is
// taken out again.
func plainResponse(r bot.Response) string {
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
