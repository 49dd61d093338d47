package answer

import (
	"errors"
	"fmt"
	"maps"
	"slices"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/internal/wire"
)

// engineWire is the engine as the snapshot stores it. Everything that took
// tokenizing, folding or stemming to build is here, column by column, lists
// of lists flattened to offsets and one flat slice; what follows cheaply
// from the documents (sentence layout, document ids, BM25 norms, the related
// words, scratch space) is rebuilt on decode.
type engineWire struct {
	Docs, Actors      int // the shape of the docs and registry it was built on
	HasReg, HasClaims bool

	// The largest columns, as wire.Fixed bytes, travel raw; read,
	// they are the unexported fields.
	Lens, Offs, Post, VocabKeys []byte
	lens                        []uint16
	offs, post                  []uint32
	keys                        []uint64

	Repeat                             []uint64
	RepeatKeys, RepeatOffs, RepeatFlat []uint32
	Terms                              []string // by term id

	VocabWords                         []string
	VocabSorted, VocabTerm, VocabFreq  []uint32
	VocabName                          []bool
	DescTerms, DescOffs                []uint32
	DescActors                         []int // indexes in reg.All()
	ContestSents                       []uint32
	ContestOf                          []int
	ContestOffs, ContestFlat, NameOffs []uint32
	Names                              []string // name words of each actor of reg.All()
	Authors                            []int    // indexes in reg.All()
	// Contexts holds each document's context text, which takes reading
	// an undated document whole to work out again.
	Contexts []string
}

// Encode writes the engine to enc for DecodeEngine to read back.
func (e *Engine) Encode(enc *wire.Encoder) error {
	if e == nil || e.ix == nil || e.links == nil {
		return errors.New("answer snapshot: no engine to encode")
	}
	ix, l := e.ix, e.links
	w := engineWire{
		Docs: len(ix.docs), HasReg: l.reg != nil, HasClaims: l.cl != nil,
		lens: ix.lens, Repeat: ix.repeat, offs: ix.offs, post: ix.post,
		VocabWords: ix.vocab.words, VocabSorted: ix.vocab.sorted, VocabTerm: ix.vocab.term,
		VocabFreq: ix.vocab.freq, VocabName: ix.vocab.name, keys: ix.vocab.keys, Contexts: ix.contexts,
	}
	w.RepeatKeys, w.RepeatOffs, w.RepeatFlat = flattenMap(ix.repeats)
	w.Terms = make([]string, len(ix.terms))
	for t, id := range ix.terms {
		w.Terms[id] = t
	}
	w.DescTerms, w.DescOffs, w.DescActors = flattenMap(l.descActors)
	w.ContestSents = slices.Sorted(maps.Keys(l.contestOf))
	for _, s := range w.ContestSents {
		w.ContestOf = append(w.ContestOf, l.contestOf[s])
	}
	w.ContestOffs, w.ContestFlat = wire.Flatten(l.contests)
	if l.reg != nil {
		all := l.reg.All()
		w.Actors = len(all)
		at := make(map[string]int, len(all))
		names := make([][]string, len(all))
		for i, a := range all {
			at[a.ID] = i
			names[i] = l.names[a.ID]
		}
		w.NameOffs, w.Names = wire.Flatten(names)
		for _, id := range l.authors {
			w.Authors = append(w.Authors, at[id])
		}
	}
	if err := w.write(enc); err != nil {
		return fmt.Errorf("answer snapshot: %w", err)
	}
	return nil
}

// write sends w, its largest columns fixed-width and raw.
func (w *engineWire) write(enc *wire.Encoder) error {
	w.Lens, w.Offs, w.Post, w.VocabKeys = wire.Fixed(w.lens), wire.Fixed(w.offs), wire.Fixed(w.post), wire.Fixed(w.keys)
	return wire.Encode(enc, w, &w.Lens, &w.Offs, &w.Post, &w.VocabKeys)
}

