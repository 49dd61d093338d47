package actors

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/internal/wire"
)

// wireRegistry is a registry as a snapshot holds it. Everything per actor,
// mention, description or name is a column of basic values, and a list per
// actor is a column of lengths beside one flat column: gob decodes a column
// in a tight loop but a struct field by field, and a large corpus has
// hundreds of thousands of mentions. Pointers are indexes: a document is
// its index in the docs the registry was built from, an actor its index
// in All. What follows from the actors cheaply (the id map, the mention
// counts) is rebuilt rather than stored.
type wireRegistry struct {
	IDs, Names, Kinds     []string
	Aliases, PossiblySame wire.Ragged[string]

	// Mentions holds how many mentions each actor has; the four columns
	// after it hold one row per mention: millions on a large corpus, so
	// they travel as wire.Fixed bytes, raw, and are read into the
	// unexported columns.
	Mentions                                                  []uint32
	MentionDocs, MentionSentences, MentionStarts, MentionEnds []byte
	mentionDocs, mentionSentences, mentionStarts, mentionEnds []uint32

	// Descriptions holds how many each actor has, then per description its
	// text and how many citations; each citation is a document's sentence.
	Descriptions                    []uint32
	DescriptionTexts                []string
	Citations                       []uint32
	CitationDocs, CitationSentences []uint32

	// SentenceStarts and SentenceActors are the actors of every sentence
	// (sentenceActors' starts and actors): rebuilding them reads every
	// mention twice, each time at a random row (0.7 s of a restart at 1 GB).
	SentenceStarts, SentenceActors []int32

	Vocabulary      []string
	LowerStems      []string
	LowerStemCounts []int

	Relations wireRelations
	NameIndex wireNameIndex
}

// wireRelations holds each pair of actors mentioned together with the
// sentences kept as evidence, and each actor's pairs in the order the
// builder linked them, which Related keeps among equals. Rebuilding them
// would take a map lookup per pair of names in every sentence.
type wireRelations struct {
	As, Bs               []int32
	Strengths, Docs      []uint32
	LastDocs             []int32
	Refs                 []uint32 // per pair, how many sentences
	RefDocs, RefSentence []int32
	AdjActors            []int32
	Adj                  wire.Ragged[uint32] // indexes of pairs
}

// wireNameIndex is the name index. Building it folds every spelling and
// fills several large maps: 3 times as long as decoding the whole registry
// (10 MB corpus), so it is stored whole.
type wireNameIndex struct {
	// One row per entry, with the skeletons of the words of its key.
	Actors                    []int32
	Texts, Keys               []string
	Skeletons                 wire.Ragged[string]
	Exact, Trigrams, Phonetic postings
	// The sorted word references: prefixes by word, compacts by the
	// entry's compact form.
	PrefixWords    []string
	PrefixEntries  []int32
	CompactEntries []int32
}

// postings is a map from strings to entry ids: keyedLists, its keys in
// order.
type postings struct {
	Keys    []string
	Entries wire.Ragged[int32]
}

// Encode writes r to enc for DecodeRegistry to read back with the same
// documents, in the same order, as r was built from.
func (r *Registry) Encode(enc *wire.Encoder) error {
	var w wireRegistry
	docs := make([]*corpus.Document, r.sentences.docs())
	byID := make(map[string]int, len(docs))
	for d, di := range r.docIndex {
		docs[di] = d
	}
	for di, d := range docs {
		if d == nil {
			continue
		}
		if _, dup := byID[d.ID]; !dup {
			byID[d.ID] = di
		}
	}
	docIndex := func(d *corpus.Document) uint32 { return uint32(r.docIndex[d]) }
	for _, a := range r.actors {
		w.IDs, w.Names, w.Kinds = append(w.IDs, a.ID), append(w.Names, a.Name), append(w.Kinds, string(a.Kind))
		w.Aliases.Add(a.Aliases)
		w.PossiblySame.Add(a.PossiblySame)
		w.Mentions = append(w.Mentions, uint32(len(a.Mentioned)))
		for _, m := range a.Mentioned {
			w.mentionDocs = append(w.mentionDocs, docIndex(m.Doc))
			w.mentionSentences = append(w.mentionSentences, uint32(m.Sentence))
			w.mentionStarts, w.mentionEnds = append(w.mentionStarts, uint32(m.Start)), append(w.mentionEnds, uint32(m.End))
		}
		w.Descriptions = append(w.Descriptions, uint32(len(a.Descriptions)))
		for _, d := range a.Descriptions {
			w.DescriptionTexts = append(w.DescriptionTexts, d.Text)
			w.Citations = append(w.Citations, uint32(len(d.Citations)))
			for _, c := range d.Citations {
				doc, sentence, err := citedSentence(c, docs, byID)
				if err != nil {
					return fmt.Errorf("actors: %s: %w", a.ID, err)
				}
				w.CitationDocs, w.CitationSentences = append(w.CitationDocs, doc), append(w.CitationSentences, sentence)
			}
		}
	}
	// Maps go in map order: decoding does not need the keys sorted, and
	// sorting them would take a third of the encoding.
	w.Vocabulary = slices.Collect(maps.Keys(r.vocabulary))
	for k, n := range r.lowerStems {
		w.LowerStems, w.LowerStemCounts = append(w.LowerStems, k), append(w.LowerStemCounts, n)
	}
	w.SentenceStarts, w.SentenceActors = r.sentences.starts, r.sentences.actors
	w.Relations = r.links.wire()
	w.NameIndex = r.names.wire()
	return w.write(enc)
}

