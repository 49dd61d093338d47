package answer

import (
	"math"

	"briefbot/knowledge/corpus"
)

// choose picks the answers: best first, spread over documents, without
// overlapping passages; a passage that repeats a chosen one from another
// document becomes that answer's corroborating citation. Every passage is
// chosen or attached before the first limit answers are kept, so that a
// limit counts answers and never drops the citations of one it keeps.
func (e *Engine) choose(ps []passage, bestCoverage float64, limit int) ([]*passage, []Answer) {
	var picked []*passage
	var answers []Answer
	var pickedTerms [][]string
	used := make([]bool, len(ps))
	perDoc := map[*corpus.Document]int{}
	for {
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
	n := min(len(picked), limit)
	return picked[:n], answers[:n]
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
		room := limit - i - 1
		for _, s := range e.contestFor(p) {
			if len(rivals) >= room {
				break
			}
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
func (e *Engine) corroborates(p *passage, terms []string, picked []*passage, pickedTerms [][]string, answers []Answer) bool {
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