// read receives what write sent.
func (w *engineWire) read(dec *wire.Decoder) error {
	err := wire.Decode(dec, w, &w.Lens, &w.Offs, &w.Post, &w.VocabKeys)
	if err != nil {
		return err
	}
	if w.lens, err = wire.Unfixed[uint16](w.Lens); err != nil {
		return fmt.Errorf("sentence lengths: %w", err)
	}
	if w.offs, err = wire.Unfixed[uint32](w.Offs); err != nil {
		return fmt.Errorf("posting offsets: %w", err)
	}
	if w.post, err = wire.Unfixed[uint32](w.Post); err != nil {
		return fmt.Errorf("postings: %w", err)
	}
	if w.keys, err = wire.Unfixed[uint64](w.VocabKeys); err != nil {
		return fmt.Errorf("vocabulary keys: %w", err)
	}
	w.Lens, w.Offs, w.Post, w.VocabKeys = nil, nil, nil, nil
	return nil
}

// DecodeEngine reads an engine that Encode wrote for the same docs. linked
// returns the registry and claim set it was built over (nil for an engine
// built without them); it is called once the engine's own part is read, so
// that they may still be decoding until then. DecodeEngine checks every
// length and index it reads.
func DecodeEngine(dec *wire.Decoder, docs []*corpus.Document, linked func() (*actors.Registry, *claims.Set)) (*Engine, error) {
	var w engineWire
	if err := w.read(dec); err != nil {
		return nil, fmt.Errorf("answer snapshot: %w", err)
	}
	if len(docs) != w.Docs || slices.Contains(docs, nil) {
		return nil, fmt.Errorf("answer snapshot: built on %d documents, given %d (nil ones included)", w.Docs, len(docs))
	}
	ix := newIndex(docs)
	if err := w.fillIndex(ix); err != nil {
		return nil, fmt.Errorf("answer snapshot: %w", err)
	}
	// All but the links needs the index alone: made while the registry
	// and the claims may still be decoding. The links are filled in
	// before the engine is returned.
	l := &links{}
	e := newEngine(ix, l)
	reg, set := linked()
	if err := w.link(l, ix, reg, set); err != nil {
		return nil, fmt.Errorf("answer snapshot: %w", err)
	}
	return e, nil
}

// link fills in l, the links of ix, to the registry and claim set.
func (w *engineWire) link(l *links, ix *index, reg *actors.Registry, set *claims.Set) error {
	if w.HasReg {
		if reg == nil || len(reg.All()) != w.Actors {
			return fmt.Errorf("built with a registry of %d actors, not given it", w.Actors)
		}
		l.reg = reg
	}
	if w.HasClaims {
		if set == nil {
			return errors.New("built with claims, given none")
		}
		l.cl = set
	}
	return w.fillLinks(l, len(ix.sents), len(ix.terms))
}

// fillIndex sets the stored parts of ix, whose sentences are laid out.
func (w *engineWire) fillIndex(ix *index) error {
	n := len(ix.sents)
	if len(w.lens) != n {
		return fmt.Errorf("%d sentence lengths for %d sentences", len(w.lens), n)
	}
	if len(w.Repeat) > (n+63)/64 {
		return fmt.Errorf("repeat set of %d words for %d sentences", len(w.Repeat), n)
	}
	if len(w.Contexts) != len(ix.docs) {
		return fmt.Errorf("%d document contexts for %d documents", len(w.Contexts), len(ix.docs))
	}
	ix.lens, ix.repeat, ix.contexts = w.lens, w.Repeat, w.Contexts
	ix.setNorms()
	var err error
	if ix.repeats, err = unflattenMap(w.RepeatKeys, w.RepeatOffs, w.RepeatFlat, n, n, "repeats"); err != nil {
		return err
	}
	nTerms := len(w.Terms)
	if len(w.offs) != nTerms+1 {
		return fmt.Errorf("%d posting offsets for %d terms", len(w.offs), nTerms)
	}
	if err := wire.CheckOffsets(w.offs, len(w.post), "postings"); err != nil {
		return err
	}
	if err := wire.Below(w.post, n, "posting"); err != nil {
		return err
	}
	ix.offs, ix.post = w.offs, w.post
	ix.terms = make(map[string]uint32, nTerms)
	for id, t := range w.Terms {
		ix.terms[t] = uint32(id)
	}
	if len(ix.terms) != nTerms {
		return errors.New("a term is listed twice")
	}
	v, err := w.vocabulary(nTerms)
	ix.vocab = v
	return err
}

