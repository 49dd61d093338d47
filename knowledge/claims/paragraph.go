package claims

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// paragraph is one paragraph of a document seen as words with absolute byte
// offsets into doc.Text, so that every span found is verbatim.
type paragraph struct {
	doc        *corpus.Document
	n          int // corpus.Paragraph.N
	start, end int // byte span in doc.Text
	toks       []words.Token
	lower      []string
	class      []wordClass // per token, the lists its lower-case form is in
	quoted     []bool      // per token, whether a quotation holds it
	quotes     []quoteSpan
}

// read makes para paragraph p of doc. It reuses the token buffers of the
// paragraph read before: paragraphs are read one at a time, and nothing
// keeps a paragraph's tokens once the next is read.
func (para *paragraph) read(doc *corpus.Document, p corpus.Paragraph) {
	toks := words.AppendTokens(para.toks[:0], doc.Text[p.Start:p.End])
	lower, class, quoted := para.lower[:0], para.class[:0], para.quoted[:0]
	for i := range toks {
		toks[i].Start += int(p.Start)
		toks[i].End += int(p.Start)
		w := strings.ToLower(toks[i].Text)
		lower = append(lower, w)
		class = append(class, wordClasses[w])
		quoted = append(quoted, false)
	}
	*para = paragraph{doc: doc, n: int(p.N), start: int(p.Start), end: int(p.End), toks: toks, lower: lower, class: class, quoted: quoted}
	para.quotes = findQuotes(doc.Text, int(p.Start), int(p.End))
	for i := range para.quotes {
		q := &para.quotes[i]
		q.firstTok, q.endTok = para.tokensIn(q.textStart, q.textEnd)
		for k := q.firstTok; k < q.endTok; k++ {
			quoted[k] = true
		}
	}
}

// tokensIn returns the token range [first, end) lying inside [start, end).
func (p *paragraph) tokensIn(start, end int) (int, int) {
	first := sort.Search(len(p.toks), func(i int) bool { return p.toks[i].Start >= start })
	last := sort.Search(len(p.toks), func(i int) bool { return p.toks[i].End > end })
	return first, max(first, last)
}

// gap is the text between token i-1 and token i (from the paragraph start
// for i == 0, to its end for i == len(toks)).
func (p *paragraph) gap(i int) string {
	from, to := p.start, p.end
	if i > 0 {
		from = p.toks[i-1].End
	}
	if i < len(p.toks) {
		to = p.toks[i].Start
	}
	return p.doc.Text[from:to]
}

// plainGap reports whether only spaces separate token i-1 from token i.
func (p *paragraph) plainGap(i int) bool {
	return strings.TrimSpace(p.gap(i)) == ""
}

// nameGap reports whether tokens i-1 and i may stand in one name: a space,
// or the full stop of an initial ("Howard R. Leary").
func (p *paragraph) nameGap(i int) bool {
	if p.plainGap(i) {
		return true
	}
	prev := p.toks[i-1].Text
	return strings.TrimSpace(p.gap(i)) == "." && len(prev) == 1 && prev[0] >= 'A' && prev[0] <= 'Z'
}

// commaGap reports whether token i-1 and token i are separated by a single
// comma (an appositive or an inserted clause).
func (p *paragraph) commaGap(i int) bool {
	return strings.TrimSpace(p.gap(i)) == ","
}

// sentenceAt returns the index in doc.Sentences of the sentence holding byte
// offset off (the last one starting at or before it).
func (p *paragraph) sentenceAt(off int) int {
	s := p.doc.Sentences
	i := sort.Search(len(s), func(i int) bool { return int(s[i].Start) > off })
	return max(0, i-1)
}

// sentenceTokens returns the token range of sentence si.
func (p *paragraph) sentenceTokens(si int) (int, int) {
	s := p.doc.Sentences[si]
	return p.tokensIn(int(s.Start), int(s.End))
}

// inQuote reports whether token i lies inside a quotation.
// It is asked at every token, and a plain-text document may be one
// paragraph with hundreds of quotations: the answer is marked per token
// when the paragraph is read.
func (p *paragraph) inQuote(i int) bool { return i >= 0 && i < len(p.quoted) && p.quoted[i] }

// capitalised reports whether token i starts with an upper-case letter
// (after any "al-" style lower-case prefix, as in "al-Qaeda").
func (p *paragraph) capitalised(i int) bool {
	return capitalisedAfterPrefix(p.toks[i].Text)
}

// capitalisedAfterPrefix reports whether a word is capitalised once a
// short lower-case prefix joined by a hyphen is set aside ("al-Qaeda").
func capitalisedAfterPrefix(w string) bool {
	if j := strings.IndexByte(w, '-'); j > 0 && j < len(w)-1 && j <= 3 {
		w = w[j+1:]
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// cite returns the citation of the whole sentences covering [start, end).
func (p *paragraph) cite(start, end int) corpus.Citation {
	first := p.sentenceAt(start)
	last := p.sentenceAt(max(start, end-1))
	return p.doc.CiteSentences(first, last)
}
