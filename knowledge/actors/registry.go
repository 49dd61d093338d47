package actors

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/internal/parallel"
	"briefbot/knowledge/words"
)

// Registry holds the actors of a set of documents. It is immutable after
// Build and safe for concurrent use.
type Registry struct {
	actors     []*Actor // most mentioned first
	byID       map[string]*Actor
	docIndex   map[*corpus.Document]int
	sentences  sentenceActors
	links      *relations
	names      *nameIndex
	vocabulary map[string]bool // every folded word of the corpus, and its stem
	lowerStems map[string]int  // stems of the words the corpus writes in lower case
}

// Build finds the actors of docs. The same documents always give the same
// actors, ids and order. It runs in time linear in the size of the corpus.
func Build(docs []*corpus.Document) *Registry { return Read(docs).Registry() }

// Reading is what the name finder read in a corpus, before the names are
// resolved into actors.
type Reading struct {
	docs  []*corpus.Document
	vocab *vocabulary
	spans []rawSpan
	defs  []acronymDef
}

// Read reads the names of docs on all CPUs; Registry resolves them, mostly
// on one, so a caller may run other work beside it.
func Read(docs []*corpus.Document) *Reading {
	v, spans, defs := readCorpus(docs)
	return &Reading{docs: docs, vocab: v, spans: spans, defs: defs}
}

// Registry resolves the names read into actors. A Reading is resolved once.
func (rd *Reading) Registry() *Registry {
	authors := make([]string, 0, len(rd.docs))
	for _, d := range rd.docs {
		if d != nil {
			authors = append(authors, AuthorOf(d))
		}
	}
	res := newResolver(rd.spans, rd.defs, len(rd.docs), authors)
	rd.spans, rd.defs = nil, nil
	return newRegistry(rd.docs, rd.vocab, res)
}

func newRegistry(docs []*corpus.Document, v *vocabulary, res *resolver) *Registry {
	r := &Registry{byID: map[string]*Actor{}, docIndex: map[*corpus.Document]int{}, vocabulary: v.anyWords, lowerStems: v.lower}
	clusters := res.clusters()
	listCues := listEvidence(res.spans)
	// Each cluster's actor depends on its own forms only: made on all CPUs,
	// kept in cluster order.
	made := make([]*Actor, len(clusters))
	parallel.For(len(clusters), func(_, i int) {
		if a := res.makeActor(clusters[i], listCues); !res.unsupported(clusters[i], a) && (a.Kind == Person || !res.commonWord(clusters[i], v)) {
			made[i] = a
		}
	})
	formActor := make([]*Actor, len(res.forms))
	for i, c := range clusters {
		a := made[i]
		if a == nil {
			continue
		}
		for _, fi := range c {
			formActor[fi] = a
		}
		r.actors = append(r.actors, a)
	}
	// Mentions in document order.
	for _, sp := range res.spans {
		a := formActor[res.byKey[sp.key]]
		if a == nil {
			continue
		}
		a.Mentioned = append(a.Mentioned, Mention{Doc: docs[sp.doc], Sentence: int32(sp.sentence), Start: int32(sp.start), End: int32(sp.end)})
	}
	for _, a := range r.actors {
		a.countMentions()
	}
	r.actors = linkAuthors(r.actors, docs)
	sort.SliceStable(r.actors, func(i, j int) bool {
		a, b := r.actors[i], r.actors[j]
		if a.prominence() != b.prominence() {
			return a.prominence() > b.prominence()
		}
		return a.Name < b.Name
	})
	for _, a := range r.actors {
		a.ID = uniqueID(slug(a.Name), r.byID)
		r.byID[a.ID] = a
	}
	for pair := range res.maybe {
		a, b := formActor[pair[0]], formActor[pair[1]]
		if a != nil && b != nil && a != b {
			a.PossiblySame = appendUnique(a.PossiblySame, b.Name)
			b.PossiblySame = appendUnique(b.PossiblySame, a.Name)
		}
	}
	for _, a := range r.actors {
		sort.Strings(a.PossiblySame)
	}
	r.indexSentences(docs)
	r.links = newRelations(r, docs)
	// Descriptions and the name index read different fields: build both at once.
	described := make(chan struct{})
	go func() {
		describe(r.actors)
		close(described)
	}()
	r.names = newNameIndex(r.actors)
	<-described
	return r
}

