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
	picked := s.pick(used, maxJudgements, func(c *claims.Claim, _ facts) bool {
		return c.Kind == claims.Assessment || c.Hedge != ""
	}, func(c *claims.Claim, f facts) int {
		if likelihood(c) != "" {
			return graded + f.docs
		}
		return f.docs
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
	picked := s.pick(used, maxCorroborated, func(_ *claims.Claim, f facts) bool {
		return f.docs >= 2
	}, func(_ *claims.Claim, f facts) int { return f.docs })
	items := make([]Item, len(picked))
	for i, c := range picked {
		items[i] = claimItem(c, Corroborated)
	}
	return items
}

// singleSource are the claims only one document carries that are worth a
// reader's attention: figures and quotes, and claims by a known actor.
func (s *scope) singleSource(used map[*claims.Claim]bool) []Item {
	picked := s.pick(used, maxSingle, func(c *claims.Claim, f facts) bool {
		return f.docs == 1 && notability(c) > 0
	}, func(c *claims.Claim, _ facts) int { return notability(c) })
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

// graded puts the judgements graded on the ICD 203 scale before the
// others, whatever their corroboration.
const graded = 1 << 30

// pick chooses up to limit unused claims that qualify, the highest rank
// first; ties go to the newest source, then corpus order, then the
// claim's id, so that the order never depends on chance. Claims repeating
// one already picked are skipped.
func (s *scope) pick(used map[*claims.Claim]bool, limit int, qualifies func(*claims.Claim, facts) bool,
	rank func(*claims.Claim, facts) int) []*claims.Claim {
	var q rankedQueue
	for i, c := range s.claims {
		if f := s.facts[i]; !used[c] && qualifies(c, f) {
			q = append(q, ranked{c, rank(c, f), f})
		}
	}
	// A heap, not a sort: a section shows a handful of the base's claims,
	// and a large base has hundreds of thousands.
	heap.Init(&q)
	var out []*claims.Claim
	for len(out) < limit && q.Len() > 0 {
		c := heap.Pop(&q).(ranked).c
		if !repeats(c, out) {
			out = append(out, c)
			used[c] = true
		}
	}
	return out
}

// ranked is a claim with what orders it in a section.
type ranked struct {
	c    *claims.Claim
	rank int
	facts
}

// rankedQueue pops claims best first.
type rankedQueue []ranked

func (q rankedQueue) Len() int      { return len(q) }
func (q rankedQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q rankedQueue) Less(i, j int) bool {
	a, b := q[i], q[j]
	switch {
	case a.rank != b.rank:
		return a.rank > b.rank
	case a.newest != b.newest:
		return a.newest > b.newest
	case a.doc != b.doc:
		return a.doc < b.doc
	case a.para != b.para:
		return a.para < b.para
	}
	return a.c.ID < b.c.ID
}
func (q *rankedQueue) Push(x any) { *q = append(*q, x.(ranked)) }
func (q *rankedQueue) Pop() any {
	last := (*q)[len(*q)-1]
	*q = (*q)[:len(*q)-1]
	return last
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
