package answer

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/lexicon"
	"briefbot/knowledge/words"

	"github.com/agnivade/levenshtein"
)

// links ties the index to the actor registry and the claim set. Each
// actor's sentences become a list term ("@id"), as do the sentences that
// describe it ("@desc:id") and those that carry its attributed claims
// ("@said:id"), so questions score them like words. Either source may be
// missing; the engine then falls back on words alone.
type links struct {
	reg *actors.Registry
	cl  *claims.Set
	// descActors maps a description word's term to the actors it describes,
	// to tie "the ISIS commander" to the actor described as "ISIS head".
	descActors map[uint32][]int
	// contestOf maps a sentence holding a contested claim to its contest.
	contestOf map[uint32]int
	contests  [][]uint32 // sentences of each contest's claims
	// names holds each actor's folded name words, for recognising its
	// descriptions ("Khorasani was ...").
	names map[string][]string
	// authors are the actors that wrote or spoke documents.
	authors []string
}

// initialsIndex maps the initials of the actors' names of three or more
// words ("bbc": British Broadcasting Corporation) to the actors; made on
// first use, as few questions use an acronym.
type initialsIndex struct {
	once   sync.Once
	actors map[string][]*actors.Actor
}

// New builds the engine for docs. reg and cl may be nil: without the
// registry, names are matched as words; without claims, speech and
// disagreement are read from the text alone.
func New(docs []*corpus.Document, reg *actors.Registry, cl *claims.Set) *Engine {
	return IndexWords(docs).Link(reg, cl)
}

// WordIndex is the part of the engine that needs the documents alone,
// being built: their words, folded and stemmed. It can be built while the
// registry and the claim set that Link ties it to are.
type WordIndex struct {
	done chan struct{}
	b    *indexBuilder
}

// IndexWords starts indexing the words of docs on another goroutine and
// returns at once.
func IndexWords(docs []*corpus.Document) *WordIndex {
	docs = slices.DeleteFunc(slices.Clone(docs), func(d *corpus.Document) bool { return d == nil })
	w := &WordIndex{done: make(chan struct{})}
	go func() {
		defer close(w.done)
		w.b = newIndexBuilder(docs)
	}()
	return w
}

// Link waits for the words and finishes the engine over the registry and
// claim set built from the same documents (either may be nil, as for New).
// A WordIndex is linked once.
func (w *WordIndex) Link(reg *actors.Registry, cl *claims.Set) *Engine {
	<-w.done
	l := &links{reg: reg, cl: cl}
	l.index(w.b)
	ix := w.b.finish()
	l.finish(ix)
	w.b = nil
	return newEngine(ix, l)
}

const (
	actorPrefix = "@"
	descPrefix  = "@desc:"
	saidPrefix  = "@said:"
	byPrefix    = "@by:" // the sentences of the documents an actor wrote or spoke
	// authoredQuality is how well a sentence of X's own speech or article
	// stands for X in "what did X say".
	authoredQuality = 0.8
	// describedQuality is how well an actor's mention stands for words
	// of its description ("commander" for the actor described as "head").
	describedQuality = 0.8
	// maxDescribedActors bounds the actors one description word brings in.
	maxDescribedActors = 50
)

// index adds the actor and claim lists to the index being built.
func (l *links) index(b *indexBuilder) {
	ix := b.ix
	starts := ix.docStarts()
	if l.reg != nil {
		for _, a := range l.reg.All() {
			var ids []uint32
			for _, m := range a.Mentioned {
				if start, ok := starts[m.Doc]; ok {
					ids = append(ids, start+uint32(m.Sentence))
				}
			}
			b.addList(actorPrefix+a.ID, ix.sentenceList(ids))
			var desc []uint32
			for _, d := range a.Descriptions {
				desc = append(desc, ix.citedSentences(d.Citations)...)
			}
			b.addList(descPrefix+a.ID, ix.sentenceList(desc))
		}
		l.indexAuthors(b)
	}
	if l.cl == nil {
		return
	}
	said := map[string][]uint32{}
	for _, c := range l.cl.All() {
		if c.SpeakerID != "" && (c.Kind == claims.Quote || c.Kind == claims.Reported) {
			said[c.SpeakerID] = append(said[c.SpeakerID], ix.citedSentences(c.Sources)...)
		}
	}
	// Lists get their term ids in actor order, so that every build of the
	// same documents numbers them alike (replicas answer alike).
	for _, id := range slices.Sorted(maps.Keys(said)) {
		b.addList(saidPrefix+id, ix.sentenceList(said[id]))
	}
	l.contestOf = map[uint32]int{}
	for _, ct := range l.cl.Contested() {
		var ids []uint32
		for _, c := range ct.Claims {
			ids = append(ids, ix.citedSentences(c.Sources)...)
		}
		for _, s := range ids {
			l.contestOf[s] = len(l.contests)
		}
		l.contests = append(l.contests, ix.sentenceList(ids))
	}
}

