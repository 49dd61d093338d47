package render

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"briefbot/knowledge/corpus"
)

// Sizes that keep one source line short enough for several to share a field.
const (
	maxSourceText = 160
	MaxLinkURL    = 200
)

// sources numbers the citations of one rendered page: a paragraph (or a
// long paragraph's sentence) of a document cited twice keeps its first
// number.
type sources struct {
	keys  map[string]int
	lines []string
}

// add returns the number of c, giving it the next one if it is new.
func (s *sources) add(c corpus.Citation) int {
	key := c.Doc + "\x00" + strconv.Itoa(c.Paragraph) + "\x00" + strconv.Itoa(c.Sentence)
	if n, ok := s.keys[key]; ok {
		return n
	}
	if s.keys == nil {
		s.keys = map[string]int{}
	}
	s.lines = append(s.lines, sourceLine(len(s.lines)+1, c))
	s.keys[key] = len(s.lines)
	return len(s.lines)
}

// markers adds cs and returns their numbered markers, e.g. "[1][3]".
func (s *sources) markers(cs []corpus.Citation) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "[%d]", s.add(c))
	}
	return b.String()
}

// clone copies s, so that a trial layout can be dropped.
func (s *sources) clone() *sources {
	return &sources{keys: maps.Clone(s.keys), lines: slices.Clone(s.lines)}
}

// size is the text the source lines will take.
func (s *sources) size() int {
	n := 0
	for _, l := range s.lines {
		n += TextLen(l) + 1
	}
	return n
}

// fields lays the source lines out in as many "Sources" fields as they need.
func (s *sources) fields() []*discordgo.MessageEmbedField {
	return packLines("Sources", s.lines)
}

// packLines puts lines into fields of at most maxFieldValue characters, the
// first named name and the rest continuing it.
func packLines(name string, lines []string) []*discordgo.MessageEmbedField {
	var fields []*discordgo.MessageEmbedField
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			fields = append(fields, &discordgo.MessageEmbedField{Name: name, Value: b.String()})
			name = name + " (continued)"
			b.Reset()
		}
	}
	for _, l := range lines {
		l = Truncate(l, maxFieldValue)
		if b.Len() > 0 && TextLen(b.String())+1+TextLen(l) > maxFieldValue {
			flush()
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	flush()
	return fields
}

// sourceLine is "[n] Title — Source, 2021-08-20, ¶4 · [link](url)", with only
// what the document states.
func sourceLine(n int, c corpus.Citation) string {
	line := fmt.Sprintf("[%d] %s", n, EscapeCut(c.String(), maxSourceText))
	if link := SafeURL(c.URL); link != "" {
		line += " · [link](" + link + ")"
	}
	return line
}

// SafeURL returns raw as a link target when it is a plain http(s) URL short
// enough to show, or "" so that no link is shown at all.
func SafeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if len(raw) > MaxLinkURL {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return ""
	}
	// Parentheses and spaces would end the markdown link early; an "@" in a
	// path could read as a mention.
	s := strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "@", "%40").Replace(u.String())
	if len(s) > MaxLinkURL {
		return ""
	}
	return s
}
