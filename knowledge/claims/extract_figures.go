package claims

import "briefbot/knowledge/actors"

// figureClaims records the figures of sentence si with what they count and
// whom they are about. A figure has the speaker of the nearest cue verb
// before it in its sentence ("while the union claims 3,000 members"), else
// of the quote or reported claim that holds it.
func (x *docExtractor) figureClaims(p *paragraph, si int) {
	a, b := p.sentenceTokens(si)
	s, e := x.sentenceSpan(si)
	for _, f := range p.figures(a, b) {
		start, end := p.toks[f.first].Start, p.toks[f.end-1].End
		var who speakerRef
		if ph, ok := p.cueBefore(f.first, a); ok {
			who = x.who(attribution{p: p, ph: ph, pronoun: p.isPronoun(ph)}, si)
		} else if c := x.claimHolding(p, start, isAttributable); c != nil {
			who = speakerRef{name: c.Speaker, id: c.SpeakerID, written: c.Attribution}
		}
		c := x.add(Figure, p, start, end, p.cite(s, e), who)
		m := f.measure
		c.Measure = &m
		c.About = x.figureSubject(si, start, end)
	}
}

// figureSubject names the actor a figure is about: one named inside the
// figure ("400 al-Qaeda fighters", "members of Al-Qaida"), else the nearest
// named before it in the sentence. Places only qualify ("15 Afghan
// provinces") unless no person or organisation is named.
func (x *docExtractor) figureSubject(si, start, end int) string {
	ms := x.mentions(si)
	var inside, before, place *mention
	for i := range ms {
		m := &ms[i]
		switch {
		case m.Kind == actors.Place:
			if m.End <= end {
				place = m
			}
		case m.Start >= start && m.End <= end:
			inside = m
		case m.End <= start:
			before = m
		}
	}
	for _, m := range []*mention{inside, before, place} {
		if m != nil {
			return m.Key
		}
	}
	return ""
}

// assessmentClaim records a hedged sentence that no quote or reported claim
// covers: the document's own assessment.
func (x *docExtractor) assessmentClaim(p *paragraph, si int) {
	if x.covered[si] {
		return
	}
	a, b := p.sentenceTokens(si)
	if len(p.findHedges(a, b)) == 0 {
		return
	}
	s, e := x.sentenceSpan(si)
	x.add(Assessment, p, s, e, p.cite(s, e), speakerRef{})
	x.cover(si, si)
}
