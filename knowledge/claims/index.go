package claims

import (
	"encoding/binary"
	"math/bits"
	"sort"
	"sync"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// textIndex holds the vocabulary of the documents, folded, with an inverted
// index of the words that are not stop words: Cite looks up a quotation's
// rarest words there and aligns only the places they point to, folding the
// words of those places again (keeping every word of the corpus folded took
// more memory than all the rest of the index).
type textIndex struct {
	docs      []*corpus.Document
	vocab     map[string]int32
	words     []string  // term id -> folded word
	sentFirst [][]int32 // per document, the first word of each sentence
	// firstWord numbers the words of the corpus across documents: document
	// di holds words firstWord[di] to firstWord[di+1]. A posting is such a
	// number, 4 bytes where a (document, position) pair took 8.
	firstWord []int32
	// The postings of term id, in corpus order, are postingCount[id]
	// corpus word numbers, the first and then the gaps between them as
	// uvarints in postings[postingStart[id]:postingStart[id+1]]: most
	// gaps take a byte where a number took four. Stop words have none.
	postingStart []uint32
	postingCount []int32
	postings     []byte
}

// buildIndex folds the documents' words on all CPUs, then numbers them in
// corpus order, so a word's id does not depend on the schedule.
func buildIndex(docs []*corpus.Document) *textIndex {
	ix := &textIndex{docs: docs, vocab: map[string]int32{}, sentFirst: make([][]int32, len(docs))}
	folded := make([]docWords, len(docs))
	forEachDoc(docs, func(di int) { folded[di] = foldWords(docs[di]) })
	terms := make([][]int32, len(docs)) // per document, the term id of each word
	counts := make([]int, len(docs))
	for di, dw := range folded {
		ids := make([]int32, len(dw.distinct))
		for j, w := range dw.distinct {
			ids[j] = ix.id(w)
		}
		row := dw.local // renumbered in place
		for pos, j := range row {
			row[pos] = ids[j]
		}
		terms[di], counts[di], ix.sentFirst[di] = row, len(row), dw.firsts
		folded[di] = docWords{}
	}
	ix.firstWord = firstWords(counts)
	ix.invert(terms)
	return ix
}

// firstWords returns where each document's words start in the corpus
// numbering, and the end, given how many each has.
func firstWords(counts []int) []int32 {
	first := make([]int32, len(counts)+1)
	for di, n := range counts {
		first[di+1] = first[di] + int32(n)
	}
	return first
}

// wordCount is how many words document di has.
func (ix *textIndex) wordCount(di int) int { return int(ix.firstWord[di+1] - ix.firstWord[di]) }

// invert lists, per term id, the places its word occurs in corpus order
// (none for stop words), given each document's words. It gathers each
// term's places in one shared array, counted first, then writes them as
// gaps.
func (ix *textIndex) invert(terms [][]int32) {
	ix.postingCount = make([]int32, len(ix.words))
	for _, row := range terms {
		for _, id := range row {
			ix.postingCount[id]++
		}
	}
	next := make([]int32, len(ix.words)) // the next free slot of each term (-1: none kept)
	total := int32(0)
	for id, w := range ix.words {
		if n := ix.postingCount[id]; n > 0 && !words.IsStop(w) {
			next[id], total = total, total+n
			continue
		}
		ix.postingCount[id], next[id] = 0, -1
	}
	places := make([]int32, total)
	for di, row := range terms {
		for pos, id := range row {
			if at := next[id]; at >= 0 {
				places[at] = ix.firstWord[di] + int32(pos)
				next[id]++
			}
		}
	}
	// The gaps are sized first, so that the postings take one allocation
	// of their exact size.
	ix.postingStart = make([]uint32, len(ix.words)+1)
	at := 0
	for id, n := range ix.postingCount {
		ix.postingStart[id+1] = ix.postingStart[id] + uint32(gapsSize(places[at:at+int(n)]))
		at += int(n)
	}
	ix.postings = make([]byte, 0, ix.postingStart[len(ix.words)])
	at = 0
	for _, n := range ix.postingCount {
		ix.postings = appendGaps(ix.postings, places[at:at+int(n)])
		at += int(n)
	}
}

// appendGaps appends one term's places, in order, as uvarints: the first,
// then each one's distance from the one before.
func appendGaps(b []byte, places []int32) []byte {
	prev := int32(0)
	for _, p := range places {
		b = binary.AppendUvarint(b, uint64(p-prev))
		prev = p
	}
	return b
}

// gapsSize is how many bytes appendGaps writes for places.
func gapsSize(places []int32) int {
	size, prev := 0, int32(0)
	for _, p := range places {
		size += (bits.Len32(uint32(p-prev)|1) + 6) / 7
		prev = p
	}
	return size
}

// postingsOf calls fn with the corpus word numbers of term id's first
// limit occurrences, in order.
func (ix *textIndex) postingsOf(id int32, limit int, fn func(word int32)) {
	b := ix.postings[ix.postingStart[id]:ix.postingStart[id+1]]
	word := int32(0)
	for n := 0; n < limit && len(b) > 0; n++ {
		gap, k := binary.Uvarint(b)
		word += int32(gap)
		b = b[k:]
		fn(word)
	}
}

// place turns a corpus word number into its document and position there.
func (ix *textIndex) place(word int32) (doc, pos int) {
	doc = sort.Search(len(ix.docs), func(di int) bool { return ix.firstWord[di+1] > word })
	return doc, int(word - ix.firstWord[doc])
}

// docWords is one document's words, numbered in the order the document
// first writes them.
type docWords struct {
	distinct []string // the folded form of each spelling, in order of first use (folds may repeat)
	local    []int32  // per word of the document, its spelling's index in distinct
	firsts   []int32  // per sentence, its first word
}

// seenWords holds the maps foldWords numbers spellings in, emptied and
// kept for the next document rather than grown anew for each.
var seenWords = sync.Pool{New: func() any { return map[string]int32{} }}

func foldWords(d *corpus.Document) docWords {
	var dw docWords
	dw.firsts = make([]int32, 0, len(d.Sentences))
	// About one token in six bytes of English: the slice is laid out once,
	// not grown by doubling through a long document.
	dw.local = make([]int32, 0, len(d.Text)/6)
	seen := seenWords.Get().(map[string]int32) // a word as written -> its index: folding is the costly part
	defer func() {
		clear(seen)
		seenWords.Put(seen)
	}()
	var toks []words.Token
	for i := range d.Sentences {
		dw.firsts = append(dw.firsts, int32(len(dw.local)))
		toks = words.AppendTokens(toks[:0], d.SentenceText(i))
		for _, t := range toks {
			j, ok := seen[t.Text]
			if !ok {
				j = int32(len(dw.distinct))
				dw.distinct = append(dw.distinct, words.Key(t.Text))
				seen[t.Text] = j
			}
			dw.local = append(dw.local, j)
		}
	}
	return dw
}

func (ix *textIndex) id(w string) int32 {
	if id, ok := ix.vocab[w]; ok {
		return id
	}
	id := int32(len(ix.words))
	ix.vocab[w] = id
	ix.words = append(ix.words, w)
	return id
}

// wordsAt returns words [lo, hi) of document di, folded as the index
// folds them (fewer if the document has fewer).
func (ix *textIndex) wordsAt(di, lo, hi int) []string {
	firsts := ix.sentFirst[di]
	si := max(0, sort.Search(len(firsts), func(i int) bool { return int(firsts[i]) > lo })-1)
	d := ix.docs[di]
	out := make([]string, 0, max(0, hi-lo))
	for ; si < len(firsts) && int(firsts[si]) < hi; si++ {
		at := int(firsts[si])
		for _, t := range words.Tokenize(d.SentenceText(si)) {
			if at >= lo && at < hi {
				out = append(out, words.Key(t.Text))
			}
			at++
		}
	}
	return out
}

// byteSpan returns the byte span in the document text of words [first, end).
func (ix *textIndex) byteSpan(di, first, end int) (int, int) {
	return ix.wordStart(di, first), ix.wordEnd(di, end-1)
}

func (ix *textIndex) wordToken(di, pos int) (corpus.Sentence, words.Token, bool) {
	firsts := ix.sentFirst[di]
	si := sort.Search(len(firsts), func(i int) bool { return int(firsts[i]) > pos }) - 1
	if si < 0 {
		return corpus.Sentence{}, words.Token{}, false
	}
	d := ix.docs[di]
	s := d.Sentences[si]
	toks := words.Tokenize(d.Text[s.Start:s.End])
	k := pos - int(firsts[si])
	if k < 0 || k >= len(toks) {
		return s, words.Token{}, false
	}
	return s, toks[k], true
}

func (ix *textIndex) wordStart(di, pos int) int {
	s, t, ok := ix.wordToken(di, pos)
	if !ok {
		return int(s.Start)
	}
	return int(s.Start) + t.Start
}

func (ix *textIndex) wordEnd(di, pos int) int {
	s, t, ok := ix.wordToken(di, pos)
	if !ok {
		return int(s.End)
	}
	return int(s.Start) + t.End
}

// sentenceBounds widens a byte span to the sentences holding it.
func sentenceBounds(d *corpus.Document, start, end int) (int, int) {
	i := sort.Search(len(d.Sentences), func(i int) bool { return int(d.Sentences[i].End) > start })
	j := sort.Search(len(d.Sentences), func(i int) bool { return int(d.Sentences[i].End) >= end })
	if i >= len(d.Sentences) || j >= len(d.Sentences) {
		return start, end
	}
	return int(d.Sentences[i].Start), int(d.Sentences[j].End)
}
