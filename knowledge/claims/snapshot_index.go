package claims

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/internal/wire"
)

// indexWire is the textIndex on the wire: the vocabulary, each document's
// word count and sentences in document order, and the postings, which
// cost more to find again (folding every word, then a pass over them all,
// scattered) than to read.
type indexWire struct {
	Vocabulary []string
	// WordCounts holds each document's number of words.
	WordCounts wire.Varints
	// SentFirst holds per sentence (each document has one per sentence)
	// how many words come before it in its document since the previous
	// sentence started: small numbers that also cannot go backwards.
	SentFirst wire.Varints
	// PostingCounts holds each term's number of postings (none for stop
	// words); Postings the postings, term after term, as the index holds
	// them (the first corpus word number, then the gaps, as uvarints):
	// kept as read, checked but not copied.
	PostingCounts wire.Varints
	Postings      []byte
}

func (ix *textIndex) encode() indexWire {
	w := indexWire{Vocabulary: ix.words}
	for di := range ix.docs {
		w.WordCounts.Add(ix.wordCount(di))
		prev := int32(0)
		for _, first := range ix.sentFirst[di] {
			w.SentFirst.Add(int(first - prev))
			prev = first
		}
	}
	for _, n := range ix.postingCount {
		w.PostingCounts.Add(int(n))
	}
	w.Postings = ix.postings
	return w
}

func decodeIndex(w *indexWire, docs []*corpus.Document) (*textIndex, error) {
	vocab := w.Vocabulary
	ix := &textIndex{docs: docs, words: vocab, vocab: make(map[string]int32, len(vocab))}
	for id, word := range vocab {
		ix.vocab[word] = int32(id)
	}
	if len(ix.vocab) != len(vocab) {
		return nil, errors.New("vocabulary: a word is listed twice")
	}
	counts, err := decodeWordCounts(w.WordCounts, docs)
	if err != nil {
		return nil, err
	}
	ix.firstWord = firstWords(counts)
	if ix.sentFirst, err = decodeSentences(w.SentFirst, docs, counts); err != nil {
		return nil, err
	}
	if err := ix.decodePostings(w); err != nil {
		return nil, err
	}
	return ix, nil
}

// decodeWordCounts reads each document's number of words: at most one a
// byte of its text, and in all fewer than the postings can number.
func decodeWordCounts(stream wire.Varints, docs []*corpus.Document) ([]int, error) {
	counts := make([]int, len(docs))
	r := stream.Reader("word counts")
	total := 0
	for di, d := range docs {
		limit := 1
		if d != nil {
			limit = len(d.Text) + 1
		}
		n, err := r.Next(limit)
		if err != nil {
			return nil, fmt.Errorf("document %d: %w", di, err)
		}
		if total += n; total > math.MaxInt32 {
			return nil, errors.New("word counts: more words than postings can number")
		}
		counts[di] = n
	}
	return counts, r.Done()
}

// decodeSentences reads the first word of each sentence of each document,
// none past the document's words.
func decodeSentences(stream wire.Varints, docs []*corpus.Document, counts []int) ([][]int32, error) {
	out := make([][]int32, len(docs))
	r := stream.Reader("sentences")
	for di, d := range docs {
		if d == nil {
			continue
		}
		out[di] = make([]int32, len(d.Sentences))
		at := 0
		for i := range out[di] {
			gap, err := r.Next(counts[di] - at + 1)
			if err != nil {
				return nil, fmt.Errorf("document %d: %w", di, err)
			}
			at += gap
			out[di][i] = int32(at)
		}
	}
	return out, r.Done()
}

// decodePostings reads the postings of every term, checking that each
// points at a word of the corpus, after the one before.
func (ix *textIndex) decodePostings(w *indexWire) error {
	words := int(ix.firstWord[len(ix.firstWord)-1])
	ix.postings = w.Postings
	ix.postingStart = make([]uint32, len(ix.words)+1)
	ix.postingCount = make([]int32, len(ix.words))
	counts := w.PostingCounts.Reader("postings")
	b := w.Postings
	for id := range ix.words {
		n, err := counts.Next(words + 1)
		if err != nil {
			return err
		}
		ix.postingStart[id], ix.postingCount[id] = uint32(len(w.Postings)-len(b)), int32(n)
		word := 0
		for k := range n {
			gap, size := binary.Uvarint(b)
			if size <= 0 || k > 0 && gap == 0 || gap >= uint64(words-word) {
				return fmt.Errorf("postings: term %d: posting %d is no later word of the %d", id, k, words)
			}
			word, b = word+int(gap), b[size:]
		}
	}
	ix.postingStart[len(ix.words)] = uint32(len(w.Postings) - len(b))
	if len(b) != 0 {
		return fmt.Errorf("postings: %d bytes more stored than counted", len(b))
	}
	return counts.Done()
}