// indexAuthors lists, for each actor the registry knows as the stated
// author or speaker of documents (a speech record's "name"), the sentences
// of those documents: what the actor said even where it is not named.
func (l *links) indexAuthors(b *indexBuilder) {
	ix := b.ix
	by := map[string][]uint32{}
	for di, d := range ix.docs {
		for _, name := range strings.Split(d.Author, ",") {
			a := l.reg.Resolve(strings.TrimSpace(name))
			if a == nil || strings.TrimSpace(name) == "" {
				continue
			}
			for s := range d.Sentences {
				by[a.ID] = append(by[a.ID], ix.firstSent[di]+uint32(s))
			}
		}
	}
	l.authors = slices.Sorted(maps.Keys(by))
	for _, id := range l.authors {
		b.addList(byPrefix+id, ix.sentenceList(by[id]))
	}
}

// finish indexes the actors' description words, once the terms are known.
func (l *links) finish(ix *index) {
	if l.reg == nil {
		return
	}
	l.descActors = map[uint32][]int{}
	l.names = map[string][]string{}
	for i, a := range l.reg.All() {
		l.names[a.ID] = nameWords(a)
		texts := []string{a.Description}
		for _, d := range a.Descriptions {
			texts = append(texts, d.Text)
		}
		for _, t := range termsIn(ix, strings.Join(texts, " ")) {
			if !slices.Contains(l.descActors[t], i) && len(l.descActors[t]) < maxDescribedActors {
				l.descActors[t] = append(l.descActors[t], i)
			}
		}
	}
}

// termsIn returns the distinct index terms of a text.
func termsIn(ix *index, text string) []uint32 {
	var out []uint32
	for _, tok := range words.Tokenize(text) {
		wordsOf(tok.Text, func(w string) {
			if t, ok := ix.lookup(w); ok && !slices.Contains(out, t) {
				out = append(out, t)
			}
		})
	}
	return out
}

type actorMatch struct {
	start, end int
	actor      *actors.Actor
	// spelling is the actor's name a misspelt match is closest to
	// ("Jefferson" for "Jeferson"); "" when the question spells it.
	spelling string
}