// mentionColumns pairs the mention columns on the wire with theirs read.
func (w *wireRegistry) mentionColumns() (raw []*[]byte, read []*[]uint32) {
	return []*[]byte{&w.MentionDocs, &w.MentionSentences, &w.MentionStarts, &w.MentionEnds},
		[]*[]uint32{&w.mentionDocs, &w.mentionSentences, &w.mentionStarts, &w.mentionEnds}
}

// write sends w, its mention columns fixed-width and raw.
func (w *wireRegistry) write(enc *wire.Encoder) error {
	raw, read := w.mentionColumns()
	for i := range raw {
		*raw[i] = wire.Fixed(*read[i])
	}
	return wire.Encode(enc, w, raw...)
}

// read receives what write sent.
func (w *wireRegistry) read(dec *wire.Decoder) error {
	raw, read := w.mentionColumns()
	if err := wire.Decode(dec, w, raw...); err != nil {
		return err
	}
	for i := range raw {
		var err error
		if *read[i], err = wire.Unfixed[uint32](*raw[i]); err != nil {
			return fmt.Errorf("mentions: %w", err)
		}
		*raw[i] = nil
	}
	return nil
}

// restoreSentences takes the actors of every sentence as a snapshot holds
// them, after checking they fit docs and the actors: a row per sentence,
// starts in order, actors that exist.
func (r *Registry) restoreSentences(docs []*corpus.Document, starts, actors []int32) error {
	r.numberRows(docs)
	sa := &r.sentences
	rows := int(sa.firstRow[len(docs)])
	if len(starts) != rows+1 || starts[0] != 0 || int(starts[rows]) != len(actors) {
		return fmt.Errorf("%d row starts for %d sentences and %d actors", len(starts), rows, len(actors))
	}
	for row := range rows {
		if starts[row] > starts[row+1] {
			return fmt.Errorf("row %d ends before it starts", row)
		}
	}
	if err := wire.Below(actors, len(r.actors), "actor"); err != nil {
		return err
	}
	if actors == nil {
		actors = []int32{} // as indexSentences makes it, for no sentence
	}
	sa.starts, sa.actors = starts, actors
	return nil
}

// citedSentence finds the sentence a description's citation quotes: one
// of its paragraph's sentences, as descriptions cite one sentence each.
func citedSentence(c corpus.Citation, docs []*corpus.Document, byID map[string]int) (doc, sentence uint32, err error) {
	di, ok := byID[c.Doc]
	if ok && c.Paragraph >= 1 && c.Paragraph <= len(docs[di].Paragraphs) {
		d := docs[di]
		p := d.Paragraphs[c.Paragraph-1]
		for si := p.FirstSentence; si < p.EndSentence; si++ {
			if d.CiteSentences(int(si), int(si)) == c {
				return uint32(di), uint32(si), nil
			}
		}
	}
	return 0, 0, fmt.Errorf("no sentence of %q is cited as %q", c.Doc, c.Quote)
}

func (rel *relations) wire() wireRelations {
	var w wireRelations
	index := make(map[*pairStat]uint32, len(rel.list))
	for _, p := range rel.list {
		index[p] = uint32(len(w.As))
		w.As, w.Bs, w.LastDocs = append(w.As, p.a), append(w.Bs, p.b), append(w.LastDocs, p.lastDoc)
		w.Strengths, w.Docs = append(w.Strengths, uint32(p.strength)), append(w.Docs, uint32(p.docs))
		w.Refs = append(w.Refs, uint32(len(p.refs)))
		for _, ref := range p.refs {
			w.RefDocs, w.RefSentence = append(w.RefDocs, ref.doc), append(w.RefSentence, ref.sentence)
		}
	}
	for a, list := range rel.adj {
		pairs := make([]uint32, len(list))
		for i, p := range list {
			pairs[i] = index[p]
		}
		w.AdjActors = append(w.AdjActors, a)
		w.Adj.Add(pairs)
	}
	return w
}

