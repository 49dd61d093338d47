package render

import (
	"strings"

	"github.com/bwmarrin/discordgo"

	"briefbot/knowledge/answer"
)

func WriteEmbed(b *strings.Builder, e *discordgo.MessageEmbed) {
	if e.Title != "" {
		title := Plain(e.Title)
		b.WriteString(title + "\n" + strings.Repeat("=", min(TextLen(title), 72)) + "\n")
	}
	if e.URL != "" {
		b.WriteString(e.URL + "\n")
	}
	if e.Description != "" {
		b.WriteString(Plain(e.Description) + "\n")
	}
	for _, f := range e.Fields {
		b.WriteString("\n" + Plain(f.Name) + ":\n")
		for line := range strings.SplitSeq(Plain(f.Value), "\n") {
			b.WriteString("  " + line + "\n")
		}
	}
	if e.Footer != nil && e.Footer.Text != "" {
		b.WriteString("-- " + strings.ReplaceAll(e.Footer.Text, zeroWidthSpace, "") + "\n")
	}
	b.WriteString("\n")
}

// Plain undoes the markdown of a rendered text: escapes become the characters
// they stand for, emphasis and code marks go, a masked link shows its
// address, and the zero-width spaces that defuse mentions are dropped.
func Plain(md string) string {
	var b strings.Builder
	for i := 0; i < len(md); i++ {
		c := md[i]
		switch {
		case c == '\\' && i+1 < len(md) && isASCIIPunct(md[i+1]):
			i++
			b.WriteByte(md[i])
		case c == '*' || c == '_' || c == '`':
		case c == '[':
			if text, url, n := maskedLink(md[i:]); n > 0 {
				b.WriteString(text + " (" + url + ")")
				i += n - 1
			} else {
				b.WriteByte(c)
			}
		case strings.HasPrefix(md[i:], zeroWidthSpace):
			i += len(zeroWidthSpace) - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// maskedLink reads "[text](url)" at the start of s and returns its parts and
// length, or n = 0 when s does not start with one.
func maskedLink(s string) (text, url string, n int) {
	closeText := strings.Index(s, "](")
	if closeText < 0 || strings.ContainsAny(s[1:closeText], "\n[") {
		return "", "", 0
	}
	closeURL := strings.IndexByte(s[closeText:], ')')
	if closeURL < 0 {
		return "", "", 0
	}
	url = s[closeText+2 : closeText+closeURL]
	if strings.ContainsAny(url, " \n") {
		return "", "", 0
	}
	return s[1:closeText], url, closeText + closeURL + 1
}

func isASCIIPunct(c byte) bool {
	return c < 0x80 && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// AnswerText renders r as the console renders /ask, every page of it: for
// `briefbot ask`, whose --limit, not the console's paging, decides how many
// answers there are.
func AnswerText(r answer.Result) string {
	v := Answer(r)
	var b strings.Builder
	for n, pages := 0, 1; n < pages; n++ {
		var e *discordgo.MessageEmbed
		e, pages = v.Page(n)
		WriteEmbed(&b, e)
	}
	return b.String()
}
