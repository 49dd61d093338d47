package claims

import (
	"encoding/gob"
	"errors"
	"fmt"
	"maps"
	"slices"

	"briefbot/knowledge/corpus"
)

// The snapshot codec writes a Set column by column: per-claim and per-word
// data as flat slices of basic types, which gob decodes in bulk, pointers as
// indexes. What needs no text work (claim texts, citation metadata, the
// postings, the attributed spans, the document positions) is rebuilt.

// setWire is a Set on the wire.
type setWire struct {
	Claims   claimColumns
	Contests []contestWire
	// NameKeys and NameValues are the names map, sorted by key.
	NameKeys, NameValues []string
	Index                indexWire
}

// claimColumns holds the claims field by field. Repeated strings (kinds,
// speakers, hedges) are numbered once in Strings.
type claimColumns struct {
	Strings []string
	// Fields holds claimStringFields per claim, as indexes in Strings.
	Fields []uint32
	// SpanCounts is the number of spans of each claim; SpanDocs,
	// SpanStarts and SpanEnds the spans of all claims, in order.
	SpanCounts                     []uint32
	SpanDocs, SpanStarts, SpanEnds []int32
	// SourceCounts is the number of sources of each claim; a source is its
	// document's index, its paragraph and its quote.
	SourceCounts []uint32
	SourceDocs   []int32
	SourceParas  []int32
	SourceQuotes []string
	// HasMeasure marks the claims with a Measure; the measures follow in
	// order, their unit and class as indexes in Strings.
	HasMeasure            []bool
	MeasureLow, MeasureHi []float64
	MeasureUnits          []uint32
	MeasureClasses        []uint32
}

// contestWire is a Contest with its claims as indexes in the claim list.
type contestWire struct {
	Subject  string
	Claims   []int32
	Newest   int
	NewestBy string
}

// indexWire is the textIndex: the vocabulary, and every document's term ids
// and sentence starts, flattened in document order. Sentence starts need no
// counts: each document has one per sentence.
type indexWire struct {
	Words     []string
	WordCount []uint32
	Terms     []int32
	SentFirst []int32
}

// claimStringFields is how many string fields claimStrings lists.
const claimStringFields = 9

// claimStrings lists a claim's string fields in wire order; Text is not
// among them, as it is rebuilt from the claim's first span.
func claimStrings(c *Claim) [claimStringFields]*string {
	return [...]*string{&c.ID, &c.Speaker, &c.SpeakerID, (*string)(&c.Kind), &c.Hedge,
		&c.Likelihood, &c.Attribution, &c.About, &c.State}
}

// Encode writes s to enc for DecodeSet to read back.
func (s *Set) Encode(enc *gob.Encoder) error {
	w, err := s.wire()
	if err != nil {
		return err
	}
	return enc.Encode(&w)
}

func (s *Set) wire() (setWire, error) {
	cols, err := s.encodeClaims()
	if err != nil {
		return setWire{}, err
	}
	w := setWire{Claims: cols, Contests: s.encodeContests(), Index: s.index.encode()}
	w.NameKeys = slices.Sorted(maps.Keys(s.names))
	for _, k := range w.NameKeys {
		w.NameValues = append(w.NameValues, s.names[k])
	}
	return w, nil
}

// stringPool numbers distinct strings in the order they are first met.
type stringPool struct {
	ids     map[string]uint32
	strings []string
}

func (p *stringPool) ref(s string) uint32 {
	id, ok := p.ids[s]
	if !ok {
		id = uint32(len(p.strings))
		p.ids[s] = id
		p.strings = append(p.strings, s)
	}
	return id
}

