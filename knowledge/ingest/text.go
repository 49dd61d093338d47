package ingest

import (
	"strings"
	"unicode"

	"briefbot/knowledge/corpus"
)

// article is a document's cleaned content before segmentation.
type article struct {
	Meta       corpus.Meta
	Paragraphs []string
	Captions   []string
}

// line is one line of raw text with the layout facts cleaning relies on.
type line struct {
	text        string // trimmed
	indent      int    // leading spaces and tabs
	blankBefore bool   // a blank line separates it from the previous line
}

// cleanText turns raw plain text (a .txt file, a Markdown body, a JSON text
// field) into an article: site furniture, comment sections and related-link
// lists dropped, captions set apart, sentences broken across lines re-joined,
// and the metadata the text itself states read from its header and trailer.
// The characters of the article are kept as written.
func cleanText(raw string) article {
	raw = strings.TrimPrefix(strings.ReplaceAll(raw, "\r\n", "\n"), "\ufeff")
	lines := unwrap(splitLines(raw))
	var a article

	cut := tailStart(lines)
	readTrailer(lines[cut:], &a.Meta)
	body := lines[:cut]
	if i := len(body) - 1; i >= 0 && looksLikePublisher(body[i].text) {
		a.Meta.Source = firstNonEmpty(a.Meta.Source, body[i].text)
		body = body[:i]
	}

	start := firstProse(body)
	header := readHeader(body[:start], &a)
	docScript := dominantScript(raw)
	kept := header
	for _, l := range body[start:] {
		switch {
		case isChrome(l.text), foreignLine(l.text, docScript):
			continue
		case isCaption(l.text):
			// A short label right above a caption ("Ben Wallace") belongs to it.
			if n := len(kept); n > 0 && isLabel(kept[n-1].text) {
				a.Captions = append(a.Captions, kept[n-1].text)
				kept = kept[:n-1]
			}
			a.Captions = append(a.Captions, l.text)
			continue
		}
		l.text = stripMarkup(l.text)
		kept = append(kept, l)
	}
	a.Paragraphs = joinBroken(kept)
	if a.Meta.Author == "" {
		a.Meta.Author = authorFromBios(a.Paragraphs)
	}
	return a
}

func splitLines(raw string) []line {
	var out []line
	blank := false
	for _, s := range strings.Split(raw, "\n") {
		t := strings.TrimSpace(s)
		if t == "" {
			blank = true
			continue
		}
		indent := len(s) - len(strings.TrimLeft(s, " \t"))
		out = append(out, line{text: t, indent: indent, blankBefore: blank})
		blank = false
	}
	return out
}

// tailStart returns the index of the first line of what follows the article
// (comments, related headlines), or len(lines). The first fifth of a text is
// never cut, so a stray marker near the top cannot swallow the article.
func tailStart(lines []line) int {
	for i := len(lines) / 5; i < len(lines); i++ {
		l := lines[i]
		if tailMarkers.MatchString(l.text) || (l.indent >= 2 && commentItem.MatchString(l.text)) {
			return i
		}
	}
	return len(lines)
}

// firstProse returns the index of the first line that reads as article prose:
// a finished sentence of some length. What comes before is the header.
func firstProse(ls []line) int {
	for i, l := range ls {
		if endsSentence(l.text) && fieldsUpTo(l.text, 15) >= 15 && !isCaption(l.text) {
			return i
		}
	}
	return 0
}

// unwrap joins the lines of a hard-wrapped paragraph: adjacent lines where
// the first is long and does not end a sentence.
func unwrap(ls []line) []line {
	var out []line
	for _, run := range runs(ls, func(run []line, next line) bool {
		return !next.blankBefore && !endsSentence(run[len(run)-1].text) &&
			wordsUpTo(run, 8) >= 8 && !isListItem(next.text)
	}) {
		l := run[0]
		l.text = joinText(run)
		out = append(out, l)
	}
	return out
}

// joinBroken re-joins a sentence broken across a blank line: a paragraph
// that does not end a sentence continues in the next when that starts in
// lower case.
func joinBroken(ls []line) []string {
	var out []string
	for _, run := range runs(ls, func(run []line, next line) bool {
		return !endsSentence(run[len(run)-1].text) && startsLower(next.text)
	}) {
		out = append(out, joinText(run))
	}
	return out
}

// runs groups consecutive lines: a line joins the run before it when
// continues says so. The runs are joined once, at the end: adding each line
// to a growing string would copy the paragraph once per line, and a speech
// may be one paragraph of thousands of lines.
func runs(ls []line, continues func(run []line, next line) bool) [][]line {
	var out [][]line
	start := 0
	for i := 1; i <= len(ls); i++ {
		if i == len(ls) || !continues(ls[start:i], ls[i]) {
			out = append(out, ls[start:i])
			start = i
		}
	}
	return out
}

// joinText is the text of a run's lines, one space apart.
func joinText(run []line) string {
	if len(run) == 1 {
		return run[0].text
	}
	var b strings.Builder
	for i, l := range run {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(l.text)
	}
	return b.String()
}

// wordsUpTo counts the words of a run's lines, stopping at limit.
func wordsUpTo(run []line, limit int) int {
	n := 0
	for _, l := range run {
		if n += fieldsUpTo(l.text, limit-n); n >= limit {
			break
		}
	}
	return n
}

func isListItem(s string) bool {
	return strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "• ") ||
		(len(s) > 2 && unicode.IsDigit(rune(s[0])) && strings.Contains(s[:min(4, len(s))], "."))
}

// isLabel reports a short line without sentence punctuation, such as the
// name printed above a picture caption.
func isLabel(s string) bool {
	return fieldsUpTo(s, 7) <= 6 && !endsSentence(s)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// fieldsUpTo counts the words of s as strings.Fields splits them, stopping
// at limit: the checks only ask whether a line is longer than a few words,
// and a line may be a whole speech.
func fieldsUpTo(s string, limit int) int {
	n, inWord := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		if !inWord {
			if n++; n >= limit {
				return n
			}
			inWord = true
		}
	}
	return n
}