func (ix *nameIndex) wire() wireNameIndex {
	w := wireNameIndex{Exact: ix.exact.wire(), Trigrams: ix.trigrams.wire(), Phonetic: ix.skeletons.wire()}
	for _, e := range ix.entries {
		w.Actors, w.Texts, w.Keys = append(w.Actors, e.actor), append(w.Texts, e.text), append(w.Keys, e.key)
		w.Skeletons.Add(e.sks)
	}
	for _, ref := range ix.prefixes {
		w.PrefixWords, w.PrefixEntries = append(w.PrefixWords, ref.word), append(w.PrefixEntries, ref.entry)
	}
	for _, ref := range ix.compacts {
		w.CompactEntries = append(w.CompactEntries, ref.entry)
	}
	return w
}

// DecodeRegistry reads a registry written by Encode. docs returns the
// documents it was built from, in the same order: the registry points into
// them. It is called once the registry's own part is read, so that they
// may still be decoding until then. A snapshot that does not fit them
// gives an error.
func DecodeRegistry(dec *wire.Decoder, docs func() []*corpus.Document) (*Registry, error) {
	var w wireRegistry
	if err := w.read(dec); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	r, err := w.registry(docs())
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	return r, nil
}

func (w *wireRegistry) registry(docs []*corpus.Document) (*Registry, error) {
	if slices.Contains(docs, nil) {
		return nil, errors.New("a nil document")
	}
	n := len(w.IDs)
	for _, column := range []int{len(w.Names), len(w.Kinds), len(w.Aliases.Lens), len(w.PossiblySame.Lens), len(w.Mentions), len(w.Descriptions)} {
		if column != n {
			return nil, fmt.Errorf("columns of %d and %d actors", n, column)
		}
	}
	// The vocabulary and the name index need nothing else decoded: they are
	// rebuilt beside the actors.
	var (
		vocabulary map[string]bool
		lowerStems map[string]int
		names      *nameIndex
		sideErr    error
		side       sync.WaitGroup
	)
	side.Go(func() {
		if vocabulary, lowerStems, sideErr = w.words(); sideErr == nil {
			if names, sideErr = w.NameIndex.index(n); sideErr != nil {
				sideErr = fmt.Errorf("name index: %w", sideErr)
			}
		}
	})
	defer side.Wait()
	aliases, err := w.Aliases.Rows()
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	possiblySame, err := w.PossiblySame.Rows()
	if err != nil {
		return nil, fmt.Errorf("possibly-same names: %w", err)
	}
	mentions, err := w.mentions(docs)
	if err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	descriptions, err := w.descriptions(docs)
	if err != nil {
		return nil, fmt.Errorf("descriptions: %w", err)
	}
	// Sized by Grow, which leaves them nil when empty, as Build does.
	r := &Registry{actors: slices.Grow([]*Actor(nil), n), byID: make(map[string]*Actor, n), docIndex: make(map[*corpus.Document]int, len(docs))}
	for i := range n {
		a := &Actor{ID: w.IDs[i], Name: w.Names[i], Kind: Kind(w.Kinds[i]), Aliases: aliases[i], PossiblySame: possiblySame[i],
			Descriptions: descriptions[i], Mentioned: mentions[i]}
		if a.Aliases == nil {
			a.Aliases = []string{} // as Build makes it: the JSON form lists no aliases as []
		}
		if len(a.Descriptions) > 0 {
			a.Description = a.Descriptions[0].Text
		}
		a.countMentions()
		if r.byID[a.ID] != nil {
			return nil, fmt.Errorf("two actors with the id %q", a.ID)
		}
		r.byID[a.ID], r.actors = a, append(r.actors, a)
	}
	// Which documents each is the author of follows from the documents;
	// every author is one of the actors kept.
	if len(linkAuthors(r.actors, docs)) != n {
		return nil, errors.New("an author the actors do not hold")
	}
	if err := r.restoreSentences(docs, w.SentenceStarts, w.SentenceActors); err != nil {
		return nil, fmt.Errorf("sentences: %w", err)
	}
	if r.links, err = w.Relations.relations(docs, n); err != nil {
		return nil, fmt.Errorf("relations: %w", err)
	}
	if side.Wait(); sideErr != nil {
		return nil, sideErr
	}
	r.vocabulary, r.lowerStems, r.names = vocabulary, lowerStems, names
	names.actors = r.actors
	return r, nil
}