func (s *Set) encodeClaims() (claimColumns, error) {
	var w claimColumns
	pool := stringPool{ids: map[string]uint32{}}
	for _, c := range s.claims {
		if len(c.spans) == 0 || len(c.Sources) == 0 {
			return w, fmt.Errorf("claims: claim %s has no span or no source", c.ID)
		}
		if first := c.spans[0]; s.docs[first.doc].Text[first.start:first.end] != c.Text {
			return w, fmt.Errorf("claims: claim %s text is not its first span", c.ID)
		}
		for _, f := range claimStrings(c) {
			w.Fields = append(w.Fields, pool.ref(*f))
		}
		w.SpanCounts = append(w.SpanCounts, uint32(len(c.spans)))
		for _, sp := range c.spans {
			w.SpanDocs = append(w.SpanDocs, int32(sp.doc))
			w.SpanStarts = append(w.SpanStarts, int32(sp.start))
			w.SpanEnds = append(w.SpanEnds, int32(sp.end))
		}
		w.SourceCounts = append(w.SourceCounts, uint32(len(c.Sources)))
		for _, src := range c.Sources {
			di, ok := s.docOrder[src.Doc]
			if !ok || s.docs[di].Meta != src.Meta {
				return w, fmt.Errorf("claims: claim %s cites %q, which is not a document of the set", c.ID, src.Doc)
			}
			w.SourceDocs = append(w.SourceDocs, int32(di))
			w.SourceParas = append(w.SourceParas, int32(src.Paragraph))
			w.SourceQuotes = append(w.SourceQuotes, src.Quote)
		}
		w.HasMeasure = append(w.HasMeasure, c.Measure != nil)
		if m := c.Measure; m != nil {
			w.MeasureLow = append(w.MeasureLow, m.Low)
			w.MeasureHi = append(w.MeasureHi, m.High)
			w.MeasureUnits = append(w.MeasureUnits, pool.ref(m.Unit))
			w.MeasureClasses = append(w.MeasureClasses, pool.ref(m.Class))
		}
	}
	w.Strings = pool.strings
	return w, nil
}

func (s *Set) encodeContests() []contestWire {
	at := make(map[*Claim]int32, len(s.claims))
	for i, c := range s.claims {
		at[c] = int32(i)
	}
	out := make([]contestWire, len(s.contests))
	for i, ct := range s.contests {
		out[i] = contestWire{Subject: ct.Subject, Newest: ct.Newest, NewestBy: ct.NewestBy}
		for _, c := range ct.Claims {
			out[i].Claims = append(out[i].Claims, at[c])
		}
	}
	return out
}

func (ix *textIndex) encode() indexWire {
	w := indexWire{Words: ix.words}
	for di := range ix.terms {
		w.WordCount = append(w.WordCount, uint32(len(ix.terms[di])))
		w.Terms = append(w.Terms, ix.terms[di]...)
		w.SentFirst = append(w.SentFirst, ix.sentFirst[di]...)
	}
	return w
}

// DecodeSet reads a Set written by Encode for the same docs, in the same
// order. The decoded claims cite those documents; bad input is an error.
func DecodeSet(dec *gob.Decoder, docs []*corpus.Document) (*Set, error) {
	var w setWire
	if err := dec.Decode(&w); err != nil {
		return nil, fmt.Errorf("claims: reading the snapshot: %w", err)
	}
	s := &Set{docs: docs, docOrder: docPositions(docs)}
	var err error
	if s.claims, err = decodeClaims(&w.Claims, docs); err != nil {
		return nil, fmt.Errorf("claims: snapshot: %w", err)
	}
	if s.contests, err = decodeContests(w.Contests, s.claims); err != nil {
		return nil, fmt.Errorf("claims: snapshot: %w", err)
	}
	if len(w.NameKeys) != len(w.NameValues) {
		return nil, errors.New("claims: snapshot: names and their keys differ in number")
	}
	s.names = make(map[string]string, len(w.NameKeys))
	for i, k := range w.NameKeys {
		s.names[k] = w.NameValues[i]
	}
	if s.index, err = decodeIndex(&w.Index, docs); err != nil {
		return nil, fmt.Errorf("claims: snapshot: %w", err)
	}
	s.said = indexSaid(s.claims, len(docs))
	return s, nil
}

// columnReader hands out consecutive runs of a flat column, checking that
// the counts add up to its length.
type columnReader struct {
	n, used int
	name    string
}

