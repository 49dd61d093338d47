package briefing

import (
	"fmt"
	"strings"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// Markdown renders the whole briefing as a Markdown document: every item
// with its tag, speaker, hedge and numbered sources. Quoted text is escaped
// so that a document's own markup cannot restyle or break the briefing.
// Each note (the caller's own Markdown, such as a late post's) is quoted
// under the heading.
func Markdown(b Briefing, notes ...string) string {
	var w strings.Builder
	title := "Briefing"
	if b.Actor != "" {
		title += ": " + escape(b.Actor)
	}
	fmt.Fprintf(&w, "# %s\n\n", title)
	fmt.Fprintf(&w, "Generated %s", escape(b.Generated))
	if b.Since != "" {
		fmt.Fprintf(&w, " · documents since %s", escape(b.Since))
	}
	w.WriteString("\n")
	if note := b.UndatedNote(); note != "" {
		fmt.Fprintf(&w, "\n> %s\n", note)
	}
	for _, note := range notes {
		fmt.Fprintf(&w, "\n> %s\n", note)
	}
	if len(b.Sections) == 0 {
		w.WriteString("\nNothing to report: the documents hold nothing for this briefing.\n")
	}
	for _, s := range b.Sections {
		fmt.Fprintf(&w, "\n## %s\n\n", escape(s.Title))
		subject := ""
		for _, it := range s.Items {
			if it.Subject != "" && it.Subject != subject {
				if subject != "" {
					w.WriteString("\n")
				}
				subject = it.Subject
				fmt.Fprintf(&w, "**On %s:**\n\n", escape(subject))
			}
			writeItem(&w, it)
		}
	}
	return w.String()
}

func writeItem(w *strings.Builder, it Item) {
	w.WriteString("- ")
	if label := Label(it); label != "" {
		fmt.Fprintf(w, "**%s** ", label)
	}
	if it.Actor != "" {
		fmt.Fprintf(w, "**%s** (%s): ", escape(it.Actor), words.Count(it.Mentions, "mention"))
	}
	if it.Speaker != "" {
		fmt.Fprintf(w, "%s: ", escape(it.Speaker))
	}
	fmt.Fprintf(w, "“%s”", escape(it.Text))
	if it.Hedge != "" {
		fmt.Fprintf(w, " — hedged “%s”", escape(it.Hedge))
		if it.Likelihood != "" {
			fmt.Fprintf(w, ", *%s* on the ICD 203 scale", escape(it.Likelihood))
		}
	}
	w.WriteString("\n")
	for i, c := range it.Citations {
		fmt.Fprintf(w, "  %d. %s\n", i+1, citation(c))
	}
}

// Label names an item's tag for people ("New", "Corroborated by 3
// documents", "Contested, newest source"); empty for an untagged item.
func Label(it Item) string {
	switch it.Tag {
	case New:
		return "New"
	case Corroborated:
		// Copies of one publisher's story are fewer voices than documents.
		docs := corpus.DistinctDocs(it.Citations)
		if pubs := corpus.DistinctSources(it.Citations); pubs > 0 && pubs < docs && allSourced(it.Citations) {
			return "Corroborated by " + words.Count(docs, "document") + " from " + words.Count(pubs, "publisher")
		}
		return "Corroborated by " + words.Count(docs, "document")
	case Contested:
		if it.Newest {
			return "Contested, newest source"
		}
		return "Contested"
	}
	return ""
}

// citation renders one source with a link when the document has a URL.
func citation(c corpus.Citation) string {
	s := escape(c.String())
	if c.URL != "" && !strings.ContainsAny(c.URL, " <>()") {
		s += " <" + c.URL + ">"
	}
	return s
}

// markdownSpecial are the characters that change Markdown's reading of a
// line; each is escaped with a backslash.
var markdownSpecial = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
	"#", `\#`, "|", `\|`, "~", `\~`, "\n", " ", "\r", " ",
)

func escape(s string) string { return markdownSpecial.Replace(s) }

// allSourced reports whether every citation names its publisher.
func allSourced(cs []corpus.Citation) bool {
	for _, c := range cs {
		if strings.TrimSpace(c.Source) == "" {
			return false
		}
	}
	return true
}
