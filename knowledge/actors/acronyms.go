package actors

import (
	"strings"
	"unicode"

	"briefbot/knowledge/words"
)

// acronymDef is an acronym defined in the text, "Full Name (ACR)" or
// "ACR (Full Name)", as the identity keys of its two forms.
type acronymDef struct {
	short, long string
}

// maxParentheses bounds the parentheses read in one sentence.
const maxParentheses = 32

// definitionSpans finds the acronym definitions of sentence s, records them,
// and returns spans for the forms that the name finder did not already
// find (a lowercase long form such as "foreign terrorist fighters").
func (f *finder) definitionSpans(s string, spans []rawSpan) []rawSpan {
	var added []rawSpan
	for open, n := strings.IndexByte(s, '('), 0; open >= 0 && n < maxParentheses; n++ {
		closing := strings.IndexByte(s[open:], ')')
		if closing < 0 {
			break
		}
		closing += open
		inner := strings.TrimSpace(s[open+1 : closing])
		var shortStart, longStart, longEnd int
		var short string
		switch {
		case IsAcronym(inner) && !strings.ContainsAny(inner, " \t"):
			short, shortStart = inner, strings.Index(s[open:], inner)+open
			longEnd = len(strings.TrimRightFunc(s[:open], unicode.IsSpace))
			window := precedingWords(s[:longEnd], 2*len(inner)+1)
			if longStart = schwartzHearst(inner, window); longStart >= 0 {
				longStart += longEnd - len(window)
			}
		case strings.Count(inner, " ") >= 1:
			before := strings.TrimRightFunc(s[:open], unicode.IsSpace)
			ws := strings.Fields(before)
			if len(ws) == 0 || !IsAcronym(strings.Trim(ws[len(ws)-1], ",;:")) {
				longStart = -1
				break
			}
			short = ws[len(ws)-1]
			shortStart = len(before) - len(short)
			innerStart := strings.Index(s[open:], inner) + open
			longStart, longEnd = schwartzHearst(short, inner), innerStart+len(inner)
			if longStart != 0 {
				longStart = -1 // the whole parenthesis must be the long form
			} else {
				longStart = innerStart
			}
		default:
			longStart = -1
		}
		if longStart >= 0 && longEnd > longStart {
			long := spanEndingAt(spans, longStart, longEnd)
			if long != nil && long.start < longStart && long.end == longEnd {
				long.variant = s[longStart:longEnd]
			}
			if long == nil {
				// A name that begins the long form is a shorter spelling of
				// it ("Islamic State" in "Islamic State in Iraq and Syria (ISIS)").
				if head := spanStartingAt(spans, longStart, longEnd); head != nil {
					f.defs = append(f.defs, acronymDef{short: nameKey(short), long: head.key})
				}
				text := s[longStart:longEnd]
				added = append(added, rawSpan{start: longStart, end: longEnd, text: text, name: text, key: identityKey(words.Key(text))})
				long = &added[len(added)-1]
			}
			if spanEndingAt(spans, shortStart, shortStart+len(short)) == nil {
				added = append(added, rawSpan{start: shortStart, end: shortStart + len(short), text: short, name: short, key: nameKey(short), acronym: true})
			}
			f.defs = append(f.defs, acronymDef{short: nameKey(short), long: long.key})
		}
		next := strings.IndexByte(s[closing:], '(')
		if next < 0 {
			break
		}
		open = closing + next
	}
	return added
}

// spanEndingAt returns the span that ends at end and starts at or before start.
func spanEndingAt(spans []rawSpan, start, end int) *rawSpan {
	for k := range spans {
		if spans[k].end == end && spans[k].start <= start || spans[k].start == start && spans[k].end >= end {
			return &spans[k]
		}
	}
	return nil
}

// spanStartingAt returns the span that starts at start and ends before end.
func spanStartingAt(spans []rawSpan, start, end int) *rawSpan {
	for k := range spans {
		if spans[k].start == start && spans[k].end < end {
			return &spans[k]
		}
	}
	return nil
}

// precedingWords returns the tail of s holding at most n words.
func precedingWords(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		j := strings.LastIndexFunc(s[:i], unicode.IsSpace)
		if j < 0 {
			return s
		}
		i = j
		for i > 0 && unicode.IsSpace(rune(s[i-1])) {
			i--
		}
	}
	return strings.TrimLeftFunc(s[i:], unicode.IsSpace)
}

// schwartzHearst returns the byte offset in long where the long form of
// short begins, or -1: every letter and digit of the acronym is matched
// right to left in order, the first one at the start of a word (Schwartz
// and Hearst 2003). A plural acronym's final lowercase s is not matched.
func schwartzHearst(short, long string) int {
	sr := []rune(strings.TrimSuffix(short, "s"))
	lr := []rune(long)
	si, li := len(sr)-1, len(lr)-1
	for si >= 0 {
		c := unicode.ToLower(sr[si])
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			si--
			continue
		}
		for li >= 0 && (unicode.ToLower(lr[li]) != c || si == 0 && li > 0 && (unicode.IsLetter(lr[li-1]) || unicode.IsDigit(lr[li-1]))) {
			li--
		}
		if li < 0 {
			return -1
		}
		li--
		si--
	}
	start := li + 1
	for start > 0 && !unicode.IsSpace(lr[start-1]) {
		start--
	}
	if len(lr)-start <= len(sr) {
		return -1
	}
	return len(string(lr[:start]))
}
