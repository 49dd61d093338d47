package claims

import "briefbot/knowledge/words"

// reportedClaim finds reported speech in sentence si, which carries no
// quote claim yet:
//
//	"According to X, <claim>" and "<claim>, according to X"
//	"X warned this week that <claim>", "X told Congress in May that <claim>"
//	"X have characterised the relationship as close" (the whole sentence)
//	"<claim>, X maintain, ..." and "<claim>, as X points out, ..."
//
// A sentence that already carries a quote claim only adds the "that" clause
// whose own words lead into the quote ("told reporters that the company had
// offered a 4% rise and that “...”").
func (x *docExtractor) reportedClaim(p *paragraph, si int) {
	quoted := x.covered[si]
	a, b := p.sentenceTokens(si)
	a = p.skipOpeners(a, b)
	if b-a < 3 {
		return
	}
	if p.accordingTo(a) && !quoted {
		if ph, ok := p.speakerAfter(a+1, b); ok && ph.end < b && p.commaGap(ph.end) {
			x.addReported(p, si, ph, ph.end, b)
		}
		return
	}
	for v := a + 1; v < b; v++ {
		if p.inQuote(v) {
			continue
		}
		if p.accordingTo(v) && p.commaGap(v) && !quoted {
			if ph, ok := p.speakerAfter(v+1, b); ok {
				x.addReported(p, si, ph, a, v)
			}
			return
		}
		lemma := p.cueAt(v)
		if lemma == "" || !p.finite(v) {
			continue
		}
		ph, ok := p.subjectBefore(v, a)
		if !ok {
			continue
		}
		after := v + 1
		if _, phrasal := cueNeedsParticle[lemma]; phrasal {
			after++
		}
		// The subject opens the sentence or a clause; a subject pronoun
		// opens one wherever it stands ("A year ago I reported that").
		opens := ph.first == a || p.commaGap(ph.first) || p.isPronoun(ph) && subjectPronouns[p.lower[ph.first]] ||
			subordinators[p.lower[ph.first-1]] && p.plainGap(ph.first) // "after Mayor Hartsfield announced that"
		if t := p.find("that", after, min(b, after+8)); opens && t >= 0 {
			if !quoted || p.wordsBeforeQuote(t+1, b) >= minQuoteWords {
				x.addReported(p, si, ph, t+1, b)
			}
			return
		}
		if quoted {
			return
		}
		if ph.first == a && speakerAfterVerb[lemma] && p.startsClause(after, b) {
			x.addReported(p, si, ph, after, b) // "Analysts warn the truce may not hold"
			return
		}
		if characterising[lemma] && ph.first == a && p.find("as", after, min(b, after+6)) >= 0 {
			x.addReported(p, si, ph, a, b)
			return
		}
		if p.lower[a] == "as" && ph.first == a+1 && after < b && p.commaGap(after) {
			x.addReported(p, si, ph, after, b) // "As X suggests, <claim>"
			return
		}
		// An inserted attribution: "<claim>, X maintain," or "<claim>, as X points out,".
		first := ph.first
		if first-1 > a && p.lower[first-1] == "as" && p.plainGap(first) {
			first--
		}
		if p.commaGap(first) && (after >= b || p.commaGap(after)) {
			x.addReported(p, si, ph, a, first)
			return
		}
	}
}

// possessives open a noun phrase, as determiners do ("said his line would").
var possessives = words.Set(`his her their its our my your`)

// subordinators open a clause whose subject may be a speaker.
var subordinators = words.Set(`after before when while because since although though once until as if`)

// clauseVerbs are finite verbs and modals that show that words after a
// verb of saying form a clause, not its object ("warn the truce may not
// hold", not "noted the date").
var clauseVerbs = words.Set(`is are was were will would may might could can has have had must should shall does did`)

// startsClause reports whether tokens [from, end) read as a reported clause
// without "that": a determiner or a name, then a finite verb or modal
// within a few words.
func (p *paragraph) startsClause(from, end int) bool {
	for from < end && p.plainGap(from) && timeWords[p.lower[from]] {
		from++ // "said last night he plans"
	}
	if from < end && p.plainGap(from) && subjectPronouns[p.lower[from]] && p.toks[from].Text != "US" {
		return end-from >= 3 // "said he would": a pronoun that can only be a subject
	}
	if end-from < 4 || !p.plainGap(from) || !(isDeterminer(p.lower[from]) || possessives[p.lower[from]] || p.capitalised(from)) {
		return false
	}
	for k := from + 1; k < end && k <= from+5; k++ {
		if !p.plainGap(k) {
			return false
		}
		// A modal, an auxiliary, or an adverb before its verb ("the car
		// evidently slid").
		if clauseVerbs[p.lower[k]] || isAdverb(p.lower[k]) && k+1 < end && p.plainGap(k+1) && !p.capitalised(k+1) {
			return true
		}
	}
	return false
}

// wordsBeforeQuote counts the words from token first up to the first quoted
// one (or end).
func (p *paragraph) wordsBeforeQuote(first, end int) int {
	n := 0
	for k := first; k < end && !p.inQuote(k); k++ {
		n++
	}
	return n
}

// addReported records the reported claim of tokens [first, end) said by ph.
func (x *docExtractor) addReported(p *paragraph, si int, ph phrase, first, end int) {
	if end-first < 3 {
		return
	}
	who := x.who(attribution{p: p, ph: ph, pronoun: p.isPronoun(ph)}, si)
	s, e := x.sentenceSpan(si)
	x.add(Reported, p, p.toks[first].Start, p.toks[end-1].End, p.cite(s, e), who)
	x.cover(si, si)
}

// skipOpeners skips a conjunction that opens a sentence ("But according
// to ...").
func (p *paragraph) skipOpeners(a, b int) int {
	for a < b && (p.lower[a] == "but" || p.lower[a] == "and" || p.lower[a] == "yet") && a+1 < b && p.plainGap(a+1) {
		a++
	}
	return a
}

// find returns the first token in [from, to) equal to w, reached without
// crossing punctuation, or -1.
func (p *paragraph) find(w string, from, to int) int {
	for k := from; k < to; k++ {
		if !p.plainGap(k) {
			return -1
		}
		if p.lower[k] == w {
			return k
		}
	}
	return -1
}
