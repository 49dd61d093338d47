package briefing

import (
	"time"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
)

// Input is everything a briefing is composed from. The same Input always
// gives the same Briefing.
type Input struct {
	Docs []*corpus.Document
	// Actors and Claims are what the documents hold; either may be nil.
	Actors Actors
	Claims Claims
	// Since opens the window (zero: every document); Now closes it and
	// stamps the briefing.
	Since, Now time.Time
	// Actor, an actor id, limits the briefing to what concerns that actor.
	Actor string
	// Seen holds when each document (by id) was first seen, or last
	// changed: a document seen after Since is new. A document missing from
	// Seen is new when its own date is on or after Since's day.
	Seen map[string]time.Time
}

// Actors is what a briefing reads of the actors (an *actors.Registry).
type Actors interface {
	All() []*actors.Actor
	ByID(id string) *actors.Actor
}

// Claims is what a briefing reads of the claims (a *claims.Set).
type Claims interface {
	All() []*claims.Claim
	Contested() []claims.Contest
}

// The section titles, in the order a briefing shows them.
const (
	TitleNew          = "New since the last briefing"
	TitleDocuments    = "Documents"
	TitleJudgements   = "Key judgements"
	TitleCorroborated = "Corroborated"
	TitleSingle       = "Single-source claims worth noting"
	TitleContested    = "Contested"
	TitleActors       = "Actors in focus"
)

// How many items a section holds at most: a briefing is read in minutes.
const (
	maxNewDocs       = 8
	headlinesPerDoc  = 2
	maxJudgements    = 8
	maxCorroborated  = 8
	maxSingle        = 6
	maxContests      = 5
	maxMostMentioned = 5
	maxNewActors     = 3
)

// Compose builds the briefing of in: the documents new in the window with
// their headline claims, the sources' own judgements with their hedges, the
// claims several documents carry and the single-source ones worth noting,
// where sources disagree, and the actors in focus. Every item is verbatim
// and cited; a claim appears in one section only. Sections with nothing to
// say are left out.
func Compose(in Input) Briefing {
	b := Briefing{Sections: []Section{}}.Stamped(in.Now)
	if !in.Since.IsZero() {
		b.Since = in.Since.UTC().Format(time.DateOnly)
	}
	s := newScope(in)
	switch {
	case s.actor != nil:
		b.Actor = s.actor.Name
	case in.Actor != "":
		b.Actor = in.Actor // unknown: an empty briefing, not everyone's
		return b
	}
	b.Undated = s.undated
	used := map[*claims.Claim]bool{}
	shown := map[string]bool{} // two figures of one sentence show that sentence once
	add := func(title string, items []Item) {
		kept := items[:0]
		for _, it := range items {
			if !shown[it.Text] {
				shown[it.Text] = true
				kept = append(kept, it)
			}
		}
		if len(kept) > 0 {
			b.Sections = append(b.Sections, Section{Title: title, Items: kept})
		}
	}
	newTitle := TitleNew
	if in.Since.IsZero() {
		newTitle = TitleDocuments
	}
	contested := s.contested(used) // taken first: a disputed claim is shown as disputed
	add(newTitle, s.newDocuments(used))
	add(TitleJudgements, s.judgements(used))
	add(TitleCorroborated, s.corroborated(used))
	add(TitleSingle, s.singleSource(used))
	add(TitleContested, contested)
	add(TitleActors, s.actorsInFocus())
	return b
}