// actorsIn finds the actors a question names, typos included.
func (e *Engine) actorsIn(question string) []actorMatch {
	if e.links.reg == nil {
		return nil
	}
	var out []actorMatch
	for _, sp := range e.links.reg.Match(question) {
		if commonWords(sp.Text) && (sp.Fuzzy || !definedTerm(sp.Actor, sp.Text)) {
			continue
		}
		if _, ok := e.ix.terms[actorPrefix+sp.Actor.ID]; !ok {
			continue
		}
		if sp.Fuzzy && spelledExactly(sp.Text) {
			continue
		}
		m := actorMatch{start: sp.Start, end: sp.End, actor: sp.Actor}
		if sp.Fuzzy {
			if m.spelling = closestName(sp.Text, sp.Actor); m.spelling == "" {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// spelledExactly reports whether a name a question writes can be no
// misspelling of another: an acronym in capitals, or a word of three
// letters, one off from another makes another name ("FDR's", "fdr": not
// the FDA).
func spelledExactly(text string) bool {
	typed := strings.TrimSuffix(strings.TrimSuffix(text, "'s"), "’s")
	return actors.IsAcronym(typed) || utf8.RuneCountInString(typed) < minFuzzyName
}

// minFuzzyName is the shortest name a question may misspell.
const minFuzzyName = 4

// commonWords reports whether a question's words are ordinary lower-case
// English ("which president", "the congress"): a title or a common noun the
// registry also lists as a name, which the question uses as a word. A name
// typed in lower case, as in chat ("afghanistan", "al qaeda": WordNet
// writes them only capitalised), is no ordinary word: it names the actor
// as it would capitalised.
func commonWords(text string) bool {
	for _, t := range words.Tokenize(text) {
		k := words.Key(t.Text)
		if words.IsCapitalised(t.Text) || !(words.IsStop(k) || lexicon.Known(k) && !lexicon.Name(k)) {
			return false
		}
	}
	return true
}

// definedTerm reports whether text is a spelling of the actor that the
// documents write in lower case: a term they define ("foreign terrorist
// fighters (FTFs)"), which names the actor in the question's lower case
// too, where "federal government" is only words of "Federal Government".
func definedTerm(a *actors.Actor, text string) bool {
	k := words.Key(text)
	for _, n := range a.Aliases {
		if strings.ToLower(n) == n && words.Key(n) == k {
			return true
		}
	}
	return false
}

// closestName checks a typo-tolerant match against the actor's spellings
// and returns the one it misspells, or "": a misspelling is about one edit
// in four letters away from one of them, so "zawahry" is Zawahiri but
// "Paris" is not the "Islamic Party".
func closestName(text string, a *actors.Actor) string {
	k := words.Key(text)
	limit := max(1, (len(k)+1)/4)
	for i, n := range append([]string{a.Name}, a.Aliases...) {
		if i > maxAliases {
			break
		}
		if levenshtein.ComputeDistance(k, words.Key(n)) <= limit {
			return n
		}
	}
	return ""
}

// actorConcept is the concept of a named actor: any sentence that mentions
// it under any of its names.
func (e *Engine) actorConcept(m actorMatch) concept {
	c := concept{label: m.actor.Name, actor: true, known: true, id: m.actor.ID}
	c.alts = []alt{{e.ix.terms[actorPrefix+m.actor.ID], 1}}
	c.names = e.links.names[m.actor.ID]
	return c
}

// addSynonymActors lets the actors WordNet gives as another name of the
// one asked about stand for it: "America" is the United States the
// documents call "the US". A capital that acts as its government stands
// for its country, for less: "Washington" and "Berlin" say what the United
// States and Germany did ("had Washington sunk", "Berlin's puppet");
// WordNet gives the capital's country as the whole it is part of.
func (e *Engine) addSynonymActors(c *concept, name string, government bool) {
	if e.links.reg == nil {
		return
	}
	same := e.spelledOut(name)
	related := lexicon.Related(words.Key(name))
	for _, r := range related {
		if r.Kind == lexicon.Synonym {
			same = append(same, e.links.reg.Resolve(r.Word))
		}
	}
	for _, a := range same {
		e.addActorAlt(c, a, 1)
	}
	if !government || !slices.ContainsFunc(related, func(r lexicon.Relation) bool { return r.Word == "capital" }) {
		return
	}
	for _, r := range related {
		if r.Kind == lexicon.Holonym {
			e.addActorAlt(c, e.links.reg.Resolve(r.Word), relatedQuality[lexicon.Holonym])
		}
	}
}

// addActorAlt lets actor a stand for concept c at quality, once, unless a
// is missing or is c's own actor.
func (e *Engine) addActorAlt(c *concept, a *actors.Actor, quality float64) {
	if a == nil || a.ID == c.id {
		return
	}
	if t, ok := e.ix.terms[actorPrefix+a.ID]; ok && !slices.ContainsFunc(c.alts, func(x alt) bool { return x.term == t }) {
		c.alts = append(c.alts, alt{t, quality})
	}
}

// addPeoplesPlace lets the place a word naming no actor pertains to stand
// for it, under any of the place's names: "American" is the United States
// the documents call "the US". WordNet relates the adjective to the place
// as a derived form.
func (e *Engine) addPeoplesPlace(c *concept, word string) {
	if e.links.reg == nil {
		return
	}
	for _, r := range lexicon.Related(words.Key(word)) {
		if r.Kind != lexicon.Derived || !lexicon.Name(r.Word) {
			continue
		}
		names := []string{r.Word}
		for _, s := range lexicon.Related(r.Word) {
			if s.Kind == lexicon.Synonym {
				names = append(names, s.Word)
			}
		}
		for _, n := range names {
			e.addActorAlt(c, e.links.reg.Resolve(n), relatedQuality[lexicon.Derived])
		}
	}
}

// minAcronym is the shortest acronym spelled out by initials: two letters
// stand for too many names.
const minAcronym = 3

// spelledOut returns the actors whose names an acronym ("BBC", "B.B.C.")
// abbreviates ("British Broadcasting Corporation"): a question may use one
// where a document writes the other, and no document need define it.
func (e *Engine) spelledOut(acronym string) []*actors.Actor {
	letters := strings.ReplaceAll(acronym, ".", "")
	if len(letters) < minAcronym || strings.ToUpper(letters) != letters || !isASCIILetters(strings.ToLower(letters)) {
		return nil
	}
	in := e.initials
	in.once.Do(func() {
		in.actors = map[string][]*actors.Actor{}
		for _, a := range e.links.reg.All() {
			for _, n := range append([]string{a.Name}, a.Aliases...) {
				if k := nameInitials(n); len(k) >= minAcronym && !slices.Contains(in.actors[k], a) {
					in.actors[k] = append(in.actors[k], a)
				}
			}
		}
	})
	return in.actors[strings.ToLower(letters)]
}

// nameInitials returns the initials of a name's capitalised words, its
// function words skipped ("nato" for North Atlantic Treaty Organization),
// or "" when a word is neither.
func nameInitials(name string) string {
	var b strings.Builder
	for _, t := range words.Tokenize(name) {
		switch {
		case words.IsCapitalised(t.Text):
			b.WriteByte(byte(unicode.ToLower(rune(t.Text[0]))))
		case !words.IsStop(words.Key(t.Text)):
			return ""
		}
	}
	return b.String()
}

// maxAliases bounds the spellings of one actor read for its name words.
const maxAliases = 20

func nameWords(a *actors.Actor) []string {
	var out []string
	for i, n := range append([]string{a.Name}, a.Aliases...) {
		if i > maxAliases {
			break
		}
		for _, w := range strings.Fields(words.Key(n)) {
			if !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}

// expandByDescriptions lets an actor stand for the words that describe it:
// when a question's words ("ISIS", "commander") meet in the descriptions
// of an actor it does not name (Khorasani, "ISIS head in South Asia"), a
// sentence mentioning that actor covers those words. Bare keywords meet
// them only by their own forms: they are the document's words, and a broad
// actor ("Government", described thousands of ways) met through loose
// relations stood for three words of four at once.
func (e *Engine) expandByDescriptions(q *query) {
	if e.links.descActors == nil {
		return
	}
	covers := map[int][]int{} // actor -> concepts its descriptions hold
	for ci, c := range q.concepts {
		terms := []uint32{}
		for _, a := range c.alts {
			if q.keywords && a.quality < strongQuality {
				continue
			}
			terms = append(terms, a.term)
		}
		terms = append(terms, c.nameTerms...)
		seen := map[int]bool{}
		for _, t := range terms {
			for _, ai := range e.links.descActors[t] {
				if !seen[ai] {
					seen[ai] = true
					covers[ai] = append(covers[ai], ci)
				}
			}
		}
	}
	all := e.links.reg.All()
	// In registry order: alternatives appended in a map's random order would
	// sum the scores in another order (float32 rounding) and let the same
	// question pick another of two equal passages.
	for _, ai := range slices.Sorted(maps.Keys(covers)) {
		cs := covers[ai]
		if len(cs) < 2 || q.names[strings.ToLower(all[ai].Name)] || q.hasActor(all[ai].ID) {
			continue
		}
		t, ok := e.ix.terms[actorPrefix+all[ai].ID]
		if !ok {
			continue
		}
		for _, ci := range cs {
			q.concepts[ci].alts = append(q.concepts[ci].alts, alt{t, describedQuality * e.rarer(&q.concepts[ci], t)})
		}
	}
}

// describes reports whether the passage holds a description the registry
// gives of an actor the question names.
func (e *Engine) describes(q *query, p *passage) bool { return e.inActorList(q, descPrefix, p) }

// namesPerson reports whether the question names a person.
func (e *Engine) namesPerson(q *query) bool {
	for _, c := range q.concepts {
		if e.isPerson(&c) {
			return true
		}
	}
	return false
}

// isPerson reports whether a concept is an actor the registry knows as a
// person.
func (e *Engine) isPerson(c *concept) bool {
	if !c.actor || e.links == nil || e.links.reg == nil {
		return false
	}
	a := e.links.reg.ByID(c.id)
	return a != nil && a.Kind == actors.Person
}

// namesUnaskedPerson reports whether the passage names a person the
// question does not: what "who leads X" or "who took over after Y" asks
// for.
func (e *Engine) namesUnaskedPerson(q *query, p *passage) bool {
	return e.namesUnasked(q, p, personActor)
}

// personActor counts an actor that is a person.
func personActor(a *actors.Actor) bool { return a.Kind == actors.Person }

// maybePerson counts a person or a name the actors pass could not sort
// ("Loomis", met as a surname alone), which may be one.
func maybePerson(a *actors.Actor) bool { return a.Kind == actors.Person || a.Kind == actors.Other }

// anyKind counts an actor of every kind: a name of anyone or anything.
func anyKind(*actors.Actor) bool { return true }

// nameKind is the kind of actor a name asked for may be: a person's for
// "the name of the admiral", a work's for "the title of her book", any for
// "the name of the ship".
func (q *query) nameKind() func(*actors.Actor) bool {
	switch {
	case q.namesPerson:
		return personActor
	case q.asksTitle:
		return workActor
	}
	return anyKind
}

// maxTitleWords bounds the words of a quoted title.
const maxTitleWords = 12

// holdsTitle reports whether text quotes a title: a short quotation whose
// words of four letters or more are all capitalised ("“Zavorotny
// Nights”"), where a quoted saying is written as a sentence ("“The river
// teaches patience,”").
func holdsTitle(text string) bool {
	for _, quoted := range quotations(text) {
		ws := strings.Fields(quoted)
		if len(ws) == 0 || len(ws) > maxTitleWords || !words.IsCapitalised(ws[0]) {
			continue
		}
		if !slices.ContainsFunc(ws, func(w string) bool { return utf8.RuneCountInString(w) >= 4 && !words.IsCapitalised(w) }) {
			return true
		}
	}
	return false
}

// workActor counts an actor that is none of a person, a place or a group:
// what a title may name.
func workActor(a *actors.Actor) bool { return a.Kind == actors.Other }

// namesUnasked reports whether the passage names someone or something of
// a kind that counts, the question not naming it: an actor, or a
// capitalised word the actor pass could not place (holdsUnplacedName).
// Asked the name of something ("the name of the fund's treasurer"), only
// a sentence saying what is named counts: the name of the harbour master
// in the sentence beside is not the treasurer's.
func (e *Engine) namesUnasked(q *query, p *passage, counts func(*actors.Actor) bool) bool {
	if e.links == nil || e.links.reg == nil {
		return false
	}
	head := q.conceptIndex(q.namedHead)
	for s := p.first; s <= p.last; s++ {
		if head >= 0 && e.matchSentence(q, s)[head] <= namedQuality {
			continue
		}
		in := e.links.reg.InSentence(p.doc, int(e.ix.sents[s].sent))
		for _, a := range in {
			if counts(a) && !q.hasActor(a.ID) && !q.namesAll(e.links.names[a.ID]) {
				return true
			}
		}
		if e.holdsUnplacedName(q, e.ix.text(s), in, counts) {
			return true
		}
	}
	return false
}

// byUnaskedAuthor reports whether document d states its author or
// speaker (a byline, a speech record's name, a name its file name spells)
// and the question does not name them: for "who said ...", the document
// says who.
func (e *Engine) byUnaskedAuthor(q *query, d *corpus.Document) bool {
	author := actors.AuthorOf(d)
	if author == "" {
		return false
	}
	a := e.links.reg.Resolve(author)
	return a == nil || !q.hasActor(a.ID)
}

// holdsUnplacedName reports whether text holds a capitalised word that no
// dictionary lists, the corpus never writes in lower case, no actor of a
// kind that does not count is named by, is no word of the name of an actor
// placed in it ("Graeme" of Graeme Wood), and the question does not use: a
// name the actor pass could not place, such as one met once, opening a
// sentence ("MacLean stressed correctly ...").
func (e *Engine) holdsUnplacedName(q *query, text string, placed []*actors.Actor, counts func(*actors.Actor) bool) bool {
	for _, t := range words.Tokenize(text) {
		k := words.Key(t.Text)
		if !words.IsCapitalised(t.Text) || utf8.RuneCountInString(k) < 3 || q.names[k] ||
			e.links.reg.OrdinaryWord(k) || lexicon.Known(k) || strings.IndexFunc(k, notLetter) >= 0 ||
			slices.ContainsFunc(placed, func(a *actors.Actor) bool { return slices.Contains(e.links.names[a.ID], k) }) {
			continue
		}
		if a := e.links.reg.Resolve(t.Text); a != nil && (!counts(a) || q.hasActor(a.ID)) {
			continue
		}
		return true
	}
	return false
}

// claimedBy reports whether the passage holds a claim attributed to an
// actor the question names, or comes from a document it wrote or spoke:
// one whose author is that actor, or whose own context (a speech's file
// name, an article's byline) names it as a person: a title that names an
// organisation does not make the whole document its claim.
func (e *Engine) claimedBy(q *query, p *passage) bool {
	for i, c := range q.concepts {
		if e.isPerson(&c) && q.contextHolds(i, p.docIndex) {
			return true
		}
	}
	return e.inActorList(q, saidPrefix, p) || e.inActorList(q, byPrefix, p)
}

// authoredAlts lets an actor's own documents stand for the actor when the
// question asks what it said. An author whose full name holds the asked
// name counts too: "Bush" asks about the speeches of "George W. Bush".
func (e *Engine) authoredAlts(q *query) {
	for i := range q.concepts {
		c := &q.concepts[i]
		if !c.actor {
			continue
		}
		asked := strings.Fields(words.Key(c.label))
		for _, id := range e.links.authors {
			if id == c.id || containsAll(strings.Fields(words.Key(e.links.reg.ByID(id).Name)), asked) {
				c.alts = append(c.alts, alt{e.ix.terms[byPrefix+id], authoredQuality})
			}
		}
	}
}

func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return len(want) > 0
}

func (e *Engine) inActorList(q *query, prefix string, p *passage) bool {
	for _, t := range e.actorLists(q, prefix) {
		for s := p.first; s <= p.last; s++ {
			if hasSentence(e.ix.postings(t), uint32(s)) {
				return true
			}
		}
	}
	return false
}

// saidLists returns the terms listing the claims of the actors the
// question names.
func (e *Engine) saidLists(q *query) []uint32 { return e.actorLists(q, saidPrefix) }

func (e *Engine) actorLists(q *query, prefix string) []uint32 {
	var out []uint32
	for _, c := range q.concepts {
		if t, ok := e.ix.terms[prefix+c.id]; ok && c.actor {
			out = append(out, t)
		}
	}
	return out
}

// contestFor returns the sentences of the contest the passage takes part
// in, if any.
func (e *Engine) contestFor(p *passage) []uint32 {
	for s := p.first; s <= p.last; s++ {
		if i, ok := e.links.contestOf[uint32(s)]; ok {
			return e.links.contests[i]
		}
	}
	return nil
}

// maxSuggestions bounds the actors an abstention suggests.
const maxSuggestions = 4

// suggestion names actors the documents do cover: those the question
// names, then the most mentioned.
func (e *Engine) suggestion(q *query) string {
	if e.links.reg == nil {
		return ""
	}
	var names []string
	for _, c := range q.concepts {
		if c.actor {
			names = append(names, c.label)
		}
	}
	for _, a := range e.links.reg.All() {
		if len(names) >= maxSuggestions {
			break
		}
		if !slices.Contains(names, a.Name) {
			names = append(names, a.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return " The documents cover, among others: " + strings.Join(names, ", ") + "."
}

// sentenceList sorts a list of sentence ids and drops repeated ids and
// repeated sentences, which are found through the first with their text.
func (ix *index) sentenceList(ids []uint32) []uint32 {
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	out := ids[:0]
	for i, id := range ids {
		if (i == 0 || id != ids[i-1]) && !ix.repeat.has(id) {
			out = append(out, id)
		}
	}
	return out
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }
