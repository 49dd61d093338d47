// Package knowledge is briefbot's knowledge base: the documents, the actors
// and claims found in them, and the answers, citations and briefings built on
// those. It knows nothing of Discord.
package knowledge

import (
	"strings"
	"sync"
	"time"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/answer"
	"briefbot/knowledge/briefing"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/internal/collector"
)

// Base is an immutable knowledge base built from a set of documents. It is
// safe for concurrent use; a changed corpus is served by building a new Base
// and swapping it in whole.
type Base struct {
	docs    []*corpus.Document
	byID    map[string]*corpus.Document
	actors  *actors.Registry
	claims  *claims.Set
	answers *answer.Engine
	// amended, when Amend made this base, serves the documents added
	// since b was built; the fields above are then the built base's.
	amended *amendment

	// words counts each document's words on first use: only the document
	// list shows them, and counting reads all of the text.
	words     map[string]int
	wordsOnce sync.Once

	// everything is the briefing of the whole base with no window, which
	// only its stamp changes from one request to the next: composed on
	// first use, as it reads every claim.
	everything     briefing.Briefing
	everythingOnce sync.Once
}

// New builds the knowledge base of docs: actors first, then the claims
// whose speakers they resolve, then the answer index over both. The words
// that Cite and the answer index search need the documents alone, so they
// are indexed meanwhile: once the actors' names are read (on every core),
// while they are resolved (mostly on one). Started sooner, the indexes
// would take cores from the reading.
func New(docs []*corpus.Document) *Base {
	defer collector.Hold(buildGCPercent)()
	b := newBase(docs)
	read := actors.Read(docs)
	index := answer.IndexWords(docs)
	texts := claims.IndexText(docs)
	b.actors = read.Registry()
	b.claims = texts.Extract(b.actors)
	b.answers = index.Link(b.actors, b.claims)
	return b
}

// buildGCPercent is the collector's target while a base is built. The
// passes allocate several times what the base keeps: at Go's default (100)
// the process peaked at 1.33 GiB for a base of 423 MiB (100 MB of text),
// at 50 at 1.01 GiB, the build no slower on two cores (bench/).
const buildGCPercent = 50

// newBase holds docs, with nothing built yet.
func newBase(docs []*corpus.Document) *Base {
	corpus.DistinguishTitles(docs)
	b := &Base{docs: docs, byID: make(map[string]*corpus.Document, len(docs))}
	for _, d := range docs {
		b.byID[d.ID] = d
	}
	return b
}

// Docs returns the documents in load order.
func (b *Base) Docs() []*corpus.Document { return b.docs }

// Words counts the words of the document with id ref (0 for none).
func (b *Base) Words(id string) int {
	b.wordsOnce.Do(func() {
		b.words = make(map[string]int, len(b.docs))
		for _, d := range b.docs {
			b.words[d.ID] = d.Words()
		}
	})
	return b.words[id]
}

// Doc finds a document by its id or by its file name (with or without the
// directory).
func (b *Base) Doc(ref string) (*corpus.Document, bool) {
	if d, ok := b.byID[ref]; ok {
		return d, true
	}
	for _, d := range b.docs {
		if d.File == ref || strings.HasSuffix(d.File, "/"+ref) {
			return d, true
		}
	}
	return nil, false
}

// Warm readies the answer search of the base (and of the segment an
// amended base lays over it) ahead of the first question.
func (b *Base) Warm() {
	if b.amended != nil {
		b.amended.built.Warm()
		b.amended.added.Warm()
		return
	}
	b.answers.Warm()
}

// Ask answers a question with at most limit cited passages (0: the
// default), or abstains with a note.
func (b *Base) Ask(question string, limit int) answer.Result {
	if b.amended != nil {
		return b.amended.ask(question, limit)
	}
	return b.answers.Ask(question, limit)
}

