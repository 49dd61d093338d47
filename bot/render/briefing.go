package render

import (
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/knowledge/briefing"
	"briefbot/knowledge/corpus"
)

// briefingItemsPerPage keeps a briefing page short.
const briefingItemsPerPage = 6

// Briefing shows a briefing section by section, each item tagged with
// how it stands among the sources.
func Briefing(b briefing.Briefing) List {
	title := "Briefing"
	if b.Actor != "" {
		title += ": " + b.Actor
	}
	v := List{
		title:   title,
		perPage: briefingItemsPerPage,
		color:   ColorFound,
		empty:   "Nothing to report: the documents hold nothing for this briefing.",
		footer:  "Generated " + b.Generated,
	}
	if b.Since != "" {
		v.intro = "Documents since " + EscapeCut(b.Since, MaxName)
		if note := b.UndatedNote(); note != "" {
			v.intro += ". " + note
		}
	}
	for _, s := range b.Sections {
		for _, it := range s.Items {
			v.entries = append(v.entries, entry{heading: s.Title, label: tagLabel(it), text: it.Text, cites: it.Citations})
		}
	}
	if len(v.entries) == 0 {
		v.color = ColorNotFound
	}
	return v
}

// tagLabel marks a new, corroborated or contested item; untagged items get
// no label.
func tagLabel(it briefing.Item) string {
	switch it.Tag {
	case briefing.New:
		return "🆕 **New**"
	case briefing.Corroborated:
		return "✅ **Corroborated** by " + Plural(corpus.DistinctDocs(it.Citations), "document")
	case briefing.Contested:
		return "⚠️ **Contested** among the sources"
	case "":
		return ""
	}
	return "**" + EscapeCut(string(it.Tag), MaxName) + "**"
}

// BriefingPost renders a briefing as one message: as many pages of the
// /briefing view as fit Discord's limits (10 embeds, 6000 characters across
// them), and, when not every page fits, the whole briefing attached as a
// Markdown file. A briefing posted late says when it was due; due is zero
// for one on time.
func BriefingPost(b briefing.Briefing, due time.Time) (content string, embeds []*discordgo.MessageEmbed, files []*discordgo.File) {
	v := Briefing(b)
	pages := v.layout()
	content = "📰 **Daily briefing**"
	var notes []string
	if !due.IsZero() {
		content += fmt.Sprintf(" · ⏰ **Late**: due <t:%d:f>, posted after the bot was down", due.Unix())
		notes = append(notes, "**Late:** this briefing was due at "+due.Format(time.RFC3339)+" and is posted after downtime.")
	}
	total := 0
	for i, p := range pages {
		e := v.embed(p, i, len(pages))
		size := embedLen(e)
		if len(embeds) == maxEmbeds || total+size > maxEmbedsTotal {
			break
		}
		embeds = append(embeds, e)
		total += size
	}
	if len(embeds) < len(pages) {
		content += "\nThe full briefing is attached."
		files = []*discordgo.File{{
			Name: "briefing-" + fileDate(b.Generated) + ".md", ContentType: "text/markdown; charset=utf-8",
			Reader: strings.NewReader(briefing.Markdown(b, notes...)),
		}}
	}
	return content, embeds, files
}

// embedLen counts an embed's text as Discord does for its 6000-character
// limit across a message's embeds.
func embedLen(e *discordgo.MessageEmbed) int {
	n := TextLen(e.Title) + TextLen(e.Description)
	if e.Footer != nil {
		n += TextLen(e.Footer.Text)
	}
	if e.Author != nil {
		n += TextLen(e.Author.Name)
	}
	for _, f := range e.Fields {
		n += TextLen(f.Name) + TextLen(f.Value)
	}
	return n
}

// fileDate is the day of an RFC 3339 stamp, for the attachment's name.
func fileDate(generated string) string {
	if len(generated) >= 10 && !strings.ContainsAny(generated[:10], `/\. `) {
		return generated[:10]
	}
	return "today"
}
