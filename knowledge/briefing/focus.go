package briefing

import (
	"sort"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/corpus"
)

// actorsInFocus shows the actors the window's documents mention most, then
// those appearing for the first time (every document naming them is new),
// each with a cited description, or else the first sentence naming them.
func (s *scope) actorsInFocus() []Item {
	if s.in.Actors == nil {
		return nil
	}
	type counted struct {
		a *actors.Actor
		n int
	}
	var all []counted
	for _, a := range s.in.Actors.All() {
		if n := s.mentionsInWindow(a); n > 0 {
			all = append(all, counted{a, n})
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		if all[i].a.Mentions != all[j].a.Mentions {
			return all[i].a.Mentions > all[j].a.Mentions
		}
		return all[i].a.ID < all[j].a.ID
	})
	var items []Item
	rest := all
	for len(rest) > 0 && len(items) < maxMostMentioned {
		if it, ok := s.actorItem(rest[0].a, rest[0].n, ""); ok {
			items = append(items, it)
		}
		rest = rest[1:]
	}
	if s.in.Since.IsZero() {
		return items // with no window, every actor is new: nothing to single out
	}
	newcomers := 0
	for _, c := range rest {
		if newcomers == maxNewActors {
			break
		}
		if it, ok := s.actorItem(c.a, c.n, New); ok && s.firstAppears(c.a) {
			items = append(items, it)
			newcomers++
		}
	}
	return items
}

func (s *scope) mentionsInWindow(a *actors.Actor) int {
	n := 0
	for _, m := range a.Mentioned {
		if m.Doc != nil && s.inDocs[m.Doc.ID] {
			n++
		}
	}
	return n
}

// firstAppears reports whether every document naming a is new.
func (s *scope) firstAppears(a *actors.Actor) bool {
	for _, id := range a.Docs {
		if !s.inDocs[id] {
			return false
		}
	}
	return len(a.Docs) > 0
}

// actorItem describes a by its first cited description, preferring one
// from the window, or by the first sentence of the window naming it; false
// when there is nothing to cite.
func (s *scope) actorItem(a *actors.Actor, mentions int, tag Tag) (Item, bool) {
	it := Item{Tag: tag, Actor: a.Name, Mentions: mentions}
	var fallback *actors.Description
	for i, d := range a.Descriptions {
		if len(d.Citations) == 0 || d.Text == "" {
			continue
		}
		if s.inDocs[d.Citations[0].Doc] {
			it.Text, it.Citations = d.Text, d.Citations
			return it, true
		}
		if fallback == nil {
			fallback = &a.Descriptions[i]
		}
	}
	if fallback != nil {
		it.Text, it.Citations = fallback.Text, fallback.Citations
		return it, true
	}
	for _, m := range a.Mentioned {
		if m.Doc != nil && s.inDocs[m.Doc.ID] && int(m.Sentence) < len(m.Doc.Sentences) {
			c := m.Doc.CiteSentences(int(m.Sentence), int(m.Sentence))
			it.Text, it.Citations = c.Quote, []corpus.Citation{c}
			return it, true
		}
	}
	return it, false
}
