package claims

import (
	"errors"
	"fmt"

	"briefbot/knowledge/corpus"
)

// indexWire is the textIndex on the wire: the vocabulary, each document's
// words and sentences in document order, and the postings, which cost more
// to invert again (a pass over every word, scattered) than to read.
type indexWire struct {
	Vocabulary packedStrings
	// WordCounts holds each document's number of words; Terms their term
	// ids, document after document.
	WordCounts varints
	Terms      fixedInts
	// SentFirst holds per sentence (each document has one per sentence)
	// how many words come before it in its document since the previous
	// sentence started: small numbers that also cannot go backwards.
	SentFirst varints
	// PostingCounts holds each term's number of postings (none for stop
	// words); PostingDocs and PostingPos the postings, term after term.
	PostingCounts           varints
	PostingDocs, PostingPos fixedInts
}

func (ix *textIndex) encode() indexWire {
	w := indexWire{Vocabulary: packStrings(ix.words)}
	var terms []int32
	for di, row := range ix.terms {
		w.WordCounts.add(len(row))
		terms = append(terms, row...)
		prev := int32(0)
		for _, first := range ix.sentFirst[di] {
			w.SentFirst.add(int(first - prev))
			prev = first
		}
	}
	w.Terms = packFixed(terms)
	docs, pos := make([]int32, 0, len(ix.postings)), make([]int32, 0, len(ix.postings))
	for id := range ix.words {
		ps := ix.postingsOf(int32(id))
		w.PostingCounts.add(len(ps))
		for _, p := range ps {
			di, at := ix.place(p)
			docs, pos = append(docs, int32(di)), append(pos, int32(at))
		}
	}
	w.PostingDocs, w.PostingPos = packFixed(docs), packFixed(pos)
	return w
}

func decodeIndex(w *indexWire, docs []*corpus.Document) (*textIndex, error) {
	vocab, err := w.Vocabulary.unpack("vocabulary")
	if err != nil {
		return nil, err
	}
	ix := &textIndex{docs: docs, words: vocab, vocab: make(map[string]int32, len(vocab))}
	for id, word := range vocab {
		ix.vocab[word] = int32(id)
	}
	if len(ix.vocab) != len(vocab) {
		return nil, errors.New("vocabulary: a word is listed twice")
	}
	if ix.terms, err = decodeTerms(w, len(docs), len(vocab)); err != nil {
		return nil, err
	}
	if ix.sentFirst, err = decodeSentences(w.SentFirst, docs, ix.terms); err != nil {
		return nil, err
	}
	ix.numberWords()
	if err := ix.decodePostings(w); err != nil {
		return nil, err
	}
	return ix, nil
}

// rows cuts flat into len(counts) rows, nil where a count is 0 (as the
// builder leaves them); every count must be read and they must add up.
func rows[T any](name string, counts varints, n int, flat []T) ([][]T, error) {
	out := make([][]T, n)
	r := varintReader{rest: counts, name: name}
	for i := range out {
		k, err := r.next(len(flat) + 1)
		if err != nil {
			return nil, err
		}
		if k > 0 {
			out[i], flat = flat[:k:k], flat[k:]
		}
	}
	if len(flat) > 0 {
		return nil, fmt.Errorf("%s: %d more stored than counted", name, len(flat))
	}
	return out, r.done()
}

func decodeTerms(w *indexWire, ndocs, nwords int) ([][]int32, error) {
	flat := make([]int32, max(0, len(w.Terms.Bytes)-fixedPad)/max(1, w.Terms.Width))
	if err := w.Terms.unpack("words", flat, nwords); err != nil {
		return nil, err
	}
	return rows("words", w.WordCounts, ndocs, flat)
}

// decodeSentences reads the first word of each sentence of each document,
// none past the document's words.
func decodeSentences(stream varints, docs []*corpus.Document, terms [][]int32) ([][]int32, error) {
	out := make([][]int32, len(docs))
	r := varintReader{rest: stream, name: "sentences"}
	for di, d := range docs {
		if d == nil {
			continue
		}
		out[di] = make([]int32, len(d.Sentences))
		at := 0
		for i := range out[di] {
			gap, err := r.next(len(terms[di]) - at + 1)
			if err != nil {
				return nil, fmt.Errorf("document %d: %w", di, err)
			}
			at += gap
			out[di][i] = int32(at)
		}
	}
	return out, r.done()
}

// decodePostings reads the postings of every term, checking that each
// points at a word.
func (ix *textIndex) decodePostings(w *indexWire) error {
	n := max(0, len(w.PostingDocs.Bytes)-fixedPad) / max(1, w.PostingDocs.Width)
	docs, pos := make([]int32, n), make([]int32, n)
	if err := w.PostingDocs.unpack("posting documents", docs, len(ix.terms)); err != nil {
		return err
	}
	if err := w.PostingPos.unpack("posting positions", pos, 1<<31-1); err != nil {
		return err
	}
	for i, di := range docs {
		if int(pos[i]) >= len(ix.terms[di]) {
			return fmt.Errorf("posting %d: word %d of a document of %d", i, pos[i], len(ix.terms[di]))
		}
		docs[i] = ix.firstWord[di] + pos[i] // the corpus word number, in place
	}
	ix.postings = docs
	ix.postingStart = make([]int32, len(ix.words)+1)
	r := varintReader{rest: w.PostingCounts, name: "postings"}
	at := 0
	for id := range ix.words {
		k, err := r.next(n - at + 1)
		if err != nil {
			return err
		}
		ix.postingStart[id], at = int32(at), at+k
	}
	ix.postingStart[len(ix.words)] = int32(at)
	if at != n {
		return fmt.Errorf("postings: %d more stored than counted", n-at)
	}
	return r.done()
}
