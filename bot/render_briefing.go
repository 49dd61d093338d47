package bot

import (
	"briefbot/knowledge/briefing"
	"briefbot/knowledge/corpus"
)

// briefingItemsPerPage keeps a briefing page short.
const briefingItemsPerPage = 6

// briefingView shows a briefing section by section, each item tagged with
// how it stands among the sources.
func briefingView(b briefing.Briefing) listView {
	title := "Briefing"
	if b.Actor != "" {
		title += ": " + b.Actor
	}
	v := listView{
		title:   title,
		perPage: briefingItemsPerPage,
		color:   colorFound,
		empty:   "Nothing to report: the documents hold nothing for this briefing.",
		footer:  "Generated " + b.Generated,
	}
	if b.Since != "" {
		v.intro = "Documents since " + escapeCut(b.Since, maxName)
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
		v.color = colorNotFound
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
		return "✅ **Corroborated** by " + plural(corpus.DistinctDocs(it.Citations), "document")
	case briefing.Contested:
		return "⚠️ **Contested** among the sources"
	case "":
		return ""
	}
	return "**" + escapeCut(string(it.Tag), maxName) + "**"
}
