package claims

import (
	"errors"
	"fmt"
	"strings"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/internal/wire"
)

// claimColumns is the claims on the wire. Ints holds, claim after claim:
// its claimStringFields strings (indexes in Strings); its number of spans,
// then each span's document, start and length; its number of sources, then
// each one's document, paragraph, sentence (0 when it names none) and quote (0 for the next of Quotes, else
// 1 + its start in the document, then its length); 1 when it has a
// measure, then the measure's unit and class (indexes in Strings), else 0.
// MeasureLow/MeasureHigh hold the measures' bounds, in order. A claim's text
// is its first span's, a source's metadata its document's, and a quote
// found around the claim's spans is read from the document's text, which
// it then shares.
type claimColumns struct {
	Claims, Spans, Sources  int // totals, so that each is allocated at once
	Strings                 []string
	Ints                    wire.Varints
	Quotes                  []string
	MeasureLow, MeasureHigh []float64
}

// claimStringFields is how many string fields claimStrings lists.
const claimStringFields = 9

// claimStrings lists a claim's string fields in wire order.
func claimStrings(c *Claim) [claimStringFields]*string {
	return [...]*string{&c.ID, &c.Speaker, &c.SpeakerID, (*string)(&c.Kind), &c.Hedge,
		&c.Likelihood, &c.Attribution, &c.About, &c.State}
}

func (s *Set) encodeClaims() (claimColumns, error) {
	w := claimColumns{Claims: len(s.claims)}
	pool := wire.StringPool{}
	var quotes []string
	for _, c := range s.claims {
		if len(c.spans) == 0 || len(c.Sources) == 0 {
			return w, fmt.Errorf("claims: claim %s has no span or no source", c.ID)
		}
		if first := c.spans[0]; s.docs[first.doc].Text[first.start:first.end] != c.Text {
			return w, fmt.Errorf("claims: claim %s text is not its first span", c.ID)
		}
		for _, f := range claimStrings(c) {
			w.Ints.Add(pool.Ref(*f))
		}
		w.Ints.Add(len(c.spans))
		for _, sp := range c.spans {
			w.Ints.Add(sp.doc)
			w.Ints.Add(sp.start)
			w.Ints.Add(sp.end - sp.start)
		}
		w.Ints.Add(len(c.Sources))
		for _, src := range c.Sources {
			di, ok := s.docOrder[src.Doc]
			if !ok || s.docs[di].Meta != src.Meta {
				return w, fmt.Errorf("claims: claim %s cites %q, which is not a document of the set", c.ID, src.Doc)
			}
			w.Ints.Add(di)
			w.Ints.Add(src.Paragraph)
			w.Ints.Add(src.Sentence)
			if at := quoteAt(s.docs[di].Text, src.Quote, c.spans, di); at >= 0 {
				w.Ints.Add(1 + at)
				w.Ints.Add(len(src.Quote))
			} else {
				w.Ints.Add(0)
				quotes = append(quotes, src.Quote)
			}
		}
		w.Spans += len(c.spans)
		w.Sources += len(c.Sources)
		if c.Measure == nil {
			w.Ints.Add(0)
			continue
		}
		w.Ints.Add(1)
		w.Ints.Add(pool.Ref(c.Measure.Unit))
		w.Ints.Add(pool.Ref(c.Measure.Class))
		w.MeasureLow = append(w.MeasureLow, c.Measure.Low)
		w.MeasureHigh = append(w.MeasureHigh, c.Measure.High)
	}
	w.Strings, w.Quotes = pool.Strings(), quotes
	return w, nil
}

// quoteAt returns where quote lies in document di's text around one of
// the spans, or -1: a citation quotes the sentences holding a claim.
func quoteAt(text, quote string, spans []span, di int) int {
	for _, sp := range spans {
		lo, hi := max(0, sp.end-len(quote)), min(len(text), sp.start+len(quote))
		if sp.doc != di || lo >= hi {
			continue
		}
		if i := strings.Index(text[lo:hi], quote); i >= 0 {
			return lo + i
		}
	}
	return -1
}

// claimDecoder reads claimColumns back. The claims' spans, sources and
// measures are cut from one allocation each, handed out in order.
type claimDecoder struct {
	docs            []*corpus.Document
	ints            *wire.VarintReader
	strings, quotes []string
	spans           []span
	sources         []corpus.Citation
	measures        []Measure
	low, high       []float64
}

