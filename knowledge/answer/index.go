package answer

import (
	"hash/maphash"
	"math"
	"slices"
	"strings"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// sentRef locates one sentence of the corpus. Global sentence ids number the
// sentences of all documents in order, so a sentence's neighbours in its
// document are the ids beside it.
type sentRef struct{ doc, sent uint32 }

// index is an inverted index over sentences: for each term, the sorted ids
// of the sentences that hold it, all in one arena. Besides word terms it
// holds named lists (an actor's sentences, a speaker's claims) so that a
// question scores them the same way.
type index struct {
	docs      []*corpus.Document
	repeats   map[uint32][]uint32 // sentence -> later sentences with the same text
	repeat    bitset              // sentences that repeat an earlier one
	byID      map[string]int
	firstSent []uint32 // global id of each document's first sentence
	sents     []sentRef
	lens      []uint16  // content terms per sentence
	norms     []float32 // BM25 term-frequency factor of each sentence, by its length
	terms     map[string]uint32
	offs      []uint32 // postings of term t: post[offs[t]:offs[t+1]]
	post      []uint32
	vocab     *vocabulary
	contexts  []string // each document's context text (see contextText)
}

// indexBuilder collects postings in one pass over the documents; finish
// lays them out in the arena. Both steps are linear in the corpus size.
type indexBuilder struct {
	ix     *index
	df     []uint32
	stream []uint32 // term ids sentence after sentence
	lists  [][]uint32
	words  map[string]uint32   // folded word -> term id
	tokens map[string][]uint32 // token as written -> its term ids, to fold each spelling once
	// proper marks the terms written capitalised inside a sentence: names,
	// to which only a capitalised question word is corrected.
	proper []bool
	seed   maphash.Seed
	first  map[uint64]uint32 // sentence text hash -> first sentence with that text
}

// newIndex lays out the sentences of docs, without terms: the part of the
// index the snapshot decoder rebuilds rather than stores.
func newIndex(docs []*corpus.Document) *index {
	ix := &index{docs: docs, terms: map[string]uint32{}, byID: make(map[string]int, len(docs))}
	for di, d := range docs {
		ix.byID[d.ID] = di
		ix.firstSent = append(ix.firstSent, uint32(len(ix.sents)))
		for si := range d.Sentences {
			ix.sents = append(ix.sents, sentRef{uint32(di), uint32(si)})
		}
	}
	return ix
}

func newIndexBuilder(docs []*corpus.Document) *indexBuilder {
	b := &indexBuilder{
		ix:     newIndex(docs),
		words:  map[string]uint32{},
		tokens: map[string][]uint32{},
		seed:   maphash.MakeSeed(),
		first:  map[uint64]uint32{},
	}
	var sentTerms []uint32
	var toks []words.Token
	for s := range b.ix.sents {
		sentTerms = sentTerms[:0]
		text := b.ix.text(s)
		if b.repeated(uint32(s), text) {
			b.ix.lens = append(b.ix.lens, 0)
			continue
		}
		toks = words.AppendTokens(toks[:0], text)
		for ti, tok := range toks {
			name := ti > 0 && words.IsCapitalised(tok.Text)
			for _, id := range b.tokenTerms(tok.Text) {
				b.proper[id] = b.proper[id] || name
				if !slices.Contains(sentTerms, id) {
					sentTerms = append(sentTerms, id)
				}
			}
		}
		for _, id := range sentTerms {
			b.df[id]++
		}
		b.stream = append(b.stream, sentTerms...)
		b.ix.lens = append(b.ix.lens, uint16(min(len(sentTerms), math.MaxUint16)))
	}
	b.addContextTerms()
	return b
}

// repeated reports whether sentence s repeats, word for word, an earlier
// one (syndicated copies, a report quoted by several papers). A repeat gets
// no postings of its own: it is found through the first sentence with its
// text, which then cites it as corroboration.
func (b *indexBuilder) repeated(s uint32, text string) bool {
	h := maphash.String(b.seed, text)
	first, ok := b.first[h]
	if !ok {
		b.first[h] = s
		return false
	}
	if b.ix.text(int(first)) != text {
		return false
	}
	if b.ix.repeats == nil {
		b.ix.repeats = map[uint32][]uint32{}
	}
	b.ix.repeats[first] = append(b.ix.repeats[first], s)
	b.ix.repeat.set(s)
	return true
}

// tokenTerms returns the term ids of a token, folding and stemming each
// distinct spelling only once.
func (b *indexBuilder) tokenTerms(token string) []uint32 {
	if ids, ok := b.tokens[token]; ok {
		return ids
	}
	ids := []uint32{}
	wordsOf(token, func(w string) {
		t := termOf(w)
		if t == "" {
			return
		}
		id := b.term(t)
		if _, ok := b.words[w]; !ok {
			b.words[w] = id
		}
		ids = append(ids, id)
	})
	b.tokens[strings.Clone(token)] = ids
	return ids
}

func (b *indexBuilder) term(t string) uint32 {
	id, ok := b.ix.terms[t]
	if !ok {
		id = uint32(len(b.df))
		b.ix.terms[t] = id
		b.df = append(b.df, 0)
		b.proper = append(b.proper, false)
	}
	return id
}

// addList adds a named list of sorted, distinct sentence ids as a term.
func (b *indexBuilder) addList(name string, ids []uint32) {
	if len(ids) == 0 {
		return
	}
	if _, ok := b.ix.terms[name]; ok {
		return
	}
	b.ix.terms[name] = uint32(len(b.df) + len(b.lists))
	b.lists = append(b.lists, ids)
}

func (b *indexBuilder) finish() *index {
	ix := b.ix
	nTerms := len(b.df) + len(b.lists)
	ix.offs = make([]uint32, nTerms+1)
	for t, n := range b.df {
		ix.offs[t+1] = ix.offs[t] + n
	}
	for i, l := range b.lists {
		t := len(b.df) + i
		ix.offs[t+1] = ix.offs[t] + uint32(len(l))
	}
	ix.post = make([]uint32, ix.offs[nTerms])
	fill := make([]uint32, len(b.df))
	copy(fill, ix.offs[:len(b.df)])
	pos := 0
	for s, n := range ix.lens {
		for _, t := range b.stream[pos : pos+int(n)] {
			ix.post[fill[t]] = uint32(s)
			fill[t]++
		}
		pos += int(n)
	}
	for i, l := range b.lists {
		copy(ix.post[ix.offs[len(b.df)+i]:], l)
	}
	ix.setNorms()
	ix.vocab = newVocabulary(b.words, b.proper, b.df)
	b.stream, b.lists, b.tokens, b.proper, b.first = nil, nil, nil, nil, nil
	return ix
}

// setNorms derives each sentence's BM25 length factor from lens.
func (ix *index) setNorms() {
	total := 0
	for _, n := range ix.lens {
		total += int(n)
	}
	avgLen := max(1, float64(total)/float64(max(1, len(ix.lens))))
	ix.norms = make([]float32, len(ix.lens))
	for s, n := range ix.lens {
		ix.norms[s] = float32((bm25K1 + 1) / (1 + bm25K1*(1-bm25B+bm25B*float64(n)/avgLen)))
	}
}

// postings returns the sorted sentence ids of term t.
func (ix *index) postings(t uint32) []uint32 { return ix.post[ix.offs[t]:ix.offs[t+1]] }

func (ix *index) df(t uint32) int { return int(ix.offs[t+1] - ix.offs[t]) }

// sentenceRange returns the global ids of document di's sentences:
// [first, end).
func (ix *index) sentenceRange(di uint32) (first, end uint32) {
	end = uint32(len(ix.sents))
	if int(di)+1 < len(ix.firstSent) {
		end = ix.firstSent[di+1]
	}
	return ix.firstSent[di], end
}

// docSample is how many documents, evenly spread, inMostDocuments reads.
const docSample = 64

// inMostDocuments reports whether more than half of the documents hold term
// t, judged on docSample of them (all of a smaller corpus): a binary search
// each, whatever the length of its postings.
func (ix *index) inMostDocuments(t uint32) bool {
	post := ix.postings(t)
	n := min(len(ix.docs), docSample)
	holding := 0
	for k := range n {
		if ix.docHolds(post, uint32(k*len(ix.docs)/n)) {
			holding++
		}
	}
	return holding*2 > n
}

// docHolds reports whether postings post hold a sentence of document di:
// a document's sentences are consecutive ids, so one binary search tells.
func (ix *index) docHolds(post []uint32, di uint32) bool {
	first, end := ix.sentenceRange(di)
	i, _ := slices.BinarySearch(post, first)
	return i < len(post) && post[i] < end
}

// idf is BM25's inverse document frequency, over sentences.
func (ix *index) idf(df int) float64 {
	n := float64(len(ix.sents))
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// lookup returns the term id of a folded word, if the corpus has it.
func (ix *index) lookup(w string) (uint32, bool) {
	t := termOf(w)
	if t == "" {
		return 0, false
	}
	id, ok := ix.terms[t]
	return id, ok
}

// paragraphEnd returns the last sentence of sentence s's paragraph.
func (ix *index) paragraphEnd(s int) int {
	r := ix.sents[s]
	d := ix.docs[r.doc]
	p := d.Paragraphs[d.Sentences[r.sent].Paragraph-1]
	return s + (int(p.EndSentence) - 1 - int(r.sent))
}

// sameParagraph reports whether global sentences a and b are in one
// paragraph of one document.
func (ix *index) sameParagraph(a, b int) bool {
	if a < 0 || b < 0 || a >= len(ix.sents) || b >= len(ix.sents) {
		return false
	}
	ra, rb := ix.sents[a], ix.sents[b]
	if ra.doc != rb.doc {
		return false
	}
	d := ix.docs[ra.doc]
	return d.Sentences[ra.sent].Paragraph == d.Sentences[rb.sent].Paragraph
}

// newsNeighbours reports whether global sentences a and b are in
// neighbouring paragraphs of one document, each of at most two sentences,
// as a news story runs: there the next paragraph goes on with the one
// before.
func (ix *index) newsNeighbours(a, b int) bool {
	if a < 0 || b < 0 || a >= len(ix.sents) || b >= len(ix.sents) || ix.sents[a].doc != ix.sents[b].doc {
		return false
	}
	d := ix.docs[ix.sents[a].doc]
	pa, pb := d.Sentences[ix.sents[a].sent].Paragraph, d.Sentences[ix.sents[b].sent].Paragraph
	return (pa-pb == 1 || pb-pa == 1) && d.Paragraphs[pa-1].Sentences() <= 2 && d.Paragraphs[pb-1].Sentences() <= 2
}

// text returns the verbatim text of global sentence s.
func (ix *index) text(s int) string {
	r := ix.sents[s]
	return ix.docs[r.doc].SentenceText(int(r.sent))
}

// docStarts maps each document to the global id of its first sentence.
func (ix *index) docStarts() map[*corpus.Document]uint32 {
	starts := make(map[*corpus.Document]uint32, len(ix.docs))
	for i, d := range ix.docs {
		starts[d] = ix.firstSent[i]
	}
	return starts
}

// citedSentences returns the global ids of the sentences a citation
// quotes: those of its paragraph that the quote overlaps.
func (ix *index) citedSentences(cs []corpus.Citation) []uint32 {
	var out []uint32
	for _, c := range cs {
		di, ok := ix.docIndex(c.Doc)
		if !ok {
			continue
		}
		d := ix.docs[di]
		para := d.ParagraphText(c.Paragraph)
		at := strings.Index(para, c.Quote)
		if at < 0 || c.Quote == "" {
			continue
		}
		p := d.Paragraphs[c.Paragraph-1]
		start, end := int(p.Start)+at, int(p.Start)+at+len(c.Quote)
		for si := p.FirstSentence; si < p.EndSentence; si++ {
			if s := d.Sentences[si]; int(s.Start) < end && start < int(s.End) {
				out = append(out, ix.firstSent[di]+uint32(si))
			}
		}
	}
	return out
}

// docIndex finds a document by id.
func (ix *index) docIndex(id string) (int, bool) {
	i, ok := ix.byID[id]
	return i, ok
}

// bitset is a growable set of sentence ids.
type bitset []uint64

func (b *bitset) set(i uint32) {
	for int(i/64) >= len(*b) {
		*b = append(*b, 0)
	}
	(*b)[i/64] |= 1 << (i % 64)
}

func (b bitset) has(i uint32) bool { return int(i/64) < len(b) && b[i/64]&(1<<(i%64)) != 0 }