// makeActor names the actor made of the forms fs and lists its spellings.
func (res *resolver) makeActor(fs []int, listCues map[int]kindScores) *Actor {
	canon := res.canonicalForm(fs)
	name := topKey(canon.names)
	if len(canon.words) == 1 && len(canon.honorifics) > 0 {
		name = topKey(canon.honorifics) + " " + name
	}
	plain, owned := spellings{}, spellings{}
	for _, fi := range fs {
		f := res.forms[fi]
		if f.possessive {
			owned.add(f.names)
			continue
		}
		plain.add(f.names)
		plain.add(f.texts)
		owned.add(f.owned)
	}
	if len(canon.honorifics) > 0 {
		plain.add(map[string]int{name: 1})
	}
	// Every spelling seen, possessives ("Kabul’s", "Kabuls") last.
	aliases := plain.sorted(nil)
	aliases = append(aliases, owned.sorted(plain)...)
	return &Actor{Name: name, Kind: res.kindOf(fs, listCues), Aliases: aliases}
}

// spellings counts written forms that normalise alike (as the evaluation
// compares names: "Al-Qaida" and "al-Qaida") under their most frequent
// spelling; "Kabul’s" and "Kabuls" stay two.
type spellings map[string]struct {
	text  string
	count int
}

func (sp spellings) add(m map[string]int) {
	for s, n := range m {
		k := words.Normalize(s)
		old := sp[k]
		if old.text == "" || n > m[old.text] || n == m[old.text] && s < old.text {
			old.text = s
		}
		old.count += n
		sp[k] = old
	}
}

// sorted lists the spellings, most frequent first, leaving out those whose
// folded form is in except.
func (sp spellings) sorted(except spellings) []string {
	keys := make([]string, 0, len(sp))
	for k := range sp {
		if _, dup := except[k]; !dup {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := sp[keys[i]], sp[keys[j]]
		if a.count != b.count {
			return a.count > b.count
		}
		return a.text < b.text
	})
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = sp[k].text
	}
	return out
}

// unsupported reports whether an actor rests on one capitalised word seen
// once with nothing saying what it is ("Terrorstructural", a word run into
// another): too little to list it.
func (res *resolver) unsupported(fs []int, a *Actor) bool {
	if a.Kind != Other || len(fs) != 1 {
		return false
	}
	f := res.forms[fs[0]]
	return len(f.spans) == 1 && len(f.words) == 1 && !f.acronym && !strings.Contains(topKey(f.names), "-")
}

// commonWord reports whether an actor is only an ordinary word that the
// corpus capitalises now and then: one word, no acronym, no known place or
// alias, and written in lower case at least a quarter as often
// ("Presidential", "Divine", "Chamber" in older prose). A name is rarely an
// ordinary word too, but for surnames, which their titles show (Mr. Ford).
func (res *resolver) commonWord(fs []int, v *vocabulary) bool {
	for _, fi := range fs {
		f := res.forms[fi]
		if len(f.words) != 1 || f.acronym || places[f.key] || inKnownAliases(f.key) {
			return false
		}
		if n := v.lowerCount(f.key); n == 0 || 4*n < v.capMid[f.key] {
			return false
		}
	}
	return true
}

// canonicalForm prefers the fullest name (most words), then the most
// mentioned; acronyms and lost-apostrophe spellings only when nothing else.
func (res *resolver) canonicalForm(fs []int) *form {
	var best *form
	// A name is written with capitals: a lowercase long form ("tax-based
	// incomes policy (TIP)") names its actor only when nothing else does.
	rank := func(f *form) [4]int {
		plain, named := 1, 0
		if f.acronym || f.possessive {
			plain = 0
		}
		if strings.IndexFunc(topKey(f.names), unicode.IsUpper) >= 0 {
			named = 1
		}
		return [4]int{named, plain, len(f.words), len(f.spans)}
	}
	for _, fi := range fs {
		f := res.forms[fi]
		if best == nil {
			best = f
			continue
		}
		if a, b := rank(f), rank(best); slices.Compare(a[:], b[:]) > 0 || a == b && f.key < best.key {
			best = f
		}
	}
	return best
}

// sentenceActors lists the actors of every sentence, end to end: one row
// per sentence of the corpus, the documents' sentences one after another,
// rather than a slice per sentence (millions of them on a large corpus).
type sentenceActors struct {
	firstRow []int32 // per document, its first sentence's row; then the number of rows
	starts   []int32 // per row, where its actors start in actors; then len(actors)
	actors   []int32 // actor indexes, each row's in the order of All
}

// docs returns how many documents the rows are of.
func (sa *sentenceActors) docs() int { return max(len(sa.firstRow)-1, 0) }