// Actors lists the actors of one kind, or all of them when kind is empty,
// most mentioned first.
func (b *Base) Actors(kind actors.Kind) []*actors.Actor {
	if b.amended != nil {
		return b.amended.actorList(kind)
	}
	if kind == "" {
		return b.actors.All()
	}
	return b.actors.OfKind(kind)
}

// ActorReport is everything known about one actor, as /actor shows it.
type ActorReport struct {
	Query        string               `json:"query"`
	Match        *actors.Actor        `json:"match"`
	Candidates   []string             `json:"candidates"`
	Descriptions []actors.Description `json:"descriptions"`
	Claims       []*claims.Claim      `json:"claims"`
	Related      []actors.Relation    `json:"related"`
}

// Actor looks an actor up by any spelling, typos included, and gathers its
// descriptions, claims and relations. Match is nil when nothing is close
// enough; Candidates then suggest what exists.
func (b *Base) Actor(name string) ActorReport {
	if b.amended != nil {
		return b.amended.actor(name)
	}
	best, candidates := b.actors.Lookup(name)
	r := ActorReport{Query: name, Match: best, Candidates: make([]string, 0, len(candidates)),
		Descriptions: []actors.Description{}, Claims: []*claims.Claim{}, Related: []actors.Relation{}}
	for _, c := range candidates {
		r.Candidates = append(r.Candidates, c.Name)
	}
	if best != nil {
		r.Descriptions = append(r.Descriptions, best.Descriptions...)
		r.Claims = append(r.Claims, b.claims.ByActor(best.ID)...)
		r.Related = append(r.Related, b.actors.Related(best.ID)...)
	}
	return r
}

// Complete suggests the actors whose names match what has been typed so
// far, at most 25, best first; the caller shapes them into its own labels.
func (b *Base) Complete(prefix string) []*actors.Actor {
	if b.amended != nil {
		return b.amended.complete(prefix)
	}
	return b.actors.Complete(prefix)
}

// Claims lists every claim, or those of the actor that name resolves to
// (none when it resolves to no actor).
func (b *Base) Claims(actor string) []*claims.Claim {
	if b.amended != nil {
		return b.amended.claimList(actor)
	}
	if actor == "" {
		return b.claims.All()
	}
	best, _ := b.actors.Lookup(actor)
	if best == nil {
		return nil
	}
	return b.claims.ByActor(best.ID)
}

// Cite finds where a quotation comes from.
func (b *Base) Cite(quote string) claims.CiteResult {
	if b.amended != nil {
		return b.amended.cite(quote)
	}
	return b.claims.Cite(quote)
}

// BriefQuery chooses what a briefing covers.
type BriefQuery struct {
	// Since opens the window: documents first seen (or, when Seen does not
	// know them, dated) from then on are new. Zero covers everything.
	Since time.Time
	// Actor, any spelling, limits the briefing to one actor.
	Actor string
	// Now stamps the briefing and closes the window.
	Now time.Time
	// Seen holds when each document (by id) was first seen or last changed.
	Seen map[string]time.Time
}

// Briefing composes the briefing q asks for.
func (b *Base) Briefing(q BriefQuery) briefing.Briefing {
	in := briefing.Input{Docs: b.docs, Actors: b.actors, Claims: b.claims, Since: q.Since, Now: q.Now, Seen: q.Seen}
	lookup := b.actors.Lookup
	if b.amended != nil {
		in.Actors, in.Claims, lookup = amendedActors{b.amended}, amendedClaims{b.amended}, b.amended.lookup
	}
	if q.Since.IsZero() && q.Seen == nil && q.Actor == "" {
		b.everythingOnce.Do(func() { b.everything = briefing.Compose(in) })
		return b.everything.Stamped(q.Now)
	}
	if q.Actor != "" {
		in.Actor = q.Actor // an unknown actor gives an empty briefing, not everything
		if best, _ := lookup(q.Actor); best != nil {
			in.Actor = best.ID
		}
	}
	return briefing.Compose(in)
}
