package briefing

import (
	"container/heap"
	"sort"
	"strings"

	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// newDocuments lists the documents new in the window, latest first, each
// with its headline claims: the earliest in the document, as news puts the
// most important first. A document without claims is shown by its lead.
func (s *scope) newDocuments(used map[*claims.Claim]bool) []Item {
	docs := append([]*corpus.Document(nil), s.docs...)
	sort.SliceStable(docs, func(i, j int) bool {
		si, sj := s.in.Seen[docs[i].ID], s.in.Seen[docs[j].ID]
		if !si.Equal(sj) {
			return si.After(sj)
		}
		if docs[i].Date != docs[j].Date {
			return docs[i].Date > docs[j].Date
		}
		return s.rank[docs[i].ID] < s.rank[docs[j].ID]
	})
	docs = docs[:min(len(docs), maxNewDocs)]
	candidates := s.claimsOf(docs)
	var items []Item
	for _, d := range docs {
		headlines := headlines(candidates[d.ID], used)
		for _, c := range headlines {
			used[c] = true
			it := claimItem(c, New)
			it.Citations = citedFirst(c.Sources, d.ID)
			items = append(items, it)
		}
		if len(headlines) == 0 && len(d.Sentences) > 0 {
			lead := d.CiteSentences(0, 0)
			items = append(items, Item{Text: lead.Quote, Tag: New, Citations: []corpus.Citation{lead}})
		}
	}
	return items
}

// placed is a claim at its paragraph of one document.
type placed struct {
	c    *claims.Claim
	para int
}

// claimsOf finds the claims of each of docs, in one pass over the scope's
// claims; dates are no headlines and are left out.
func (s *scope) claimsOf(docs []*corpus.Document) map[string][]placed {
	of := make(map[string][]placed, len(docs))
	for _, d := range docs {
		of[d.ID] = nil
	}
	for _, c := range s.claims {
		if isDate(c) {
			continue
		}
		for i, src := range c.Sources {
			if _, wanted := of[src.Doc]; wanted && !citesEarlier(c.Sources[:i], src.Doc) {
				of[src.Doc] = append(of[src.Doc], placed{c, src.Paragraph})
			}
		}
	}
	return of
}

// citesEarlier reports whether one of cs cites doc: a claim is placed at its
// first citation of a document.
func citesEarlier(cs []corpus.Citation, doc string) bool {
	for _, c := range cs {
		if c.Doc == doc {
			return true
		}
	}
	return false
}

// headlines are the first unused claims of one document, by paragraph;
// reported speech gives way to quotes, figures and assessments of the same
// paragraph.
func headlines(candidates []placed, used map[*claims.Claim]bool) []*claims.Claim {
	var found []placed
	for _, p := range candidates {
		if !used[p.c] {
			found = append(found, p)
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].para != found[j].para {
			return found[i].para < found[j].para
		}
		return (found[i].c.Kind != claims.Reported) && (found[j].c.Kind == claims.Reported)
	})
	var out []*claims.Claim
	for _, p := range found[:min(len(found), headlinesPerDoc)] {
		out = append(out, p.c)
	}
	return out
}

func isDate(c *claims.Claim) bool {
	return c.Kind == claims.Figure && c.Measure != nil && c.Measure.Class == "date"
}

// citedFirst puts the citation of document doc first.
func citedFirst(cs []corpus.Citation, doc string) []corpus.Citation {
	out := make([]corpus.Citation, 0, len(cs))
	for _, c := range cs {
		if c.Doc == doc {
			out = append(out, c)
		}
	}
	for _, c := range cs {
		if c.Doc != doc {
			out = append(out, c)
		}
	}
	return out
}

// judgements are the sources' own assessments and hedged claims, with the
// hedge as written and its ICD 203 term; graded ones first, then the best
// corroborated. They are the sources' judgements, never the bot's.
func (s *scope) judgements(used map[*claims.Claim]bool) []Item {
	picked := s.pick(used, maxJudgements, func(c *claims.Claim) bool {
		return c.Kind == claims.Assessment || c.Hedge != ""
	}, func(a, b *claims.Claim) (bool, bool) {
		if la, lb := likelihood(a) != "", likelihood(b) != ""; la != lb {
			return la, true
		}
		return byCorroboration(a, b)
	})
	items := make([]Item, len(picked))
	for i, c := range picked {
		items[i] = claimItem(c, corroborationTag(c))
	}
	return items
}

// corroborated are the claims two or more documents carry, the most
// widely carried first.
func (s *scope) corroborated(used map[*claims.Claim]bool) []Item {
	picked := s.pick(used, maxCorroborated, func(c *claims.Claim) bool {
		return corpus.DistinctDocs(c.Sources) >= 2
	}, byCorroboration)
	items := make([]Item, len(picked))
	for i, c := range picked {
		items[i] = claimItem(c, Corroborated)
	}
	return items
}

