package answer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefbot/knowledge/words"
)

// A question may quote the words it remembers ("Which president told
// Congress there's "no quit in America"?"): a passage holding them as
// written is the one asked about, whatever else it lacks.

// quoteBonus lifts a passage holding every phrase the question quotes
// above those that do not: more than any coverage and bonus can add.
const quoteBonus = 1.0

// maxQuotePostings bounds the sentences read to find a quoted phrase by
// its rarest word: a phrase of common words only is left to the search.
const maxQuotePostings = 100000

// quotedPhrases returns, normalised, the phrases of two words or more a
// question sets in quotation marks. One word in quotes ("un-American") is
// a scare quote, not a phrase remembered.
func quotedPhrases(question string) []string {
	var out []string
	for _, phrase := range quotations(question) {
		if len(words.FirstTokens(phrase, 2)) == 2 {
			out = append(out, words.Normalize(phrase))
		}
	}
	return out
}

// quotations returns what text sets in quotation marks: double, straight
// or curly, or single ones opening and closing words (an apostrophe inside
// a word, "it's", is none).
func quotations(text string) []string {
	var out []string
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		closers, ok := openQuote(text, i, r)
		if !ok {
			i += n
			continue
		}
		from := i + n
		end := closeQuote(text, from, closers)
		if end < 0 {
			return out
		}
		out = append(out, text[from:end])
		_, m := utf8.DecodeRuneInString(text[end:])
		i = end + m
	}
	return out
}

// openQuote reports whether r, at byte i of s, opens a quotation, and
// which characters may close it.
func openQuote(s string, i int, r rune) (closers string, ok bool) {
	switch r {
	case '"', '“':
		return "\"”", true
	case '‘':
		return "’'", true
	case '\'':
		if !wordRuneBefore(s, i) && wordRuneAt(s, i+1) {
			return "'’", true
		}
	}
	return "", false
}

// closeQuote returns the byte index of the first of closers from byte i
// of s on, or -1; a single quote closes only where a word ends.
func closeQuote(s string, i int, closers string) int {
	for j := i; j < len(s); {
		r, n := utf8.DecodeRuneInString(s[j:])
		if strings.ContainsRune(closers, r) && (r == '"' || r == '”' || !wordRuneAt(s, j+n)) {
			return j
		}
		j += n
	}
	return -1
}

func wordRuneBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func wordRuneAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// unlessTitles drops the quoted phrases that are a document's title: they
// say which document ("Which author of 'The Taliban's Plan to Rebuild and
// Legitimize al-Qaeda' ..."), as a byline would; they are no line to find.
func (e *Engine) unlessTitles(quotes []string) []string {
	return slices.DeleteFunc(quotes, e.isTitle)
}

// isTitle reports whether a normalised phrase is, in its words' order,
// the title of one of the documents whose context holds all its words:
// most of its words in the title, and most of the title ("probably come
// back" quotes a line the Guardian's title repeats; it is no title).
func (e *Engine) isTitle(phrase string) bool {
	quoted := strings.Fields(phrase)
	var docs []uint32
	started := false
	for _, w := range quoted {
		t, ok := e.ix.lookup(w)
		if !ok {
			continue
		}
		held := e.context.docs[t]
		if !started {
			docs, started = held, true
			continue
		}
		var both []uint32
		intersect(docs, held, func(i, _ int) { both = append(both, docs[i]) })
		docs = both
	}
	for _, d := range docs {
		title := strings.Fields(words.Normalize(e.ix.docs[d].Title))
		held := float64(inOrderNearby(quoted, title, len(title)))
		if len(title) > 0 && held >= minQuoteShare*float64(len(quoted)) && held >= minQuoteShare*float64(len(title)) {
			return true
		}
	}
	return false
}

// quotedSentences returns the sentences holding the first quoted phrase
// as written: those holding all its words, read from the rarest word's
// postings, then checked against their text.
func (e *Engine) quotedSentences(q *query) []uint32 {
	if len(q.quotes) == 0 {
		return nil
	}
	var lists [][]uint32
	for _, w := range strings.Fields(q.quotes[0]) {
		if t, ok := e.ix.lookup(w); ok {
			lists = append(lists, e.ix.postings(t))
		}
	}
	if len(lists) == 0 {
		return nil
	}
	slices.SortFunc(lists, func(a, b []uint32) int { return len(a) - len(b) })
	if len(lists[0]) > maxQuotePostings {
		return nil
	}
	held := slices.Clone(lists[0])
	for _, post := range lists[1:] {
		var both []uint32
		intersect(held, post, func(i, _ int) { both = append(both, held[i]) })
		held = both
	}
	return slices.DeleteFunc(held, func(s uint32) bool {
		return !strings.Contains(words.Normalize(e.ix.text(int(s))), q.quotes[0])
	})
}

// A quotation is often remembered with a word or two changed ("they will
// back terrorists" for "they're going to support terrorists"): a passage
// holding most of a long enough quoted phrase's words, in order and close
// together, quotes it too.
const (
	minPartialQuoteWords = 5   // a shorter phrase must be held as written
	minQuoteShare        = 0.7 // of its words, in order
	quoteSlack           = 1.5 // the window they must lie in, as a multiple of the phrase's length
)

// quoteShare returns how much of the phrases the question quotes the
// passage holds: 1 for every one as written, else the least share of
// words of one held in order within a window, 0 for none.
func (e *Engine) quoteShare(q *query, p *passage) float64 {
	if len(q.quotes) == 0 {
		return 0
	}
	text := words.Normalize(e.text(p))
	var tokens []string
	share := 1.0
	for _, phrase := range q.quotes {
		if strings.Contains(text, phrase) {
			continue
		}
		quoted := strings.Fields(phrase)
		if len(quoted) < minPartialQuoteWords {
			return 0
		}
		if tokens == nil {
			tokens = strings.Fields(text)
		}
		share = min(share, float64(inOrderNearby(quoted, tokens, int(quoteSlack*float64(len(quoted)))))/float64(len(quoted)))
	}
	return share
}

// inOrderNearby returns the most words of quoted that tokens hold in
// order within some window of width tokens: the longest common
// subsequence over windows opening on a quoted word.
func inOrderNearby(quoted, tokens []string, width int) int {
	best := 0
	row := make([]int, len(quoted)+1)
	for start := range tokens {
		if !slices.Contains(quoted, tokens[start]) {
			continue
		}
		clear(row)
		for _, t := range tokens[start:min(len(tokens), start+width)] {
			diag := 0 // row[j-1] of the previous token
			for j, w := range quoted {
				up := row[j+1]
				if t == w {
					row[j+1] = diag + 1
				} else {
					row[j+1] = max(row[j+1], row[j])
				}
				diag = up
			}
		}
		best = max(best, row[len(quoted)])
	}
	return best
}
