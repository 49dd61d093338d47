package claims

import (
	"fmt"

	"briefbot/knowledge/corpus"
)

// indexWire is the textIndex on the wire: the vocabulary, and each
// document's words and sentences in document order. The postings and the
// vocabulary map are rebuilt from them.
type indexWire struct {
	Vocabulary packedStrings
	// Words is the corpus's number of words, so that they are allocated
	// at once; Terms holds per document its number of words, then each
	// word's term id.
	Words int
	Terms varints
	// SentFirst holds per sentence (each document has one per sentence)
	// how many words come before it in its document since the previous
	// sentence started: small numbers that also cannot go backwards.
	SentFirst varints
}

func (ix *textIndex) encode() indexWire {
	w := indexWire{Vocabulary: packStrings(ix.words)}
	for di, terms := range ix.terms {
		w.Words += len(terms)
		w.Terms.add(len(terms))
		for _, id := range terms {
			w.Terms.add(int(id))
		}
		prev := int32(0)
		for _, first := range ix.sentFirst[di] {
			w.SentFirst.add(int(first - prev))
			prev = first
		}
	}
	return w
}

func decodeIndex(w *indexWire, docs []*corpus.Document) (*textIndex, error) {
	vocab, err := w.Vocabulary.unpack("vocabulary")
	if err != nil {
		return nil, err
	}
	ix := &textIndex{docs: docs, words: vocab, vocab: make(map[string]int32, len(vocab)),
		terms: make([][]int32, len(docs)), sentFirst: make([][]int32, len(docs))}
	for id, word := range vocab {
		ix.vocab[word] = int32(id)
	}
	if len(ix.vocab) != len(vocab) {
		return nil, fmt.Errorf("vocabulary: a word is listed twice")
	}
	total, err := countOf("words", w.Words, w.Terms)
	if err != nil {
		return nil, err
	}
	flat := make([]int32, total)
	terms := varintReader{rest: w.Terms, name: "words"}
	firsts := varintReader{rest: w.SentFirst, name: "sentences"}
	for di, d := range docs {
		n, err := terms.next(len(flat) + 1)
		if err != nil {
			return nil, err
		}
		row := flat[:n:n]
		flat = flat[n:]
		for pos := range row {
			id, err := terms.next(len(vocab))
			if err != nil {
				return nil, err
			}
			row[pos] = int32(id)
		}
		if n > 0 {
			ix.terms[di] = row // else nil, as the builder leaves it
		}
		if d != nil {
			if ix.sentFirst[di], err = sentenceStarts(&firsts, len(d.Sentences), n); err != nil {
				return nil, fmt.Errorf("document %d: %w", di, err)
			}
		}
	}
	if len(flat) > 0 {
		return nil, fmt.Errorf("words: %d more stored than the documents hold", len(flat))
	}
	if err := terms.done(); err != nil {
		return nil, err
	}
	if err := firsts.done(); err != nil {
		return nil, err
	}
	ix.postings = invert(ix.terms, ix.words)
	return ix, nil
}

// sentenceStarts reads the first word of each of a document's sentences,
// none past its words.
func sentenceStarts(r *varintReader, sentences, words int) ([]int32, error) {
	out := make([]int32, sentences)
	at := 0
	for i := range out {
		gap, err := r.next(words - at + 1)
		if err != nil {
			return nil, err
		}
		at += gap
		out[i] = int32(at)
	}
	return out, nil
}
