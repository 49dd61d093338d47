package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a full stop that does not end a sentence. They are
// compared without the stop and case-insensitively.
var abbreviations = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "gen": true, "lt": true,
	"col": true, "maj": true, "capt": true, "sgt": true, "adm": true, "cmdr": true,
	"st": true, "sen": true, "rep": true, "gov": true, "pres": true, "rev": true, "hon": true,
	"jr": true, "sr": true, "no": true, "nos": true, "vs": true, "etc": true, "approx": true,
	"fig": true, "vol": true, "pp": true, "p": true, "cf": true, "al": true, "inc": true,
	"ltd": true, "co": true, "corp": true, "dept": true, "univ": true, "est": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "mt": true, "ft": true,
}

// sentenceStarters are capitalised words that, after a dotted acronym such as
// "U.S.", show that the acronym also ended the sentence.
var sentenceStarters = map[string]bool{
	"The": true, "This": true, "That": true, "These": true, "Those": true, "It": true,
	"In": true, "But": true, "And": true, "He": true, "She": true, "They": true, "We": true,
	"A": true, "An": true, "As": true, "However": true, "Its": true, "Their": true, "There": true,
}

// SplitSentences returns the byte spans [start, end) of the sentences of one
// paragraph, trimmed of surrounding space. A stop ends a sentence only when
// the next word starts like a sentence (a capital, a digit or an opening
// quote), so `"Is it true?" he asked.` stays whole, and known abbreviations,
// initials and dotted acronyms do not end one. No sentence is longer than
// maxSentenceBytes.
func SplitSentences(p string) [][2]int {
	var spans [][2]int
	start := skipSpace(p, 0)
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		if r != '.' && r != '?' && r != '!' && r != '…' {
			i += size
			continue
		}
		end := i + size
		// Take the rest of a run of terminators and closing marks: ?!", .)”
		for end < len(p) {
			r2, s2 := utf8.DecodeRuneInString(p[end:])
			if !strings.ContainsRune(".?!…\"'”’)]", r2) {
				break
			}
			end += s2
		}
		next := skipSpace(p, end)
		if next == end || next >= len(p) {
			// No space after it (a decimal, a URL) or the paragraph ends.
			i = end
			continue
		}
		if endsSentence(p, start, i, r, next) {
			spans = appendBounded(spans, p, start, trimRight(p, start, end))
			start = next
		}
		i = end
	}
	if start < len(p) {
		if e := trimRight(p, start, len(p)); e > start {
			spans = appendBounded(spans, p, start, e)
		}
	}
	return spans
}

// maxSentenceBytes bounds a sentence. Prose stays well under it (the
// longest of 233 State of the Union addresses is 3.8 KB); text with no
// full stop (a list of names, a table run into one line) would otherwise
// be one sentence of any size, quoted whole and read whole by every
// question it matches.
const maxSentenceBytes = 4096

// appendBounded appends the sentence p[start:end], cut at the last space
// before each maxSentenceBytes (or, in a run with no space, at the last
// whole character) when it is longer.
func appendBounded(spans [][2]int, p string, start, end int) [][2]int {
	for end-start > maxSentenceBytes {
		cut := start + maxSentenceBytes
		for cut > start && !utf8.RuneStart(p[cut]) {
			cut--
		}
		if sp := strings.LastIndexFunc(p[start:cut], unicode.IsSpace); sp > 0 {
			cut = start + sp
		}
		spans = append(spans, [2]int{start, trimRight(p, start, cut)})
		start = skipSpace(p, cut)
	}
	if end > start {
		spans = append(spans, [2]int{start, end})
	}
	return spans
}

// endsSentence decides whether the terminator r at p[stop] ends the sentence
// that began at start, given that the next word begins at p[next].
func endsSentence(p string, start, stop int, r rune, next int) bool {
	nr, _ := utf8.DecodeRuneInString(p[next:])
	if !(unicode.IsUpper(nr) || unicode.IsDigit(nr) || strings.ContainsRune("\"'“‘([", nr)) {
		return false
	}
	if r != '.' {
		return true
	}
	word := lastWord(p[start:stop])
	if word == "" {
		return true
	}
	// Initials such as "James M. Dorsey".
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return false
	}
	if abbreviations[strings.ToLower(word)] {
		return false
	}
	// Dotted acronyms ("U.S.", "e.g."): a sentence ends there only when the
	// next word is a typical sentence opener.
	if strings.Contains(word, ".") {
		return sentenceStarters[firstWord(p[next:])]
	}
	return true
}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("(\"“‘'", r) })
	return s[i+1:]
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		return s[:i]
	}
	return s
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

func trimRight(s string, start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return end
}
