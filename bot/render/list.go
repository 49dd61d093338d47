package render

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"briefbot/knowledge/corpus"
)

// Budgets of one list page. Together with a full title and footer they stay
// under the 6000 characters a message's embeds may hold, and any single
// entry fits on a page of its own.
const (
	pageBodyBudget    = 2700
	pageSourcesBudget = 2000
	maxIntro          = 600
	maxPageFooter     = 200
	maxHeading        = 100
	maxLabel          = 300
	maxQuote          = 900
	maxCitesPerEntry  = 5
)

// Embed colours: answers and lists, and "nothing found".
const (
	ColorFound    = 0x2b6cb0
	ColorNotFound = 0x718096
)

// entry is one item of a paged list.
type entry struct {
	heading string            // plain text, shown when it changes (a briefing section)
	label   string            // markdown the bot wrote, already safe
	text    string            // verbatim document text, escaped when shown
	cites   []corpus.Citation // numbered markers after the text, listed under Sources
	limit   int               // longest text shown; maxQuote when 0
}

// List is a titled list of entries shown page by page, each page with
// its own numbered sources.
type List struct {
	title   string // plain text
	url     string // title link, when safe
	intro   string // markdown, already safe; repeated on every page
	empty   string // markdown shown when there are no entries
	footer  string // plain text after the page number
	entries []entry
	perPage int
	color   int
}

// laidOutPage is one page's body and its sources.
type laidOutPage struct {
	body string
	src  *sources
}

// Page renders page n (from 0, clamped) and reports how many pages there are.
func (v List) Page(n int) (*discordgo.MessageEmbed, int) {
	pages := v.layout()
	n = max(0, min(n, len(pages)-1))
	return v.embed(pages[n], n, len(pages)), len(pages)
}

// embed renders laid-out page n of count.
func (v List) embed(p laidOutPage, n, count int) *discordgo.MessageEmbed {
	desc := Truncate(v.intro, maxIntro)
	if len(v.entries) == 0 {
		desc = strings.TrimSpace(desc + "\n\n" + v.empty)
	} else {
		desc = strings.TrimSpace(desc + "\n\n" + p.body)
	}
	e := &discordgo.MessageEmbed{
		Title:       EscapeCut(v.title, maxTitle),
		URL:         SafeURL(v.url),
		Description: desc,
		Fields:      p.src.fields(),
		Color:       v.color,
	}
	footer := v.footer
	if count > 1 {
		footer = strings.TrimSuffix(fmt.Sprintf("Page %d/%d · %s", n+1, count, footer), " · ")
	}
	if footer != "" {
		e.Footer = &discordgo.MessageEmbedFooter{Text: Truncate(DefuseMentions(Clean(footer)), maxPageFooter)}
	}
	return e
}

// layout packs the entries into pages greedily; there is always at least one
// page, possibly empty.
func (v List) layout() []laidOutPage {
	perPage := v.perPage
	if perPage <= 0 {
		perPage = 5
	}
	var pages []laidOutPage
	cur, count, heading := laidOutPage{src: &sources{}}, 0, ""
	for _, e := range v.entries {
		trial := cur.src.clone()
		block := e.render(trial, e.heading != "" && e.heading != heading)
		fits := count < perPage && TextLen(cur.body)+TextLen(block) <= pageBodyBudget && trial.size() <= pageSourcesBudget
		if !fits && count > 0 {
			pages = append(pages, cur)
			cur, count = laidOutPage{src: &sources{}}, 0
			trial = cur.src.clone()
			block = e.render(trial, e.heading != "")
		}
		cur.body += block
		cur.src = trial
		count++
		heading = e.heading
	}
	return append(pages, cur)
}

// render writes the entry's markdown, numbering its citations in src.
func (e entry) render(src *sources, withHeading bool) string {
	var b strings.Builder
	if withHeading {
		b.WriteString("**__" + EscapeCut(e.heading, maxHeading) + "__**\n")
	}
	cites := e.cites
	if len(cites) > maxCitesPerEntry {
		cites = cites[:maxCitesPerEntry]
	}
	markers := src.markers(cites)
	if e.label != "" {
		b.WriteString(Truncate(e.label, maxLabel))
		if e.text == "" && markers != "" {
			b.WriteString(" " + markers)
		}
		b.WriteByte('\n')
	}
	if e.text != "" {
		limit := e.limit
		if limit <= 0 {
			limit = maxQuote
		}
		b.WriteString(quoted(e.text, limit))
		if markers != "" {
			b.WriteString(" " + markers)
		}
		b.WriteByte('\n')
	}
	if more := len(e.cites) - len(cites); more > 0 {
		fmt.Fprintf(&b, "*and %d more sources*\n", more)
	}
	b.WriteByte('\n')
	return b.String()
}
