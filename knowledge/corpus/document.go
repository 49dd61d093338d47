// Package corpus defines the documents briefbot knows, their paragraphs and
// sentences with stable offsets into the cleaned text, and the Citation that
// every answer carries.
package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Meta is what a document states about itself. A field the document does not
// state stays empty: nothing is guessed.
type Meta struct {
	Title  string `json:"title"`
	Source string `json:"source"`
	Author string `json:"author"`
	Date   string `json:"date"` // YYYY-MM-DD
	URL    string `json:"url"`
	// Distinct is what tells the document apart from others of the same
	// title (its author, date or file name), set by DistinguishTitles;
	// empty when no other document has its title.
	Distinct string `json:"distinct,omitempty"`
}

// Document is one cleaned document. Text holds the paragraphs joined by a
// blank line; every Paragraph and Sentence points into it by byte offsets, so
// a quote is always a verbatim substring of Text.
type Document struct {
	ID   string
	File string // the path as given by the user, or the seed's name
	Meta
	Text       string
	Paragraphs []Paragraph
	Sentences  []Sentence
	// Captions are picture captions and credits, kept apart from the body so
	// that they are never cited as the document's own statements.
	Captions []string
}

// Paragraph is a span of Text. N counts from 1.
//
// Its fields, as a Sentence's, are 32-bit: a base holds millions of them
// for the life of the process, and a document is far below 2 GB (ingest
// reads at most 64 MiB a file; a snapshot's spans are checked on reading).
type Paragraph struct {
	N          int32
	Start, End int32
	// FirstSentence and EndSentence delimit the paragraph's sentences in
	// Document.Sentences: [FirstSentence, EndSentence).
	FirstSentence, EndSentence int32
}

// Sentences counts the paragraph's sentences.
func (p Paragraph) Sentences() int { return int(p.EndSentence - p.FirstSentence) }

// Long reports whether a citation into p names its sentence as well.
func (p Paragraph) Long() bool { return p.Sentences() > LongParagraph }

// Sentence is a span of Text inside one paragraph.
type Sentence struct {
	Paragraph  int32 // Paragraph.N of the enclosing paragraph
	Start, End int32
}

// New builds a document from cleaned paragraphs, segmenting each into
// sentences. Empty paragraphs are dropped.
func New(id, file string, meta Meta, paragraphs []string) *Document {
	d := &Document{ID: id, File: file, Meta: meta}
	// The text is held for the life of the base: sized exactly, not grown
	// by doubling, which left up to half of it unused.
	size := 0
	for _, p := range paragraphs {
		size += len(p) + len("\n\n")
	}
	var b strings.Builder
	b.Grow(size)
	for _, p := range paragraphs {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p)
		para := Paragraph{N: int32(len(d.Paragraphs) + 1), Start: int32(start), End: int32(b.Len()), FirstSentence: int32(len(d.Sentences))}
		for _, span := range SplitSentences(p) {
			d.Sentences = append(d.Sentences, Sentence{
				Paragraph: para.N,
				Start:     int32(start + span[0]),
				End:       int32(start + span[1]),
			})
		}
		para.EndSentence = int32(len(d.Sentences))
		d.Paragraphs = append(d.Paragraphs, para)
	}
	d.Text = b.String()
	// No room to grow kept, as for the text.
	d.Sentences, d.Paragraphs = slices.Clone(d.Sentences), slices.Clone(d.Paragraphs)
	return d
}

// ParagraphText returns the text of paragraph n (from 1), or "" if there is
// no such paragraph.
func (d *Document) ParagraphText(n int) string {
	if n < 1 || n > len(d.Paragraphs) {
		return ""
	}
	p := d.Paragraphs[n-1]
	return d.Text[p.Start:p.End]
}

// SentencesAround returns sentence m of paragraph n (both from 1) with up
// to around sentences either side, kept inside the paragraph, and the
// number of the first one returned: how a reader finds a cited sentence of
// a long paragraph. A paragraph or sentence that does not exist is an error
// that says which do.
func (d *Document) SentencesAround(n, m, around int) (first int, texts []string, err error) {
	if n < 1 || n > len(d.Paragraphs) {
		return 0, nil, fmt.Errorf("%s has paragraphs 1 to %d, not %d", d.ID, len(d.Paragraphs), n)
	}
	p := d.Paragraphs[n-1]
	if m < 1 || m > p.Sentences() {
		return 0, nil, fmt.Errorf("%s ¶%d has sentences 1 to %d, not %d", d.ID, n, p.Sentences(), m)
	}
	first = max(1, m-around)
	last := min(p.Sentences(), m+around)
	for k := first; k <= last; k++ {
		texts = append(texts, d.SentenceText(int(p.FirstSentence)+k-1))
	}
	return first, texts, nil
}

// SentenceText returns the verbatim text of sentence i.
func (d *Document) SentenceText(i int) string {
	s := d.Sentences[i]
	return d.Text[s.Start:s.End]
}

// ParagraphAt returns the number of the paragraph holding byte offset off,
// or 0 when off is outside every paragraph.
func (d *Document) ParagraphAt(off int) int {
	i := sort.Search(len(d.Paragraphs), func(i int) bool { return int(d.Paragraphs[i].End) > off })
	if i < len(d.Paragraphs) && int(d.Paragraphs[i].Start) <= off {
		return int(d.Paragraphs[i].N)
	}
	return 0
}

// sentenceAt returns the number (from 1) within paragraph p of the sentence
// holding byte offset off, or of the next one when off lies between two.
func (d *Document) sentenceAt(p Paragraph, off int) int {
	in := d.Sentences[p.FirstSentence:p.EndSentence]
	return min(sort.Search(len(in), func(i int) bool { return int(in[i].End) > off }), len(in)-1) + 1
}

// Cite returns the citation of the span [start, end) of Text. The span is
// trimmed of surrounding space; its paragraph is the one where it starts,
// and so is its sentence when the paragraph is long.
func (d *Document) Cite(start, end int) Citation {
	start = max(0, min(start, len(d.Text)))
	end = max(start, min(end, len(d.Text)))
	for start < end && isSpace(d.Text[start]) {
		start++
	}
	for end > start && isSpace(d.Text[end-1]) {
		end--
	}
	c := Citation{Doc: d.ID, Meta: d.Meta, Paragraph: d.ParagraphAt(start), Quote: d.Text[start:end]}
	if c.Paragraph > 0 {
		if p := d.Paragraphs[c.Paragraph-1]; p.Long() {
			c.Sentence = d.sentenceAt(p, start)
		}
	}
	return c
}

// CiteSentences cites sentences [first, last] (inclusive), which should lie
// in one paragraph for the citation to be exact.
func (d *Document) CiteSentences(first, last int) Citation {
	return d.Cite(int(d.Sentences[first].Start), int(d.Sentences[last].End))
}

// Words counts the whitespace-separated words of the cleaned text.
func (d *Document) Words() int {
	n, inWord := 0, false
	for _, r := range d.Text {
		space := unicode.IsSpace(r)
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}

// ContentHash identifies the document's content and metadata, so that a
// changed file is recognised as changed.
func (d *Document) ContentHash() string {
	h := sha256.New()
	for _, s := range []string{d.Title, d.Source, d.Author, d.Date, d.URL, d.Text} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