// sentences returns how many sentences document di has.
func (sa *sentenceActors) sentences(di int) int { return int(sa.firstRow[di+1] - sa.firstRow[di]) }

// of returns the actors of sentence si of document di.
func (sa *sentenceActors) of(di, si int) []int32 {
	row := sa.firstRow[di] + int32(si)
	return sa.actors[sa.starts[row]:sa.starts[row+1]]
}

// indexSentences lists the actors of every sentence. It follows from the
// actors' mentions alone, so a decoded registry rebuilds it the same way.
// The mentions are read twice, to count each row and then to fill it.
func (r *Registry) indexSentences(docs []*corpus.Document) {
	sa := &r.sentences
	r.numberRows(docs)
	// eachRow calls f with the row of each sentence actor ai is
	// mentioned in, once however often it is mentioned there: seen holds,
	// per row, the last actor met there, plus one (or its negation, on the
	// second pass).
	rows := sa.firstRow[len(docs)]
	seen := make([]int32, rows)
	eachRow := func(ai int, pass int32, f func(row int32)) {
		var doc *corpus.Document
		di, mark := 0, pass*int32(ai+1)
		for _, m := range r.actors[ai].Mentioned {
			if m.Doc != doc { // mentions run in document order: one lookup per document
				doc, di = m.Doc, r.docIndex[m.Doc]
			}
			if row := sa.firstRow[di] + int32(m.Sentence); seen[row] != mark {
				seen[row] = mark
				f(row)
			}
		}
	}
	sa.starts = make([]int32, rows+1)
	for ai := range r.actors {
		eachRow(ai, 1, func(row int32) { sa.starts[row+1]++ })
	}
	for row := range rows {
		sa.starts[row+1] += sa.starts[row]
	}
	sa.actors = make([]int32, sa.starts[rows])
	next := slices.Clone(sa.starts[:rows])
	for ai := range r.actors {
		eachRow(ai, -1, func(row int32) {
			sa.actors[next[row]] = int32(ai)
			next[row]++
		})
	}
}

// numberRows numbers the sentences of docs, the rows of the sentences'
// actors, and the documents themselves.
func (r *Registry) numberRows(docs []*corpus.Document) {
	sa := &r.sentences
	sa.firstRow = make([]int32, len(docs)+1)
	for di, d := range docs {
		sa.firstRow[di+1] = sa.firstRow[di]
		if d != nil {
			r.docIndex[d] = di
			sa.firstRow[di+1] += int32(len(d.Sentences))
		}
	}
}

// All returns every actor, most mentioned first.
func (r *Registry) All() []*Actor { return r.actors }

// ByID returns the actor with the given id, or nil.
func (r *Registry) ByID(id string) *Actor { return r.byID[id] }

// OfKind returns the actors of kind k, most mentioned first.
func (r *Registry) OfKind(k Kind) []*Actor {
	var out []*Actor
	for _, a := range r.actors {
		if a.Kind == k {
			out = append(out, a)
		}
	}
	return out
}

// InSentence returns the actors mentioned in sentence i of doc, most
// mentioned first.
func (r *Registry) InSentence(doc *corpus.Document, sentence int) []*Actor {
	di, ok := r.docIndex[doc]
	if !ok || sentence < 0 || sentence >= r.sentences.sentences(di) {
		return nil
	}
	row := r.sentences.of(di, sentence)
	out := make([]*Actor, len(row))
	for i, k := range row {
		out[i] = r.actors[k]
	}
	return out
}

// countMentions sets the counts that follow from a.Mentioned.
func (a *Actor) countMentions() {
	a.Mentions = len(a.Mentioned)
	a.Docs = mentionDocs(a.Mentioned)
}

// mentionDocs lists the documents of ms once each. Mentions run in
// document order, a document's together, so a document is new when it is
// not the last one listed: no set is needed (hundreds of thousands of
// actors at 1 GB each made one). A document is read only where the
// mentions move to another: tens of millions of mentions at 1 GB.
func mentionDocs(ms []Mention) []string {
	var out []string
	var last *corpus.Document
	for _, m := range ms {
		if m.Doc == last {
			continue
		}
		last = m.Doc
		if n := len(out); n == 0 || out[n-1] != m.Doc.ID {
			out = append(out, m.Doc.ID)
		}
	}
	return out
}

func slug(name string) string {
	s := strings.ReplaceAll(words.Normalize(name), " ", "-")
	if s == "" {
		return "actor"
	}
	return s
}

func uniqueID(base string, taken map[string]*Actor) string {
	id := base
	for n := 2; taken[id] != nil; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
