package answer

import (
	"slices"
	"sort"
	"strings"

	"briefbot/knowledge/lexicon"
)

// Engine answers questions over a fixed set of documents. It is safe for
// concurrent use.
type Engine struct {
	ix        *index
	context   *docContext
	links     *links
	scratches *scratchPool
	// What questions' words cost to work out, remembered as they are
	// asked: a term's associations, a WordNet word's related terms
	// (key "\x00"+word for a name), whether a term is in most documents.
	associations *memo[uint32, []uint32]
	related      *memo[string, []alt]
	widespread   *memo[uint32, bool]
	initials     *initialsIndex
}

const (
	defaultLimit = 3
	maxLimit     = 10
	// Further answers must cover at least this share of what the best does.
	relativeFloor = 0.6
	// deepFloor is how far below the best passage's coverage one is read
	// when none above the relative floor holds the kind of answer asked
	// for (chosen on the fit halves).
	deepFloor = 0.5
	// docPenalty spreads answers over documents, so that different sources
	// (and their different figures) come up together.
	docPenalty = 0.08
)

// newEngine joins a finished index and its links with what follows from
// them cheaply; the snapshot decoder shares it with the build.
func newEngine(ix *index, l *links) *Engine {
	lexicon.Load()
	return &Engine{ix: ix, links: l, context: newDocContext(ix), scratches: newScratchPool(ix), associations: &memo[uint32, []uint32]{}, related: &memo[string, []alt]{}, widespread: &memo[uint32, bool]{}, initials: &initialsIndex{}}
}

// minCoverage is the share of a question's weighted concepts the best
// passage must hold for the question to count as answered. It and the
// other weights of the ranking (contextQuality, polysemyDiscount, the
// relation qualities) were chosen on half of each dev question file and
// checked on the other half (README, "Answers in users' words").
const minCoverage = 0.35

// floorMargin is how much less a passage holding enough of the question
// may score than the best one, which holds too little, and answer for it.
const floorMargin = 0.05

// Ask answers a question with up to limit passages (limit <= 0: 3), best
// first, or abstains with a note when the documents do not answer it.
func (e *Engine) Ask(question string, limit int) Result {
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	res := Result{Question: question, Answers: []Answer{}}
	q := e.parse(question)
	if len(q.concepts) == 0 {
		res.Note = "The question names nothing to look for." + e.suggestion(&q)
		return res
	}
	ps := e.passages(&q, limit)
	best := bestAnswer(ps)
	if best < 0 {
		res.Note = e.abstention(&q, ps) + e.suggestion(&q)
		return res
	}
	res.Answered = true
	picked, answers := e.choose(ps, ps[best].coverage, limit)
	if q.intent == askFigure {
		answers = e.withContest(&q, picked, answers, limit)
	}
	res.Answers = answers
	return res
}

// bestAnswer returns the index of the passage that answers, among ps
// sorted by score, or -1: the best-scoring one that answers, if it holds
// enough of the question (or what it quotes); else one scoring a little
// less that does.
func bestAnswer(ps []passage) int {
	enough := func(p passage) bool { return p.answers && (p.coverage >= minCoverage || p.quoted > 0) }
	best := slices.IndexFunc(ps, func(p passage) bool { return p.answers })
	if best < 0 || enough(ps[best]) {
		return best
	}
	for i := best + 1; i < len(ps) && ps[i].score >= ps[best].score-floorMargin; i++ {
		if enough(ps[i]) {
			return i
		}
	}
	return -1
}

// maxScored bounds the passages whose features are read for one question.
const maxScored = 24