// take returns the bounds of the next k elements.
func (r *columnReader) take(k uint32) (int, int, error) {
	if uint64(k) > uint64(r.n-r.used) {
		return 0, 0, fmt.Errorf("%s: counts exceed the %d stored", r.name, r.n)
	}
	lo := r.used
	r.used += int(k)
	return lo, r.used, nil
}

// takeSome is take for a run that cannot be empty: every claim has a span
// and a source.
func (r *columnReader) takeSome(k uint32) (int, int, error) {
	if k == 0 {
		return 0, 0, fmt.Errorf("%s: an empty run", r.name)
	}
	return r.take(k)
}

func (r *columnReader) done() error {
	if r.used != r.n {
		return fmt.Errorf("%s: %d stored, %d counted", r.name, r.n, r.used)
	}
	return nil
}

func sameLength(name string, n int, lens ...int) error {
	for _, l := range lens {
		if l != n {
			return fmt.Errorf("%s: columns of different lengths", name)
		}
	}
	return nil
}

func decodeClaims(w *claimColumns, docs []*corpus.Document) ([]*Claim, error) {
	n := len(w.SpanCounts)
	if err := sameLength("claims", n, len(w.SourceCounts), len(w.HasMeasure), len(w.Fields)/claimStringFields); err != nil {
		return nil, err
	}
	if err := errors.Join(
		sameLength("claims", len(w.Fields), n*claimStringFields),
		sameLength("spans", len(w.SpanDocs), len(w.SpanStarts), len(w.SpanEnds)),
		sameLength("sources", len(w.SourceDocs), len(w.SourceParas), len(w.SourceQuotes)),
		sameLength("measures", len(w.MeasureLow), len(w.MeasureHi), len(w.MeasureUnits), len(w.MeasureClasses)),
	); err != nil {
		return nil, err
	}
	str := func(ref uint32) (string, error) {
		if int(ref) >= len(w.Strings) {
			return "", fmt.Errorf("string %d of %d", ref, len(w.Strings))
		}
		return w.Strings[ref], nil
	}
	backing := make([]Claim, n)
	out := make([]*Claim, n)
	spans := make([]span, len(w.SpanDocs))
	sources := make([]corpus.Citation, len(w.SourceDocs))
	measures := make([]Measure, len(w.MeasureLow))
	spanCol := columnReader{n: len(spans), name: "spans"}
	sourceCol := columnReader{n: len(sources), name: "sources"}
	measureCol := columnReader{n: len(measures), name: "measures"}
	for i := range backing {
		c := &backing[i]
		out[i] = c
		for k, f := range claimStrings(c) {
			var err error
			if *f, err = str(w.Fields[i*claimStringFields+k]); err != nil {
				return nil, fmt.Errorf("claim %d: %w", i, err)
			}
		}
		lo, hi, err := spanCol.takeSome(w.SpanCounts[i])
		if err != nil {
			return nil, fmt.Errorf("claim %d: %w", i, err)
		}
		for j := lo; j < hi; j++ {
			sp := span{doc: int(w.SpanDocs[j]), start: int(w.SpanStarts[j]), end: int(w.SpanEnds[j])}
			if sp.doc < 0 || sp.doc >= len(docs) || docs[sp.doc] == nil || sp.start < 0 || sp.start > sp.end || sp.end > len(docs[sp.doc].Text) {
				return nil, fmt.Errorf("claim %d: span %d outside the documents", i, j)
			}
			spans[j] = sp
		}
		c.spans = spans[lo:hi:hi]
		first := c.spans[0]
		c.Text = docs[first.doc].Text[first.start:first.end]
		if lo, hi, err = sourceCol.takeSome(w.SourceCounts[i]); err != nil {
			return nil, fmt.Errorf("claim %d: %w", i, err)
		}
		for j := lo; j < hi; j++ {
			di := int(w.SourceDocs[j])
			if di < 0 || di >= len(docs) || docs[di] == nil {
				return nil, fmt.Errorf("claim %d: source %d outside the documents", i, j)
			}
			d := docs[di]
			sources[j] = corpus.Citation{Doc: d.ID, Meta: d.Meta, Paragraph: int(w.SourceParas[j]), Quote: w.SourceQuotes[j]}
		}
		c.Sources = sources[lo:hi:hi]
		if !w.HasMeasure[i] {
			continue
		}
		if lo, _, err = measureCol.take(1); err != nil {
			return nil, err
		}
		m := &measures[lo]
		m.Low, m.High = w.MeasureLow[lo], w.MeasureHi[lo]
		if m.Unit, err = str(w.MeasureUnits[lo]); err == nil {
			m.Class, err = str(w.MeasureClasses[lo])
		}
		if err != nil {
			return nil, fmt.Errorf("claim %d measure: %w", i, err)
		}
		c.Measure = m
	}
	return out, errors.Join(spanCol.done(), sourceCol.done(), measureCol.done())
}

