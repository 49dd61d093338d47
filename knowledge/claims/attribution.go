package claims

import (
	"briefbot/knowledge/words"
	"strings"
)

// attribution is who a claim is attributed to, and where that is written.
type attribution struct {
	p       *paragraph
	ph      phrase
	pronoun bool
}

func (a attribution) found() bool { return a.p != nil }

// end is the byte offset where the attribution ends, so that the citation
// covers it.
func (a attribution) end() int { return a.p.toks[a.ph.end-1].End }

// cueAt returns the lemma of the cue verb at token i ("" when none),
// requiring the particle of phrasal cues ("points out").
func (p *paragraph) cueAt(i int) string {
	if p.capitalised(i) {
		return "" // "Islamic State" is a name, not a verb
	}
	if p.class[i]&cueWord == 0 {
		return "" // most words
	}
	lemma := cueForms[p.lower[i]]
	if particle, ok := cueNeedsParticle[lemma]; ok && (i+1 >= len(p.lower) || p.lower[i+1] != particle) {
		return ""
	}
	return lemma
}

// finite reports whether the cue at token i can have a subject before it:
// participles ("stating that") cannot.
func (p *paragraph) finite(i int) bool { return !strings.HasSuffix(p.lower[i], "ing") }

// accordingTo reports whether tokens i, i+1 read "according to".
func (p *paragraph) accordingTo(i int) bool {
	return i+1 < len(p.lower) && p.lower[i] == "according" && p.lower[i+1] == "to" && p.plainGap(i+1)
}

// attributeAfter reads the attribution following a quote in its sentence:
// `,” said X`, `,” X told NPR`, `,” according to X`.
func (p *paragraph) attributeAfter(q quoteSpan) attribution {
	t := q.endTok
	if !q.closed || t >= len(p.toks) || p.sentenceAt(p.toks[t].Start) != p.sentenceAt(q.close-1) {
		return attribution{}
	}
	_, hi := p.sentenceTokens(p.sentenceAt(q.close - 1))
	if p.accordingTo(t) {
		return p.attributed(p.speakerAfter(t+1, hi))
	}
	if lemma := p.cueAt(t); speakerAfterVerb[lemma] {
		return p.attributed(p.speakerAfter(t, hi))
	}
	for v := t + 1; v < hi && v <= t+maxSpeakerWords+2; v++ {
		if p.inQuote(v) {
			break
		}
		if p.cueAt(v) == "" || !p.finite(v) {
			continue
		}
		if ph, ok := p.subjectBefore(v, t); ok && ph.first == t {
			return p.attributed(ph, true)
		}
	}
	return attribution{}
}

// attributeBefore reads the attribution that opens the quote's sentence:
// "X told Sky ... that he was “...”", "the UN published an assessment ...
// stating that al-Qaida “...”", "According to X, “...”".
func (p *paragraph) attributeBefore(q quoteSpan) attribution {
	sf, _ := p.sentenceTokens(p.sentenceAt(q.open))
	for v := q.firstTok - 1; v >= sf && q.firstTok-v <= 25; v-- {
		if p.inQuote(v) {
			continue
		}
		if p.accordingTo(v) {
			if a := p.attributed(p.speakerAfter(v+1, q.firstTok)); a.found() {
				return a
			}
			continue
		}
		if p.cueAt(v) == "" || !p.finite(v) {
			continue
		}
		if a := p.attributed(p.subjectBefore(v, sf)); a.found() {
			return a
		}
	}
	return attribution{}
}

// cueBefore finds the nearest cue verb before token k (from token lo) that
// names its subject, and returns that subject.
func (p *paragraph) cueBefore(k, lo int) (phrase, bool) {
	for v := k - 1; v >= lo; v-- {
		if p.inQuote(v) || p.cueAt(v) == "" || !p.finite(v) || p.nounOrParticiple(v) {
			continue
		}
		if ph, ok := p.subjectBefore(v, lo); ok {
			return ph, true
		}
	}
	return phrase{}, false
}

func (p *paragraph) attributed(ph phrase, ok bool) attribution {
	if !ok {
		return attribution{}
	}
	return attribution{p: p, ph: ph, pronoun: p.isPronoun(ph)}
}

// nounOrParticiple reports whether the cue word at token v is not a verb
// of saying here: a plural noun ("Treasury notes of $100", "the reports
// of"), or a participle after a comma ("the receipts, estimated at").
func (p *paragraph) nounOrParticiple(v int) bool {
	w := p.lower[v]
	if strings.HasSuffix(w, "ed") && p.commaGap(v) {
		return true
	}
	if !strings.HasSuffix(w, "s") || v+1 >= len(p.lower) {
		return false
	}
	return !p.plainGap(v+1) || nounFollowers[p.lower[v+1]]
}

// nounFollowers follow a plural noun, never a verb of saying.
var nounFollowers = words.Set(`of which were are for in issued outstanding and or`)