// mentions returns each actor's mentions, each checked to lie in its
// document's sentence.
func (w *wireRegistry) mentions(docs []*corpus.Document) ([][]Mention, error) {
	total := len(w.mentionDocs)
	if len(w.mentionSentences) != total || len(w.mentionStarts) != total || len(w.mentionEnds) != total {
		return nil, errors.New("columns differ in length")
	}
	offs, err := wire.Offsets(w.Mentions, total)
	if err != nil {
		return nil, err
	}
	flat := make([]Mention, total)
	for i, di := range w.mentionDocs {
		if int(di) >= len(docs) {
			return nil, fmt.Errorf("document %d out of range", di)
		}
		d, si, start, end := docs[di], w.mentionSentences[i], w.mentionStarts[i], w.mentionEnds[i]
		if int(si) >= len(d.Sentences) {
			return nil, fmt.Errorf("%s: sentence %d out of range", d.ID, si)
		}
		// A sentence's span is 32-bit; one inside it is too.
		if s := d.Sentences[si]; int64(start) < int64(s.Start) || start > end || int64(end) > int64(s.End) {
			return nil, fmt.Errorf("%s: span %d-%d outside sentence %d", d.ID, start, end, si)
		}
		flat[i] = Mention{Doc: d, Sentence: int32(si), Start: int32(start), End: int32(end)}
	}
	return wire.Split(flat, offs), nil
}

// descriptions returns each actor's descriptions, citing the stored
// sentences.
func (w *wireRegistry) descriptions(docs []*corpus.Document) ([][]Description, error) {
	if len(w.Citations) != len(w.DescriptionTexts) || len(w.CitationSentences) != len(w.CitationDocs) {
		return nil, errors.New("columns differ in length")
	}
	cites := make([]corpus.Citation, len(w.CitationDocs))
	for i, di := range w.CitationDocs {
		si := int(w.CitationSentences[i])
		if int(di) >= len(docs) || si >= len(docs[di].Sentences) {
			return nil, fmt.Errorf("cited sentence %d of document %d out of range", si, di)
		}
		cites[i] = docs[di].CiteSentences(si, si)
	}
	citeOffs, err := wire.Offsets(w.Citations, len(cites))
	if err != nil {
		return nil, err
	}
	citations := wire.Split(cites, citeOffs)
	flat := make([]Description, len(w.DescriptionTexts))
	for i, text := range w.DescriptionTexts {
		flat[i] = Description{Text: text, Citations: citations[i]}
	}
	offs, err := wire.Offsets(w.Descriptions, len(flat))
	if err != nil {
		return nil, err
	}
	return wire.Split(flat, offs), nil
}

// relations rebuilds the pairs of actors among the first actors of all,
// citing sentences of docs.
func (w *wireRelations) relations(docs []*corpus.Document, actors int) (*relations, error) {
	n := len(w.As)
	if len(w.Bs) != n || len(w.Strengths) != n || len(w.Docs) != n || len(w.LastDocs) != n || len(w.Refs) != n ||
		len(w.RefSentence) != len(w.RefDocs) || len(w.AdjActors) != len(w.Adj.Lens) {
		return nil, errors.New("columns differ in length")
	}
	refs := make([]sentRef, len(w.RefDocs))
	for i, di := range w.RefDocs {
		si := w.RefSentence[i]
		if di < 0 || int(di) >= len(docs) || si < 0 || int(si) >= len(docs[di].Sentences) {
			return nil, fmt.Errorf("sentence %d of document %d out of range", si, di)
		}
		refs[i] = sentRef{di, si}
	}
	refOffs, err := wire.Offsets(w.Refs, len(refs))
	if err != nil {
		return nil, err
	}
	evidence := wire.Split(refs, refOffs)
	stats := make([]pairStat, n)
	// Sized by Grow, which leaves it nil when empty, as building does.
	rel := &relations{docs: docs, list: slices.Grow([]*pairStat(nil), n)[:n], adj: make(map[int32][]*pairStat, len(w.AdjActors))}
	keys := make([]uint64, n)
	for i := range stats {
		a, b := w.As[i], w.Bs[i]
		if a < 0 || a >= b || int(b) >= actors {
			return nil, fmt.Errorf("a pair %d-%d out of range", a, b)
		}
		stats[i] = pairStat{a: a, b: b, strength: int(w.Strengths[i]), docs: int(w.Docs[i]), lastDoc: w.LastDocs[i], refs: evidence[i]}
		rel.list[i], keys[i] = &stats[i], pairKey(a, b)
	}
	slices.Sort(keys) // a repeated pair, sorted, sits next to itself
	for i := 1; i < len(keys); i++ {
		if keys[i] == keys[i-1] {
			return nil, fmt.Errorf("the pair %d-%d repeated", keys[i]>>32, uint32(keys[i]))
		}
	}
	adj, err := w.Adj.Rows()
	if err != nil {
		return nil, err
	}
	for i, a := range w.AdjActors {
		if a < 0 || int(a) >= actors {
			return nil, fmt.Errorf("actor %d out of range", a)
		}
		list := make([]*pairStat, len(adj[i]))
		for j, p := range adj[i] {
			if int(p) >= n {
				return nil, fmt.Errorf("pair %d out of range", p)
			}
			list[j] = &stats[p]
		}
		rel.adj[a] = list
	}
	return rel, nil
}