func (w *engineWire) vocabulary(nTerms int) (*vocabulary, error) {
	n := len(w.VocabWords)
	if n > maxTypoWords || len(w.VocabSorted) != n || len(w.VocabTerm) != n || len(w.VocabFreq) != n || len(w.VocabName) != n {
		return nil, fmt.Errorf("vocabulary columns disagree on its %d words", n)
	}
	for _, word := range w.VocabWords {
		if len(word) < minTypoLen || !isASCIILetters(word) {
			return nil, fmt.Errorf("vocabulary word %q is not one the builder keeps", word)
		}
	}
	if err := wire.Below(w.VocabSorted, n, "vocabulary order"); err != nil {
		return nil, err
	}
	if err := wire.Below(w.VocabTerm, nTerms, "vocabulary term"); err != nil {
		return nil, err
	}
	for _, k := range w.keys {
		if int(k&wordMask) >= n {
			return nil, fmt.Errorf("vocabulary key of word %d, of %d", k&wordMask, n)
		}
	}
	return &vocabulary{words: w.VocabWords, sorted: w.VocabSorted, term: w.VocabTerm, freq: w.VocabFreq, name: w.VocabName,
		keys: w.keys}, nil
}

// fillLinks sets the stored parts of l, whose reg and cl are set.
func (w *engineWire) fillLinks(l *links, nSents, nTerms int) error {
	var err error
	if l.reg != nil {
		all := l.reg.All()
		if l.descActors, err = unflattenMap(w.DescTerms, w.DescOffs, w.DescActors, nTerms, len(all), "described actors"); err != nil {
			return err
		}
		if l.descActors == nil {
			l.descActors = map[uint32][]int{}
		}
		names, err := wire.Unflatten(w.NameOffs, w.Names, len(all), "name words")
		if err != nil {
			return err
		}
		l.names = make(map[string][]string, len(all))
		for i, a := range all {
			l.names[a.ID] = names[i]
		}
		if err := wire.Below(w.Authors, len(all), "author"); err != nil {
			return err
		}
		for _, i := range w.Authors {
			l.authors = append(l.authors, all[i].ID)
		}
	}
	if l.cl == nil {
		return nil
	}
	if l.contests, err = wire.Unflatten(w.ContestOffs, w.ContestFlat, len(w.ContestOffs)-1, "contests"); err != nil {
		return err
	}
	if err := wire.Below(w.ContestFlat, nSents, "contest sentence"); err != nil {
		return err
	}
	if err := wire.Below(w.ContestSents, nSents, "contested sentence"); err != nil {
		return err
	}
	if len(w.ContestOf) != len(w.ContestSents) {
		return fmt.Errorf("%d contests for %d contested sentences", len(w.ContestOf), len(w.ContestSents))
	}
	if err := wire.Below(w.ContestOf, len(l.contests), "contest"); err != nil {
		return err
	}
	l.contestOf = make(map[uint32]int, len(w.ContestSents))
	for i, s := range w.ContestSents {
		l.contestOf[s] = w.ContestOf[i]
	}
	return nil
}

// flattenMap flattens a map of lists by ascending key, so that the same
// engine always encodes the same way.
func flattenMap[T any](m map[uint32][]T) (keys, offs []uint32, flat []T) {
	keys = slices.Sorted(maps.Keys(m))
	lists := make([][]T, len(keys))
	for i, k := range keys {
		lists[i] = m[k]
	}
	offs, flat = wire.Flatten(lists)
	return keys, offs, flat
}

// unflattenMap undoes flattenMap, checking keys against keyLimit and
// values against valueLimit. No keys give a nil map, as built.
func unflattenMap[T uint32 | int](keys, offs []uint32, flat []T, keyLimit, valueLimit int, what string) (map[uint32][]T, error) {
	lists, err := wire.Unflatten(offs, flat, len(keys), what)
	if err != nil {
		return nil, err
	}
	if err := wire.Below(keys, keyLimit, what+" key"); err != nil {
		return nil, err
	}
	if err := wire.Below(flat, valueLimit, what); err != nil {
		return nil, err
	}
	if len(keys) == 0 {
		return nil, nil
	}
	m := make(map[uint32][]T, len(keys))
	for i, k := range keys {
		m[k] = lists[i]
	}
	return m, nil
}
