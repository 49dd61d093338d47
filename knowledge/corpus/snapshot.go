package corpus

import (
	"fmt"
	"math"

	"briefbot/knowledge/internal/wire"
)

// wireDocuments is a corpus as a snapshot holds it. Paragraph and sentence
// spans are columns over the whole corpus rather than slices of structs,
// and every column travels raw (wire.Encode): a large corpus has millions
// of sentences. The texts, the largest part of the snapshot, are one block
// they then share: read in one allocation, or, from a snapshot mapped into
// memory, the mapped bytes themselves, neither copied nor on the heap. The
// block is never written, so the strings over it stay as they were read.
// It lives as long as any of its documents does: a server that replaces
// documents one by one holds at most the texts of the snapshot it started
// from beside their replacements.
type wireDocuments struct {
	IDs, Files                               []string
	Titles, Sources, Authors, Dates, URLs    []string
	Captions                                 [][]string
	Paragraphs                               []uint32 // per document, how many
	ParaStarts, ParaEnds, ParaFirstSentences []uint32
	Sentences                                []uint32 // per document, how many
	SentStarts, SentEnds                     []uint32
	Texts                                    []string
}

// EncodeDocuments writes docs to enc for DecodeDocuments to read back.
func EncodeDocuments(enc *wire.Encoder, docs []*Document) error {
	var w wireDocuments
	for _, d := range docs {
		w.IDs, w.Files = append(w.IDs, d.ID), append(w.Files, d.File)
		w.Titles, w.Sources, w.Authors = append(w.Titles, d.Title), append(w.Sources, d.Source), append(w.Authors, d.Author)
		w.Dates, w.URLs = append(w.Dates, d.Date), append(w.URLs, d.URL)
		w.Captions = append(w.Captions, d.Captions)
		w.Paragraphs = append(w.Paragraphs, uint32(len(d.Paragraphs)))
		for _, p := range d.Paragraphs {
			w.ParaStarts = append(w.ParaStarts, uint32(p.Start))
			w.ParaEnds = append(w.ParaEnds, uint32(p.End))
			w.ParaFirstSentences = append(w.ParaFirstSentences, uint32(p.FirstSentence))
		}
		w.Texts = append(w.Texts, d.Text)
		w.Sentences = append(w.Sentences, uint32(len(d.Sentences)))
		for _, s := range d.Sentences {
			w.SentStarts = append(w.SentStarts, uint32(s.Start))
			w.SentEnds = append(w.SentEnds, uint32(s.End))
		}
	}
	return wire.Encode(enc, &w)
}

// DecodeDocuments reads documents written by EncodeDocuments. Every span is
// checked against its text, so a damaged snapshot gives an error rather
// than documents that would panic when quoted.
func DecodeDocuments(dec *wire.Decoder) ([]*Document, error) {
	var w wireDocuments
	if err := wire.Decode(dec, &w); err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	n := len(w.IDs)
	for _, column := range []int{len(w.Files), len(w.Titles), len(w.Sources), len(w.Authors),
		len(w.Dates), len(w.URLs), len(w.Captions), len(w.Paragraphs), len(w.Sentences), len(w.Texts)} {
		if column != n {
			return nil, fmt.Errorf("documents: columns of %d and %d documents", n, column)
		}
	}
	if len(w.ParaEnds) != len(w.ParaStarts) || len(w.ParaFirstSentences) != len(w.ParaStarts) || len(w.SentEnds) != len(w.SentStarts) {
		return nil, fmt.Errorf("documents: span columns differ in length")
	}
	docs := make([]*Document, n)
	var para, sent int
	for i := range docs {
		d := &Document{ID: w.IDs[i], File: w.Files[i], Text: w.Texts[i], Captions: w.Captions[i],
			Meta: Meta{Title: w.Titles[i], Source: w.Sources[i], Author: w.Authors[i], Date: w.Dates[i], URL: w.URLs[i]}}
		paras, sents := int(w.Paragraphs[i]), int(w.Sentences[i])
		if paras > len(w.ParaStarts)-para || sents > len(w.SentStarts)-sent {
			return nil, fmt.Errorf("documents: %s: more spans than the snapshot holds", d.ID)
		}
		if err := d.setSpans(w.ParaStarts[para:para+paras], w.ParaEnds[para:para+paras], w.ParaFirstSentences[para:para+paras],
			w.SentStarts[sent:sent+sents], w.SentEnds[sent:sent+sents]); err != nil {
			return nil, fmt.Errorf("documents: %s: %w", d.ID, err)
		}
		para, sent = para+paras, sent+sents
		docs[i] = d
	}
	if para != len(w.ParaStarts) || sent != len(w.SentStarts) {
		return nil, fmt.Errorf("documents: spans left over")
	}
	return docs, nil
}

// setSpans rebuilds the paragraphs and sentences from their columns,
// deriving what New derives (numbers, enclosing paragraphs, sentence
// ranges) and rejecting spans that do not fit the text or each other.
func (d *Document) setSpans(paraStarts, paraEnds, firstSentences, sentStarts, sentEnds []uint32) error {
	if len(d.Text) > math.MaxInt32 || len(sentStarts) > math.MaxInt32 {
		return fmt.Errorf("text of %d bytes, %d sentences: too long for 32-bit spans", len(d.Text), len(sentStarts))
	}
	if len(paraStarts) > 0 { // New leaves an empty document's slices nil
		d.Paragraphs = make([]Paragraph, len(paraStarts))
	}
	if len(sentStarts) > 0 {
		d.Sentences = make([]Sentence, len(sentStarts))
	}
	for i := range d.Paragraphs {
		end := uint32(len(sentStarts))
		if i+1 < len(firstSentences) {
			end = firstSentences[i+1]
		}
		if paraStarts[i] > paraEnds[i] || int(paraEnds[i]) > len(d.Text) || firstSentences[i] > end || int(end) > len(sentStarts) ||
			(i == 0 && firstSentences[i] != 0) {
			return fmt.Errorf("paragraph %d out of range", i+1)
		}
		p := Paragraph{N: int32(i + 1), Start: int32(paraStarts[i]), End: int32(paraEnds[i]), FirstSentence: int32(firstSentences[i]), EndSentence: int32(end)}
		d.Paragraphs[i] = p
		for si := p.FirstSentence; si < p.EndSentence; si++ {
			from, to := sentStarts[si], sentEnds[si]
			if from < paraStarts[i] || from > to || to > paraEnds[i] {
				return fmt.Errorf("sentence %d out of its paragraph", si)
			}
			d.Sentences[si] = Sentence{Paragraph: p.N, Start: int32(from), End: int32(to)}
		}
	}
	if len(d.Paragraphs) == 0 && len(d.Sentences) > 0 || len(d.Paragraphs) > 0 && int(d.Paragraphs[len(d.Paragraphs)-1].EndSentence) != len(d.Sentences) {
		return fmt.Errorf("sentences outside every paragraph")
	}
	return nil
}
