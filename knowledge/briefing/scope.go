package briefing

import (
	"strings"
	"time"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// scope is what a briefing may draw on: the documents in the window, the
// claims those documents carry, and, for an actor's briefing, only what
// concerns that actor.
type scope struct {
	in      Input
	docs    []*corpus.Document // new in the window, in corpus order
	inDocs  map[string]bool
	rank    map[string]int // document id -> corpus position
	actor   *actors.Actor
	aliases []string // the actor's names, folded
	claims  []*claims.Claim
	facts   []facts // of each of claims, read once
	// undated counts the documents left out of the window because they
	// state no date and were never seen.
	undated int
}

func newScope(in Input) *scope {
	s := &scope{in: in, inDocs: map[string]bool{}, rank: map[string]int{}}
	if in.Actor != "" && in.Actors != nil {
		s.actor = in.Actors.ByID(in.Actor)
	}
	if s.actor != nil {
		for _, name := range append([]string{s.actor.Name}, s.actor.Aliases...) {
			if k := words.Key(name); k != "" {
				s.aliases = append(s.aliases, k)
			}
		}
	}
	actorDocs := map[string]bool{}
	if s.actor != nil {
		for _, id := range s.actor.Docs {
			actorDocs[id] = true
		}
	}
	for i, d := range in.Docs {
		if d == nil {
			continue
		}
		s.rank[d.ID] = i
		if s.actor != nil && !actorDocs[d.ID] {
			continue
		}
		switch {
		case s.isNew(d):
			s.docs = append(s.docs, d)
			s.inDocs[d.ID] = true
		case s.undatedUnseen(d):
			s.undated++
		}
	}
	if in.Claims != nil {
		for _, c := range in.Claims.All() {
			if s.inWindow(c) && s.concernsActor(c) {
				s.claims = append(s.claims, c)
				s.facts = append(s.facts, s.factsOf(c))
			}
		}
	}
	return s
}

// isNew reports whether d entered the corpus in the window.
func (s *scope) isNew(d *corpus.Document) bool {
	if s.in.Since.IsZero() {
		return true
	}
	if seen, ok := s.in.Seen[d.ID]; ok {
		return seen.After(s.in.Since)
	}
	return d.Date != "" && d.Date >= s.in.Since.UTC().Format(time.DateOnly)
}

// undatedUnseen reports whether the window cannot place d: it states no
// date and nobody recorded when it was first seen.
func (s *scope) undatedUnseen(d *corpus.Document) bool {
	_, seen := s.in.Seen[d.ID]
	return !s.in.Since.IsZero() && !seen && d.Date == ""
}

// inWindow reports whether a claim has a source among the window's
// documents.
func (s *scope) inWindow(c *claims.Claim) bool {
	for _, src := range c.Sources {
		if s.inDocs[src.Doc] {
			return true
		}
	}
	return false
}

// concernsActor reports whether a claim is by or about the briefing's
// actor, or names it in its text.
func (s *scope) concernsActor(c *claims.Claim) bool {
	if s.actor == nil {
		return true
	}
	if c.SpeakerID == s.actor.ID || c.About == s.actor.ID {
		return true
	}
	text, speaker := words.Key(c.Text), words.Key(c.Speaker)
	for _, a := range s.aliases {
		if holdsPhrase(text, a) || holdsPhrase(speaker, a) {
			return true
		}
	}
	return false
}

// holdsPhrase reports whether folded text holds the folded phrase as whole
// words, without building new strings: it runs for every claim.
func holdsPhrase(text, phrase string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], phrase)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(phrase)
		if (start == 0 || text[start-1] == ' ') && (end == len(text) || text[end] == ' ') {
			return true
		}
		from = start + 1
	}
}

// newestDate is the latest date among a claim's sources ("" when none is
// dated): a newer claim comes first among equals.
func newestDate(c *claims.Claim) string {
	best := ""
	for _, src := range c.Sources {
		best = max(best, src.Date)
	}
	return best
}

// facts are what the sections order a claim by: the documents carrying
// it, its newest source's date ("" when none is dated) and its first
// position in the corpus (document, paragraph).
type facts struct {
	docs      int
	newest    string
	doc, para int
}

func (s *scope) factsOf(c *claims.Claim) facts {
	f := facts{docs: corpus.DistinctDocs(c.Sources), newest: newestDate(c), doc: len(s.rank)}
	if len(c.Sources) > 0 {
		f.doc, f.para = s.rank[c.Sources[0].Doc], c.Sources[0].Paragraph
	}
	return f
}

// claimItem is a claim as a briefing item, cited by every source. A figure
// alone ("20 kilometers") says nothing, so a figure is shown by its
// sentence, which its citation quotes.
func claimItem(c *claims.Claim, tag Tag) Item {
	text := c.Text
	if c.Kind == claims.Figure && len(c.Sources) > 0 {
		text = c.Sources[0].Quote
	}
	return Item{Text: text, Tag: tag, Citations: c.Sources, Speaker: c.Speaker, Hedge: c.Hedge, Likelihood: likelihood(c)}
}

// likelihood is the claim's ICD 203 term, mapped from its hedge when the
// claims package left it empty.
func likelihood(c *claims.Claim) string {
	if c.Likelihood != "" || c.Hedge == "" {
		return c.Likelihood
	}
	return claims.Likelihood(c.Hedge)
}