func decodeContests(ws []contestWire, claims []*Claim) ([]Contest, error) {
	var out []Contest
	for i, w := range ws {
		ct := Contest{Subject: w.Subject, Newest: w.Newest, NewestBy: w.NewestBy, Claims: make([]*Claim, len(w.Claims))}
		for j, ci := range w.Claims {
			if ci < 0 || int(ci) >= len(claims) {
				return nil, fmt.Errorf("contest %d: claim %d of %d", i, ci, len(claims))
			}
			ct.Claims[j] = claims[ci]
		}
		if ct.Newest < -1 || ct.Newest >= len(ct.Claims) {
			return nil, fmt.Errorf("contest %d: newest claim %d of %d", i, ct.Newest, len(ct.Claims))
		}
		out = append(out, ct)
	}
	return out, nil
}

func decodeIndex(w *indexWire, docs []*corpus.Document) (*textIndex, error) {
	if len(w.WordCount) != len(docs) {
		return nil, fmt.Errorf("word index: %d documents, %d given", len(w.WordCount), len(docs))
	}
	ix := &textIndex{docs: docs, words: w.Words, vocab: make(map[string]int32, len(w.Words)),
		terms: make([][]int32, len(docs)), sentFirst: make([][]int32, len(docs))}
	for id, word := range w.Words {
		ix.vocab[word] = int32(id)
	}
	if len(ix.vocab) != len(w.Words) {
		return nil, errors.New("word index: a word is listed twice")
	}
	for _, id := range w.Terms {
		if id < 0 || int(id) >= len(w.Words) {
			return nil, fmt.Errorf("word index: term %d of %d", id, len(w.Words))
		}
	}
	termCol := columnReader{n: len(w.Terms), name: "word index terms"}
	firstCol := columnReader{n: len(w.SentFirst), name: "word index sentences"}
	for di, d := range docs {
		lo, hi, err := termCol.take(w.WordCount[di])
		if err != nil {
			return nil, err
		}
		ix.terms[di] = cut(w.Terms, lo, hi)
		if d == nil {
			continue
		}
		if lo, hi, err = firstCol.take(uint32(len(d.Sentences))); err != nil {
			return nil, err
		}
		firsts := w.SentFirst[lo:hi:hi]
		if !slices.IsSorted(firsts) || len(firsts) > 0 && (firsts[0] < 0 || int(firsts[len(firsts)-1]) > len(ix.terms[di])) {
			return nil, fmt.Errorf("word index: document %d has sentence starts out of order or range", di)
		}
		ix.sentFirst[di] = firsts
	}
	if err := errors.Join(termCol.done(), firstCol.done()); err != nil {
		return nil, err
	}
	ix.postings = invert(ix.terms, ix.words)
	return ix, nil
}

// cut returns flat[lo:hi], nil when empty, as the builder leaves a
// document without words.
func cut(flat []int32, lo, hi int) []int32 {
	if lo == hi {
		return nil
	}
	return flat[lo:hi:hi]
}
