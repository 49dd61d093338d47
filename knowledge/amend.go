package knowledge

import (
	"cmp"
	"maps"
	"slices"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/answer"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// amendment is what Amend lays over a built base, as a search engine adds
// a segment: the documents added or changed since, built on their own in
// seconds, while the whole base is rebuilt in the background.
type amendment struct {
	built *Base
	added *Base
	// stale holds the ids of built's documents that were changed or
	// removed: what they say is no longer served.
	stale map[string]bool
	// order is each served document's position, by id, for citations.
	order map[string]int
}

// Amend returns a base serving b's documents with added ones (new, or new
// versions of documents b holds) and without those whose ids are in
// removed. Only the added documents are built, on their own: a new article
// is searchable seconds after it arrives, however large b is. Until a base
// of every document is built with New and replaces it, the added documents'
// actors and claims are not merged with b's: a claim both report counts
// each source apart, and an actor's profile in b lists what the added
// documents say of it after b's own.
func (b *Base) Amend(added []*corpus.Document, removed []string) *Base {
	built, stale := b, map[string]bool{}
	var keep []*corpus.Document
	if b.amended != nil { // amend the built base again, with everything added since
		built, stale = b.amended.built, maps.Clone(b.amended.stale)
		keep = b.amended.added.docs
	}
	gone := map[string]bool{}
	for _, id := range removed {
		gone[id] = true
	}
	for _, d := range added {
		gone[d.ID] = true
	}
	for id := range gone {
		if _, ok := built.byID[id]; ok {
			stale[id] = true
		}
	}
	fresh := slices.DeleteFunc(slices.Clone(keep), func(d *corpus.Document) bool { return gone[d.ID] })
	fresh = append(fresh, added...)
	if len(fresh) == 0 && len(stale) == 0 {
		return built
	}
	docs := make([]*corpus.Document, 0, len(built.docs)+len(fresh))
	for _, d := range built.docs {
		if !stale[d.ID] {
			docs = append(docs, d)
		}
	}
	docs = append(docs, fresh...)
	a := &amendment{built: built, added: New(fresh), stale: stale, order: make(map[string]int, len(docs))}
	out := &Base{docs: docs, byID: make(map[string]*corpus.Document, len(docs)), actors: built.actors, claims: built.claims, answers: built.answers, amended: a}
	for i, d := range docs {
		out.byID[d.ID], a.order[d.ID] = d, i
	}
	return out
}

// Unmerged counts the documents served apart from the built base, by
// Amend, until a base of every document replaces this one.
func (b *Base) Unmerged() int {
	if b.amended == nil {
		return 0
	}
	return len(b.amended.added.docs)
}

// served reports whether a citation's document is still served.
func (a *amendment) served(c corpus.Citation) bool { return !a.stale[c.Doc] }

// ask merges the passages each part finds, best score first, as many as
// the larger part gives.
func (a *amendment) ask(question string, limit int) answer.Result {
	old, fresh := a.built.Ask(question, limit), a.added.Ask(question, limit)
	n := max(len(old.Answers), len(fresh.Answers))
	old.Answers = slices.DeleteFunc(old.Answers, func(ans answer.Answer) bool {
		return !slices.ContainsFunc(ans.Citations, a.served)
	})
	if !fresh.Answered && (len(old.Answers) > 0 || !old.Answered) {
		old.Answered = len(old.Answers) > 0
		return old
	}
	if len(old.Answers) == 0 {
		return fresh
	}
	fresh.Answers = append(fresh.Answers, old.Answers...)
	slices.SortStableFunc(fresh.Answers, func(x, y answer.Answer) int { return cmp.Compare(y.Score, x.Score) })
	fresh.Answers = fresh.Answers[:min(n, len(fresh.Answers))]
	return fresh
}

// cite finds the quotation in both parts.
func (a *amendment) cite(quote string) claims.CiteResult {
	res := a.built.Cite(quote)
	res.Matches = slices.DeleteFunc(res.Matches, func(m claims.Match) bool { return !a.served(m.Citation) })
	res.Matches = append(res.Matches, a.added.Cite(quote).Matches...)
	claims.SortMatches(res.Matches, a.order)
	res.Found = len(res.Matches) > 0
	return res
}

// lookup finds the actor name means in the built base, or else among the
// added documents' actors.
func (a *amendment) lookup(name string) (*actors.Actor, []*actors.Actor) {
	best, candidates := a.built.actors.Lookup(name)
	if best != nil {
		return best, candidates
	}
	best, more := a.added.actors.Lookup(name)
	return best, unionByName(candidates, more, actors.MaxCandidates)
}

// actor reports on name from the built base, then adds what the added
// documents say of the same actor.
func (a *amendment) actor(name string) ActorReport {
	r := a.built.Actor(name)
	more := a.added.Actor(name)
	switch {
	case r.Match == nil:
		if more.Match == nil {
			more.Candidates = unionNames(r.Candidates, more.Candidates, actors.MaxCandidates)
		}
		return more
	case more.Match == nil || words.Key(more.Match.Name) != words.Key(r.Match.Name):
		return r
	}
	r.Descriptions = append(r.Descriptions, more.Descriptions...)
	r.Claims = append(a.servedClaims(r.Claims), more.Claims...)
	return r
}

// actorList is the built base's actors, then the added documents' actors
// it does not name.
func (a *amendment) actorList(kind actors.Kind) []*actors.Actor {
	return unionByName(a.built.Actors(kind), a.added.Actors(kind), -1)
}

func (a *amendment) complete(prefix string) []*actors.Actor {
	return unionByName(a.built.Complete(prefix), a.added.Complete(prefix), actors.MaxCandidates)
}

func (a *amendment) claimList(actor string) []*claims.Claim {
	return append(a.servedClaims(a.built.Claims(actor)), a.added.Claims(actor)...)
}

// servedClaims keeps the claims some served document still carries.
func (a *amendment) servedClaims(cs []*claims.Claim) []*claims.Claim {
	if len(a.stale) == 0 {
		return cs
	}
	return slices.DeleteFunc(slices.Clone(cs), func(c *claims.Claim) bool {
		return !slices.ContainsFunc(c.Sources, a.served)
	})
}

// amendedActors and amendedClaims show a briefing both parts.
type amendedActors struct{ a *amendment }

func (v amendedActors) All() []*actors.Actor { return v.a.actorList("") }

func (v amendedActors) ByID(id string) *actors.Actor {
	if x := v.a.built.actors.ByID(id); x != nil {
		return x
	}
	return v.a.added.actors.ByID(id)
}

type amendedClaims struct{ a *amendment }

func (v amendedClaims) All() []*claims.Claim { return v.a.claimList("") }

func (v amendedClaims) Contested() []claims.Contest {
	return append(v.a.built.claims.Contested(), v.a.added.claims.Contested()...)
}

// unionByName is first, then the actors of second whose names first lacks,
// at most limit in all (no bound when limit < 0).
func unionByName(first, second []*actors.Actor, limit int) []*actors.Actor {
	named := make(map[string]bool, len(first))
	for _, x := range first {
		named[words.Key(x.Name)] = true
	}
	out := slices.Clone(first)
	for _, x := range second {
		if !named[words.Key(x.Name)] {
			out = append(out, x)
		}
	}
	if limit >= 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// unionNames is unionByName for names alone.
func unionNames(first, second []string, limit int) []string {
	out := slices.Clone(first)
	for _, n := range second {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out[:min(limit, len(out))]
}