func decodeClaims(w *claimColumns, docs []*corpus.Document) ([]*Claim, error) {
	n, err := wire.CountOf("claims", w.Claims, w.Ints)
	if err != nil {
		return nil, err
	}
	d := &claimDecoder{docs: docs, ints: w.Ints.Reader("claim fields"), low: w.MeasureLow, high: w.MeasureHigh}
	if len(d.low) != len(d.high) {
		return nil, errors.New("measure bounds differ in number")
	}
	d.strings, d.quotes = w.Strings, w.Quotes
	spans, err := wire.CountOf("spans", w.Spans, w.Ints)
	if err != nil {
		return nil, err
	}
	sources, err := wire.CountOf("sources", w.Sources, w.Ints)
	if err != nil {
		return nil, err
	}
	d.spans, d.sources, d.measures = make([]span, spans), make([]corpus.Citation, sources), make([]Measure, len(d.low))
	backing := make([]Claim, n)
	out := make([]*Claim, n)
	for i := range backing {
		if err := d.claim(&backing[i]); err != nil {
			return nil, fmt.Errorf("claim %d: %w", i, err)
		}
		out[i] = &backing[i]
	}
	if len(d.spans) > 0 || len(d.sources) > 0 || len(d.measures) > 0 || len(d.quotes) > 0 {
		return nil, errors.New("more spans, sources, quotes or measures stored than the claims hold")
	}
	return out, d.ints.Done()
}

func (d *claimDecoder) claim(c *Claim) error {
	for _, f := range claimStrings(c) {
		ref, err := d.ints.Next(len(d.strings))
		if err != nil {
			return err
		}
		*f = d.strings[ref]
	}
	var err error
	if c.spans, err = nextRun(d, &d.spans, d.span); err != nil {
		return err
	}
	first := c.spans[0]
	c.Text = d.docs[first.doc].Text[first.start:first.end]
	if c.Sources, err = nextRun(d, &d.sources, d.source); err != nil {
		return err
	}
	c.Measure, err = d.claimMeasure()
	return err
}

// nextRun reads a claim's spans or sources: how many (at least one), cut
// from the front of *pool, then each one's document and what read reads.
func nextRun[T any](d *claimDecoder, pool *[]T, read func(di int, doc *corpus.Document) (T, error)) ([]T, error) {
	k, err := d.ints.Next(len(*pool) + 1)
	if err == nil && k == 0 {
		err = errors.New("no span or no source")
	}
	if err != nil {
		return nil, err
	}
	run := (*pool)[:k:k]
	*pool = (*pool)[k:]
	for j := range run {
		di, err := d.ints.Next(len(d.docs))
		if err == nil && d.docs[di] == nil {
			err = fmt.Errorf("document %d is missing", di)
		}
		if err != nil {
			return nil, err
		}
		if run[j], err = read(di, d.docs[di]); err != nil {
			return nil, err
		}
	}
	return run, nil
}

// span reads a span's start and length in doc.
func (d *claimDecoder) span(di int, doc *corpus.Document) (span, error) {
	start, err := d.ints.Next(len(doc.Text) + 1)
	if err != nil {
		return span{}, err
	}
	length, err := d.ints.Next(len(doc.Text) - start + 1)
	return span{doc: di, start: start, end: start + length}, err
}

// source reads a citation's paragraph, sentence and quote in doc.
func (d *claimDecoder) source(_ int, doc *corpus.Document) (corpus.Citation, error) {
	para, err := d.ints.Next(len(doc.Paragraphs) + 1)
	if err != nil {
		return corpus.Citation{}, err
	}
	sentences := 0
	if para > 0 {
		sentences = doc.Paragraphs[para-1].Sentences()
	}
	sentence, err := d.ints.Next(sentences + 1)
	if err != nil {
		return corpus.Citation{}, err
	}
	quote, err := d.quote(doc.Text)
	return corpus.Citation{Doc: doc.ID, Meta: doc.Meta, Paragraph: para, Sentence: sentence, Quote: quote}, err
}

func (d *claimDecoder) quote(text string) (string, error) {
	at, err := d.ints.Next(len(text) + 2)
	switch {
	case err != nil:
		return "", err
	case at > 0:
		n, err := d.ints.Next(len(text) - (at - 1) + 1)
		return text[at-1 : at-1+n], err
	case len(d.quotes) == 0:
		return "", errors.New("more quotes than stored")
	}
	q := d.quotes[0]
	d.quotes = d.quotes[1:]
	return q, nil
}

func (d *claimDecoder) claimMeasure() (*Measure, error) {
	has, err := d.ints.Next(2)
	if err != nil || has == 0 {
		return nil, err
	}
	if len(d.measures) == 0 {
		return nil, errors.New("more measures than stored")
	}
	m := &d.measures[0]
	m.Low, m.High = d.low[0], d.high[0]
	d.measures, d.low, d.high = d.measures[1:], d.low[1:], d.high[1:]
	for _, f := range []*string{&m.Unit, &m.Class} {
		ref, err := d.ints.Next(len(d.strings))
		if err != nil {
			return nil, err
		}
		*f = d.strings[ref]
	}
	return m, nil
}