// singleSource are the claims only one document carries that are worth a
// reader's attention: figures and quotes, and claims by a known actor.
func (s *scope) singleSource(used map[*claims.Claim]bool) []Item {
	picked := s.pick(used, maxSingle, func(c *claims.Claim) bool {
		return corpus.DistinctDocs(c.Sources) == 1 && notability(c) > 0
	}, func(a, b *claims.Claim) (bool, bool) {
		na, nb := notability(a), notability(b)
		return na > nb, na != nb
	})
	items := make([]Item, len(picked))
	for i, c := range picked {
		items[i] = claimItem(c, "")
	}
	return items
}

// notability ranks a single-source claim: a figure or a quote by a known
// actor above either alone; plain reported speech by nobody known is 0.
func notability(c *claims.Claim) int {
	n := 0
	switch c.Kind {
	case claims.Figure:
		n += 2
	case claims.Quote:
		n++
	}
	if c.SpeakerID != "" {
		n++
	}
	return n
}

// pick chooses up to limit unused claims that qualify, ordered by better,
// and marks them used.
func (s *scope) pick(used map[*claims.Claim]bool, limit int, qualifies func(*claims.Claim) bool,
	better func(a, b *claims.Claim) (bool, bool)) []*claims.Claim {
	q := claimQueue{less: s.order(better)}
	for _, c := range s.claims {
		if !used[c] && qualifies(c) {
			q.claims = append(q.claims, c)
		}
	}
	// A heap, not a sort: a section shows a handful of the base's claims,
	// and a large base has hundreds of thousands.
	heap.Init(&q)
	var out []*claims.Claim
	for len(out) < limit && q.Len() > 0 {
		c := heap.Pop(&q).(*claims.Claim)
		if !repeats(c, out) {
			out = append(out, c)
			used[c] = true
		}
	}
	return out
}

// claimQueue pops claims best first.
type claimQueue struct {
	claims []*claims.Claim
	less   func(a, b *claims.Claim) bool
}

func (q claimQueue) Len() int           { return len(q.claims) }
func (q claimQueue) Less(i, j int) bool { return q.less(q.claims[i], q.claims[j]) }
func (q claimQueue) Swap(i, j int)      { q.claims[i], q.claims[j] = q.claims[j], q.claims[i] }
func (q *claimQueue) Push(x any)        { q.claims = append(q.claims, x.(*claims.Claim)) }
func (q *claimQueue) Pop() any {
	c := q.claims[len(q.claims)-1]
	q.claims = q.claims[:len(q.claims)-1]
	return c
}

// repeats reports whether c's words are part of a claim already picked (or
// the other way round): the claims package may keep a figure apart from
// the sentence that states it, and a briefing says each thing once.
func repeats(c *claims.Claim, picked []*claims.Claim) bool {
	k := " " + words.Key(c.Text) + " "
	for _, p := range picked {
		pk := " " + words.Key(p.Text) + " "
		if strings.Contains(pk, k) || strings.Contains(k, pk) {
			return true
		}
	}
	return false
}

func byCorroboration(a, b *claims.Claim) (bool, bool) {
	da, db := corpus.DistinctDocs(a.Sources), corpus.DistinctDocs(b.Sources)
	return da > db, da != db
}

func corroborationTag(c *claims.Claim) Tag {
	if corpus.DistinctDocs(c.Sources) >= 2 {
		return Corroborated
	}
	return ""
}

// contested shows each disagreement side by side, the claim from the newest
// source marked, for the subjects the window's claims touch; the most
// recent disputes first.
func (s *scope) contested(used map[*claims.Claim]bool) []Item {
	if s.in.Claims == nil {
		return nil
	}
	inScope := map[*claims.Claim]bool{}
	for _, c := range s.claims {
		inScope[c] = true
	}
	var contests []claims.Contest
	for _, ct := range s.in.Claims.Contested() {
		for _, c := range ct.Claims {
			if inScope[c] {
				contests = append(contests, ct)
				break
			}
		}
	}
	sort.SliceStable(contests, func(i, j int) bool {
		di, dj := contestDate(contests[i]), contestDate(contests[j])
		if di != dj {
			return di > dj
		}
		return contests[i].Subject < contests[j].Subject
	})
	var items []Item
	for _, ct := range contests[:min(len(contests), maxContests)] {
		for i, c := range ct.Claims {
			used[c] = true
			it := claimItem(c, Contested)
			it.Subject, it.Newest = ct.Subject, i == ct.Newest
			items = append(items, it)
		}
	}
	return items
}

func contestDate(ct claims.Contest) string {
	best := ""
	for _, c := range ct.Claims {
		best = max(best, newestDate(c))
	}
	return best
}