// passages builds the passages around the candidate sentences and scores
// the ones that can still be chosen. Reading features is the costly part:
// passages are scored in order of coverage, and once the next one could not
// beat the enough-th best even with every bonus, the rest are dropped.
func (e *Engine) passages(q *query, limit int) []passage {
	var ps []passage
	cands := e.candidates(q)
	for _, s := range e.quotedSentences(q) {
		if !slices.Contains(cands, s) {
			cands = append(cands, s)
		}
	}
	e.readSentences(q, around(cands, len(e.ix.sents)))
	for _, s := range cands {
		ps = append(ps, e.passageAt(q, int(s)))
	}
	// The quotation a candidate's paragraph introduces ("he reached his
	// climax:") is one too, though it repeats none of the question's words.
	for i := range len(ps) {
		end := e.ix.paragraphEnd(ps[i].last)
		if e.introduces(end) && !slices.ContainsFunc(ps, func(p passage) bool { return p.first <= end+1 && end+1 <= p.last }) {
			ps = append(ps, e.passageAt(q, end+1))
		}
	}
	// Passages holding what the question quotes come first, whatever
	// their coverage.
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].quoted != ps[j].quoted {
			return ps[i].quoted > ps[j].quoted
		}
		return ps[i].coverage > ps[j].coverage
	})
	enough := 2*limit + 4 // room for corroborating repeats
	bonus := q.maxBonus()
	var scores []float64
	kept := ps[:0]
	next := 0
	for ; next < len(ps); next++ {
		p := ps[next]
		if p.quoted == 0 && p.coverage < relativeFloor*ps[0].coverage || len(kept) == maxScored {
			break
		}
		if len(scores) >= enough && p.coverage+bonus < scores[enough-1] {
			break
		}
		e.score(q, &p)
		kept = append(kept, p)
		i := sort.Search(len(scores), func(i int) bool { return scores[i] < p.score })
		scores = slices.Insert(scores, i, p.score)
	}
	// When every passage read holds the question's words but not the kind
	// of answer it asks for (a figure, a date, a person), one holding less
	// of its words may hold that: read on, down to deepFloor.
	if len(kept) > 0 && !slices.ContainsFunc(kept, func(p passage) bool { return p.answers }) && lacksKind(kept[0].lacks) {
		for ; next < len(ps) && len(kept) < maxScored && ps[next].coverage >= deepFloor*ps[0].coverage; next++ {
			p := ps[next]
			e.score(q, &p)
			if p.answers {
				kept = append(kept, p)
			}
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].score > kept[j].score })
	return kept
}

// around returns the sentences a passage around each of cands may read,
// sorted: each and its neighbours (n sentences in all).
func around(cands []uint32, n int) []uint32 {
	ss := make([]uint32, 0, 3*len(cands))
	for _, s := range cands {
		if s > 0 {
			ss = append(ss, s-1)
		}
		ss = append(ss, s)
		if int(s)+1 < n {
			ss = append(ss, s+1)
		}
	}
	slices.Sort(ss)
	return slices.Compact(ss)
}

// lacksKind reports whether a passage was refused for want of the kind of
// answer asked for.
func lacksKind(l lack) bool {
	return l.what == lackFigure || l.what == lackDate || l.what == lackPerson || l.what == lackNamed
}

// maxNamedUnknown bounds the missing words a note lists.
const maxNamedUnknown = 5

// abstention says why the question is not answered: the part of the
// question that the passage holding the most of the rest lacks, or else
// the question's words that no document uses.
func (e *Engine) abstention(q *query, ps []passage) string {
	closest := -1
	for i := range ps {
		if ps[i].lacks.what != "" && (closest < 0 || ps[i].coverage > ps[closest].coverage) {
			closest = i
		}
	}
	if closest >= 0 && ps[closest].coverage >= minCoverage {
		return ps[closest].lacks.note()
	}
	var unknown []string
	for _, c := range q.concepts {
		if !c.known {
			unknown = append(unknown, c.written)
		}
	}
	if len(unknown) == 0 {
		return "No passage holds enough of what the question asks."
	}
	if len(unknown) > maxNamedUnknown {
		unknown = append(unknown[:maxNamedUnknown], "…")
	}
	return "No document mentions " + strings.Join(unknown, ", ") + "."
}