// words rebuilds the corpus vocabulary and the stems written in lower case.
func (w *wireRegistry) words() (map[string]bool, map[string]int, error) {
	if len(w.LowerStemCounts) != len(w.LowerStems) {
		return nil, nil, errors.New("lower-case stems and counts differ in number")
	}
	vocabulary := make(map[string]bool, len(w.Vocabulary))
	for _, k := range w.Vocabulary {
		vocabulary[k] = true
	}
	lowerStems := make(map[string]int, len(w.LowerStems))
	for i, k := range w.LowerStems {
		lowerStems[k] = w.LowerStemCounts[i]
	}
	return vocabulary, lowerStems, nil
}

// index rebuilds the name index of as many actors, whose slice the caller
// sets once made; the entries' derived forms are made by the code that
// builds them, from the stored folded keys.
func (w *wireNameIndex) index(actors int) (*nameIndex, error) {
	n := len(w.Actors)
	if len(w.Texts) != n || len(w.Keys) != n || len(w.Skeletons.Lens) != n || len(w.CompactEntries) != n || len(w.PrefixWords) != len(w.PrefixEntries) {
		return nil, errors.New("columns differ in length")
	}
	skeletons, err := w.Skeletons.Rows()
	if err != nil {
		return nil, fmt.Errorf("skeletons: %w", err)
	}
	ix := &nameIndex{entries: slices.Grow([]nameEntry(nil), n)}
	for i, ai := range w.Actors {
		if ai < 0 || int(ai) >= actors {
			return nil, fmt.Errorf("actor %d out of range", ai)
		}
		e := newNameEntry(ai, w.Texts[i], w.Keys[i], skeletons[i])
		if len(e.sks) != len(e.words) {
			return nil, fmt.Errorf("%q has %d words and %d skeletons", e.key, len(e.words), len(e.sks))
		}
		ix.entries = append(ix.entries, e)
	}
	for _, p := range []struct {
		name string
		into *keyedLists
		from postings
	}{{"exact keys", &ix.exact, w.Exact}, {"trigrams", &ix.trigrams, w.Trigrams}, {"skeletons", &ix.skeletons, w.Phonetic}} {
		if *p.into, err = p.from.lists(n); err != nil {
			return nil, fmt.Errorf("%s: %w", p.name, err)
		}
	}
	if err := wire.Below(w.PrefixEntries, n, "entry"); err != nil {
		return nil, fmt.Errorf("prefixes: %w", err)
	}
	if err := wire.Below(w.CompactEntries, n, "entry"); err != nil {
		return nil, fmt.Errorf("compact forms: %w", err)
	}
	ix.prefixes = slices.Grow(ix.prefixes, len(w.PrefixWords))
	for i, word := range w.PrefixWords {
		ix.prefixes = append(ix.prefixes, wordRef{word, w.PrefixEntries[i]})
	}
	ix.compacts = slices.Grow(ix.compacts, n)
	for _, e := range w.CompactEntries {
		ix.compacts = append(ix.compacts, wordRef{ix.entries[e].compact, e})
	}
	// Prefix search halves these lists: out of order, it would miss names.
	if !refsSorted(ix.prefixes) || !refsSorted(ix.compacts) {
		return nil, errors.New("word lists out of order")
	}
	ix.initPool()
	return ix, nil
}
