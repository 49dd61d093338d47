package answer

import (
	"math"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// docContext is what each document states about itself (its title, author
// or speaker, publisher, year, and the words of its file name) as index
// terms, each with the documents that state it. A speech names its speaker
// only there ("1962_john_kennedy_d.txt"), an article its publisher: a
// question that asks "which president" or "according to the Guardian"
// meets the document through its context, while the answer still quotes
// only the document's own sentence.
type docContext struct {
	docs map[uint32][]uint32 // term -> sorted indexes of the documents stating it
}

// contextQuality is how much a concept met only in a passage's document
// context counts, against one its own words hold.
const contextQuality = 0.8

// contextText is the text a document states about itself, with the
// initials its author or file name gives ("fdr" for Franklin D. Roosevelt,
// "jfk"), by which people name a speaker.
func contextText(d *corpus.Document) string {
	parts := []string{d.Title, d.Author, d.Source, fileWords(d.File)}
	switch {
	case len(d.Date) >= 4:
		parts = append(parts, d.Date[:4])
	case !slices.ContainsFunc(strings.Fields(parts[3]), isYearToken):
		parts = append(parts, yearOfReport(d))
	}
	parts = append(parts, initials(d.Author), initials(fileWords(d.File)), joinedPrefixes(d.Author), joinedPrefixes(fileWords(d.File)))
	return strings.Join(parts, " ")
}

// maxPrefix is the longest word of a name taken for a prefix written apart.
const maxPrefix = 3

// joinedPrefixes returns a name's short words joined to the word after
// them, as the name is also written: "william mc kinley" gives
// "mckinley", "martin van buren" "vanburen".
func joinedPrefixes(name string) string {
	ws := strings.Fields(name)
	var out []string
	for i := 0; i+1 < len(ws); i++ {
		if len(ws[i]) <= maxPrefix && !strings.ContainsFunc(ws[i]+ws[i+1], notLetter) {
			out = append(out, ws[i]+ws[i+1])
		}
	}
	return strings.Join(out, " ")
}

// minYearParagraphs is how many paragraphs must state a year before it is
// the year a document reports on.
const minYearParagraphs = 3

// yearOfReport returns the year an undated document is about ("the big
// story in 1960's industrial development", "during 1960 ..."), or "": the
// year more of its paragraphs state than any other, in at least
// minYearParagraphs. A question "in 1960" then meets its sentences that
// say "during the past year".
func yearOfReport(d *corpus.Document) string {
	counts := map[string]int{}
	for _, p := range d.Paragraphs {
		seen := ""
		for _, y := range yearsIn(d.Text[p.Start:p.End]) {
			if !strings.Contains(seen, y) {
				counts[y]++
				seen += y
			}
		}
	}
	best, tie := "", false
	for y, n := range counts {
		switch {
		case best == "" || n > counts[best]:
			best, tie = y, false
		case n == counts[best]:
			tie = true
		}
	}
	if best == "" || tie || counts[best] < minYearParagraphs {
		return ""
	}
	return best
}

// yearsIn returns the years a text states: runs of four digits standing
// alone, read in place (it reads every undated document).
func yearsIn(text string) []string {
	var out []string
	for i := 0; i+4 <= len(text); i++ {
		if !isDigit(text[i]) || i > 0 && isAlnumByte(text[i-1]) {
			continue
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		if j-i == 4 && (j == len(text) || !isAlnumByte(text[j])) && isYearToken(text[i:j]) {
			out = append(out, text[i:j])
		}
		i = j
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isAlnumByte(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// minInitials is the shortest run of initials kept: two letters ("al" of
// Abraham Lincoln) are words of their own too often.
const minInitials = 3

// initials returns the initials of every run of three or four words of a
// name: "franklin d roosevelt" gives "fdr"; numbers break a run.
func initials(name string) string {
	var runs [][]string
	var run []string
	for _, t := range words.Tokenize(name) {
		w := strings.Trim(t.Text, ".")
		if w == "" || strings.ContainsFunc(w, unicode.IsDigit) {
			runs, run = append(runs, run), nil
			continue
		}
		run = append(run, w)
	}
	runs = append(runs, run)
	var out []string
	for _, r := range runs {
		for n := minInitials; n <= 4; n++ {
			for i := 0; i+n <= len(r); i++ {
				var b strings.Builder
				for _, w := range r[i : i+n] {
					c, _ := utf8.DecodeRuneInString(w)
					b.WriteRune(unicode.ToLower(c))
				}
				out = append(out, b.String())
			}
		}
	}
	return strings.Join(out, " ")
}

// fileWords turns a file name into words: "1790_george_washington_n.txt"
// gives "1790 george washington n".
func fileWords(file string) string {
	base := filepath.Base(file)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return strings.Map(func(r rune) rune {
		if r == '_' || r == '-' || r == '.' {
			return ' '
		}
		return r
	}, base)
}

// addContextTerms works out each document's context once (an undated
// report is read whole for its year) and gives every context word a term,
// so that a question naming what only a file name or a byline says is not
// refused as naming something unknown.
func (b *indexBuilder) addContextTerms() {
	b.ix.contexts = make([]string, len(b.ix.docs))
	for di, d := range b.ix.docs {
		b.ix.contexts[di] = contextText(d)
		for _, tok := range words.Tokenize(b.ix.contexts[di]) {
			b.tokenTerms(tok.Text)
		}
	}
}

func newDocContext(ix *index) *docContext {
	c := &docContext{docs: map[uint32][]uint32{}}
	for di, text := range ix.contexts {
		for _, tok := range words.Tokenize(text) {
			wordsOf(tok.Text, func(w string) {
				t, ok := ix.lookup(w)
				if !ok {
					return
				}
				if l := c.docs[t]; len(l) == 0 || l[len(l)-1] != uint32(di) {
					c.docs[t] = append(l, uint32(di))
				}
			})
		}
	}
	return c
}

// of returns the documents whose context holds a concept: for an actor,
// every word the question named it by; for a word, one of its own forms.
func (c *docContext) of(con *concept) []uint32 {
	if con.actor {
		var out []uint32
		for i, t := range con.nameTerms {
			if i == 0 {
				out = slices.Clone(c.docs[t])
				continue
			}
			other := c.docs[t]
			out = slices.DeleteFunc(out, func(d uint32) bool { _, ok := slices.BinarySearch(other, d); return !ok })
		}
		return out
	}
	var out []uint32
	for _, a := range con.alts {
		if a.quality == 1 {
			out = append(out, c.docs[a.term]...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// stating adds to docs, sorted, the documents whose context states one of
// terms.
func (c *docContext) stating(docs []uint32, terms []uint32) []uint32 {
	for _, t := range terms {
		docs = append(docs, c.docs[t]...)
	}
	slices.Sort(docs)
	return slices.Compact(docs)
}

// holds reports whether document di's context holds concept i.
func (q *query) contextHolds(i int, di uint32) bool {
	_, ok := slices.BinarySearch(q.concepts[i].contextDocs, di)
	return ok
}

// mentionQuality is how much a name counts for a sentence of a document
// that names it elsewhere: the sentence may speak of it ("he", "the
// ship"), or of something else the document also covers. An ordinary word
// counts for less (wordMentionQuality): a question may describe the
// document as well as the sentence ("the adage quoted in the article on
// managerial careers for engineers"), and a document using its words is
// more likely the one meant. Both chosen on the fit halves (README,
// "Answers in users' words").
const (
	mentionQuality     = 0.3
	wordMentionQuality = 0.15
)

// mentionDocs returns the documents whose sentences name concept c by one
// of its own forms, or none when it is named in most documents. The
// reading stops as soon as one form passes that many.
func (e *Engine) mentionDocs(c *concept) []uint32 {
	most := len(e.ix.docs) / 2
	if len(e.ix.docs) < minTopicalDocs {
		most = len(e.ix.docs)
	}
	var out []uint32
	for _, a := range c.alts {
		if a.quality < strongQuality {
			continue
		}
		last, n := uint32(math.MaxUint32), 0
		for _, s := range e.ix.postings(a.term) {
			if d := e.ix.sents[s].doc; d != last {
				if n++; n > most {
					return nil
				}
				out, last = append(out, d), d
			}
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) > most {
		return nil
	}
	return out
}

// matchMentions credits the concepts the passage's document names
// elsewhere and its words do not.
func (e *Engine) matchMentions(q *query, p *passage) {
	for i := range q.concepts {
		c := &q.concepts[i]
		switch {
		case p.matched[i] < mentionQuality && inSorted(c.mentionDocs, p.docIndex):
			p.matched[i] = mentionQuality
		case p.matched[i] < wordMentionQuality && c.wordMentions && e.docHolds(c, p.docIndex):
			p.matched[i] = wordMentionQuality
		}
	}
}

// inSorted reports whether the sorted s holds v.
func inSorted(s []uint32, v uint32) bool {
	_, ok := slices.BinarySearch(s, v)
	return ok
}

// distinctiveWord reports whether every form of an ordinary word c is used
// by at most half of the documents: a word most of them use tells none
// apart.
func (e *Engine) distinctiveWord(c *concept) bool {
	half := len(e.ix.docs) / 2
	for _, a := range c.alts {
		if a.quality < strongQuality || e.ix.df(a.term) <= half {
			continue // in no more sentences than half the documents
		}
		if e.widespread.get(a.term, func() bool { return e.ix.inMostDocuments(a.term) }) {
			return false
		}
	}
	return true
}

// docHolds reports whether document di holds concept c by one of its own
// forms.
func (e *Engine) docHolds(c *concept, di uint32) bool {
	return slices.ContainsFunc(c.alts, func(a alt) bool {
		return a.quality >= strongQuality && e.ix.docHolds(e.ix.postings(a.term), di)
	})
}
