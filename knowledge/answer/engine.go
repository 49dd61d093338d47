package answer

import (
	"math"
	"slices"
	"sort"
	"strings"

	"briefbot/knowledge/corpus"
)

// Engine answers questions over a fixed set of documents. It is safe for
// concurrent use.
type Engine struct {
	ix        *index
	related   map[string][]uint32 // term -> related terms the corpus has
	links     *links
	scratches *scratchPool
}

const (
	defaultLimit = 3
	maxLimit     = 10
	// minCoverage is the share of a question's weighted concepts the best
	// passage must hold for the question to count as answered.
	minCoverage = 0.6
	// Further answers must cover at least this share of what the best does.
	relativeFloor = 0.6
	// docPenalty spreads answers over documents, so that different sources
	// (and their different figures) come up together.
	docPenalty = 0.08
)

func build(docs []*corpus.Document, l *links) *Engine {
	b := newIndexBuilder(docs)
	l.index(b)
	e := &Engine{ix: b.finish(), links: l}
	l.finish(e.ix)
	e.related = relatedTerms(e.ix)
	e.scratches = newScratchPool(len(e.ix.sents))
	return e
}

// relatedTerms resolves the related-words table to the corpus's terms,
// keyed by every term of the table, so that a question word the corpus
// lacks ("imprisoned") still reaches the ones it has ("jailed").
func relatedTerms(ix *index) map[string][]uint32 {
	out := map[string][]uint32{}
	for _, group := range related {
		var ids []uint32
		for _, w := range group {
			if t, ok := ix.lookup(w); ok && !containsID(ids, t) {
				ids = append(ids, t)
			}
		}
		for _, w := range group {
			key := termOf(w)
			own, _ := ix.lookup(w)
			for _, id := range ids {
				if id != own && !containsID(out[key], id) {
					out[key] = append(out[key], id)
				}
			}
		}
	}
	return out
}

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
	best := -1
	for i := range ps {
		if ps[i].answers {
			best = i
			break
		}
	}
	if best < 0 || ps[best].coverage < minCoverage {
		res.Note = e.abstention(&q) + e.suggestion(&q)
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

// passages builds the passages around the candidate sentences and scores
// the ones that can still be chosen. Reading features is the costly part:
// passages are scored in order of coverage, and once the next one could not
// beat the enough-th best even with every bonus, the rest are dropped.
func (e *Engine) passages(q *query, limit int) []passage {
	var ps []passage
	for _, s := range e.candidates(q) {
		ps = append(ps, e.passageAt(q, int(s)))
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].coverage > ps[j].coverage })
	enough := 2*limit + 4 // room for corroborating repeats
	var scores []float64
	kept := ps[:0]
	for _, p := range ps {
		if p.coverage < relativeFloor*ps[0].coverage {
			break
		}
		if len(scores) >= enough && p.coverage+maxBonus < scores[enough-1] {
			break
		}
		e.score(q, &p)
		kept = append(kept, p)
		i := sort.Search(len(scores), func(i int) bool { return scores[i] < p.score })
		scores = slices.Insert(scores, i, p.score)
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].score > kept[j].score })
	return kept
}

// choose picks the answers: best first, spread over documents, without
// overlapping passages; a passage that repeats a chosen one from another
// document becomes that answer's corroborating citation.
func (e *Engine) choose(ps []passage, bestCoverage float64, limit int) ([]*passage, []Answer) {
	var picked []*passage
	var answers []Answer
	var pickedTerms []map[string]bool
	used := make([]bool, len(ps))
	perDoc := map[*corpus.Document]int{}
	for len(picked) < limit {
		next, nextScore := -1, math.Inf(-1)
		for i := range ps {
			p := &ps[i]
			if used[i] || !p.answers || p.coverage < relativeFloor*bestCoverage {
				continue
			}
			if s := p.score - docPenalty*float64(perDoc[p.doc]); s > nextScore {
				next, nextScore = i, s
			}
		}
		if next < 0 {
			break
		}
		used[next] = true
		p := &ps[next]
		terms := contentTerms(e.text(p))
		if e.corroborates(p, terms, picked, pickedTerms, answers) {
			continue
		}
		picked = append(picked, p)
		pickedTerms = append(pickedTerms, terms)
		perDoc[p.doc]++
		answers = append(answers, e.answerOf(p))
	}
	return picked, answers
}

// maxRepeatCitations bounds the citations a sentence repeated word for
// word across documents adds to its answer.
const maxRepeatCitations = 5

func (e *Engine) answerOf(p *passage) Answer {
	a := Answer{
		Text:      e.text(p),
		Score:     math.Round(p.score*1000) / 1000,
		Citations: []corpus.Citation{e.citation(p)},
	}
	for _, s := range e.ix.repeats[uint32(p.anchor)] {
		if len(a.Citations) > maxRepeatCitations {
			break
		}
		r := e.ix.sents[s]
		d := e.ix.docs[r.doc]
		if !citesDoc(a.Citations, d.ID) {
			a.Citations = append(a.Citations, d.CiteSentences(int(r.sent), int(r.sent)))
		}
	}
	return a
}

// withContest brings the disagreeing sources of a contested figure next to
// the first answer that states one: the other documents' figures follow it,
// ahead of the remaining answers.
func (e *Engine) withContest(q *query, picked []*passage, answers []Answer, limit int) []Answer {
	for i, p := range picked {
		var rivals []Answer
		for _, s := range e.contestFor(p) {
			doc := e.ix.docs[e.ix.sents[s].doc]
			if doc == p.doc || inPassages(picked, int(s)) || answersCite(rivals, doc.ID) {
				continue
			}
			rp := e.passageAt(q, int(s))
			e.score(q, &rp)
			rivals = append(rivals, e.answerOf(&rp))
		}
		if len(rivals) == 0 {
			continue
		}
		out := append([]Answer{}, answers[:i+1]...)
		out = append(out, rivals...)
		out = append(out, answers[i+1:]...)
		return out[:min(len(out), limit)]
	}
	return answers
}

func inPassages(ps []*passage, s int) bool {
	for _, p := range ps {
		if p.first <= s && s <= p.last {
			return true
		}
	}
	return false
}

func answersCite(as []Answer, doc string) bool {
	for _, a := range as {
		if citesDoc(a.Citations, doc) {
			return true
		}
	}
	return false
}

// corroborates attaches p to an answer it repeats or overlaps, and reports
// whether it did. A repeat from a document the answer does not cite yet
// adds a citation; anything else repeating is dropped.
func (e *Engine) corroborates(p *passage, terms map[string]bool, picked []*passage, pickedTerms []map[string]bool, answers []Answer) bool {
	for i, o := range picked {
		if o.doc == p.doc && o.overlaps(p) {
			return true
		}
		if !similar(terms, pickedTerms[i]) {
			continue
		}
		if !citesDoc(answers[i].Citations, p.doc.ID) {
			answers[i].Citations = append(answers[i].Citations, e.citation(p))
		}
		return true
	}
	return false
}

func citesDoc(cs []corpus.Citation, doc string) bool {
	for _, c := range cs {
		if c.Doc == doc {
			return true
		}
	}
	return false
}

// abstention says why the question is not answered, naming the question's
// words that no document uses.
func (e *Engine) abstention(q *query) string {
	var unknown []string
	for _, c := range q.concepts {
		if !c.known {
			unknown = append(unknown, c.written)
		}
	}
	if len(unknown) == 0 {
		return "The documents do not answer this question."
	}
	return "The documents do not answer this question; none of them mentions " + strings.Join(unknown, ", ") + "."
}
