package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoteSpan is one quotation inside a paragraph, by byte offsets into
// doc.Text: the marks at open and just before close, the words between.
type quoteSpan struct {
	open, close        int // from the opening mark to just after the closing one
	textStart, textEnd int // the quoted words, without the marks
	closed             bool
	firstTok, endTok   int // token range of the quoted words in the paragraph
}

// findQuotes finds the double-quoted spans of text[start:end]. Curly and
// straight marks are both read; single marks are not, since ’ is also the
// apostrophe. A quote left open runs to the paragraph end (news style for a
// quote continued in the next paragraph); a new opening mark inside an open
// quote ends the first one there, so nested or broken marks stay bounded.
func findQuotes(text string, start, end int) []quoteSpan {
	var out []quoteSpan
	openAt := -1
	emit := func(closeMark, closeEnd int, closed bool) {
		q := quoteSpan{open: openAt, close: closeEnd, closed: closed}
		_, size := utf8.DecodeRuneInString(text[openAt:])
		q.textStart, q.textEnd = openAt+size, closeMark
		if hasLetter(text[q.textStart:q.textEnd]) {
			out = append(out, q)
		}
		openAt = -1
	}
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '“':
			if openAt >= 0 {
				emit(i, i, false)
			}
			openAt = i
		case r == '”' && openAt >= 0:
			emit(i, i+size, true)
		case r == '"' && openAt >= 0:
			emit(i, i+size, true)
		case r == '"' && opensStraight(text, start, i, end):
			openAt = i
		}
		i += size
	}
	if openAt >= 0 {
		emit(end, end, false)
	}
	return out
}

// opensStraight tells an opening straight quote (after a space or at the
// start, before a word) from a stray one such as an inch mark.
func opensStraight(text string, start, i, end int) bool {
	if i > start {
		r, _ := utf8.DecodeLastRuneInString(text[start:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if i+1 >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i+1:])
	return !unicode.IsSpace(r)
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// quotedText returns the quoted words trimmed of space and of the comma or
// colon that belongs to the sentence around them.
func quotedText(text string, q quoteSpan) (int, int) {
	s, e := q.textStart, q.textEnd
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && !strings.ContainsRune(",;:", r) {
			break
		}
		e -= size
	}
	return s, e
}
