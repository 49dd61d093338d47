// Package render shows knowledge results in Discord: text escaped and cut to
// Discord's limits, paged list views with numbered sources, the cards of each
// command, and the plain text the console prints. It knows no transport.
package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markdownSpecial are the characters Discord's markdown gives a meaning to
// anywhere in a line: emphasis, spoilers, code, masked links, mentions and
// custom emoji, autolinks (the colon of "https:").
const markdownSpecial = "\\*_~`|<>[]():"

// MaxName bounds a name or short phrase shown inside a line.
const MaxName = 80

// zeroWidthSpace keeps "@everyone" and "@here" from being read as mentions.
const zeroWidthSpace = "\u200b"

// escapeMarkdown makes document text safe to show inside Discord markdown:
// whitespace runs become one space (a quote stays on its line), control and
// bidi-override characters are dropped, markdown characters are
// backslash-escaped (Discord shows "\x" as "x" for any punctuation x), and
// mentions are defused.
func escapeMarkdown(s string) string {
	s = Clean(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	if startsBlock(s) {
		b.WriteByte('\\')
	}
	for _, r := range s {
		switch {
		case r < 0x80 && strings.ContainsRune(markdownSpecial, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return DefuseMentions(b.String())
}

// DefuseMentions puts a zero-width space after every "@", so that no
// "@everyone", "@here" or "<@id>" is read as a mention, even where Discord
// shows text without markdown.
func DefuseMentions(s string) string {
	return strings.ReplaceAll(s, "@", "@"+zeroWidthSpace)
}

// EscapeCut escapes s and cuts it to limit. Only the start of a long s is
// escaped: the rest would be cut anyway.
func EscapeCut(s string, limit int) string {
	if most := 4*limit + 16; len(s) > most {
		for most > 0 && !utf8.RuneStart(s[most]) {
			most--
		}
		return Truncate(escapeMarkdown(s[:most])+" "+ellipsis, limit)
	}
	return Truncate(escapeMarkdown(s), limit)
}

// startsBlock reports whether s would open a heading, list or block quote
// when it begins a line.
func startsBlock(s string) bool {
	return strings.HasPrefix(s, "#") || strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") || strings.HasPrefix(s, ">")
}

// Clean drops control and bidi-override characters and collapses every
// run of white space into one space.
func Clean(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = b.Len() > 0
		case unicode.Is(unicode.Cf, r) || r == unicode.ReplacementChar:
			// format characters (bidi overrides, zero-width joiners) can
			// disguise text; the replacement char marks broken input.
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TextLen counts s the way the strictest of Discord's counters would: in
// UTF-16 code units, so an emoji counts two.
func TextLen(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// ellipsis marks text that was cut.
const ellipsis = "…"

// Truncate shortens s to at most limit (as TextLen counts), cutting at a word
// boundary when one is near and marking the cut with an ellipsis. It never
// leaves a dangling escape backslash.
func Truncate(s string, limit int) string {
	if TextLen(s) <= limit {
		return s
	}
	if limit <= 0 {
		return ""
	}
	cut, n := 0, 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > limit-1 {
			break
		}
		n += w
		cut = i + len(string(r))
	}
	head := s[:cut]
	if sp := strings.LastIndexAny(head, " \n"); sp > len(head)/2 {
		head = head[:sp]
	}
	head = strings.TrimRight(head, " \n")
	if trailingBackslashes(head)%2 == 1 {
		head = head[:len(head)-1]
	}
	return head + ellipsis
}

func trailingBackslashes(s string) int {
	n := 0
	for n < len(s) && s[len(s)-1-n] == '\\' {
		n++
	}
	return n
}

// quoted shows verbatim document text as a Discord block quote, escaped and
// cut to limit.
func quoted(text string, limit int) string {
	return "> " + EscapeCut(text, limit-2)
}
