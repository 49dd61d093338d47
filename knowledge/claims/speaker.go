package claims

import (
	"strings"

	"briefbot/knowledge/words"
)

// phrase is a speaker phrase: tokens [first, end) of a paragraph.
type phrase struct {
	first, end int
}

func (ph phrase) empty() bool { return ph.end <= ph.first }

// maxSpeakerWords bounds a speaker phrase; longer runs are clauses, not names.
const maxSpeakerWords = 12

// subjectBefore finds the speaker of the cue verb at token v by reading
// backwards, never before token lo: "former US defence secretary Leon
// Panetta told", "Zalmay Khalilzad, the US special representative ...,
// told", "Ben Wallace, who likewise told", "Officials ... who negotiated the
// agreement suggest".
func (p *paragraph) subjectBefore(v, lo int) (phrase, bool) {
	j := p.skipCatenative(v-1, lo)
	for j >= lo && p.plainGap(j+1) && (auxiliaries[p.lower[j]] || isAdverb(p.lower[j])) {
		j--
	}
	if j < lo || p.lower[j] == "of" || p.lower[j] == "and" || isDeterminer(p.lower[j]) {
		return phrase{}, false // "secretary of state": a noun, not a verb
	}
	if p.lower[j] == "who" {
		if j-1 < lo || !(p.plainGap(j) || p.commaGap(j)) {
			return phrase{}, false
		}
		return p.nounPhraseBefore(j-1, lo)
	}
	if p.commaGap(j + 1) {
		return p.appositiveBefore(j, lo)
	}
	if !p.plainGap(j + 1) {
		return phrase{}, false
	}
	return p.nounPhraseBefore(j, lo)
}

// skipCatenative steps back over "had cause to", "was quick to", "went on
// to" between a speaker and the verb of saying, returning the token before
// them (or j unchanged).
func (p *paragraph) skipCatenative(j, lo int) int {
	if j-1 < lo || p.lower[j] != "to" || !p.plainGap(j) || !p.plainGap(j+1) {
		return j
	}
	k := j - 1
	if p.lower[k] == "on" && k-1 >= lo && p.lower[k-1] == "went" {
		return k - 2
	}
	if !catenatives[p.lower[k]] {
		return j
	}
	if k-1 >= lo && beForms[p.lower[k-1]] {
		k-- // "was quick to"
	}
	return k - 1
}

// nounPhraseBefore reads the noun phrase ending at token j backwards. It
// gives up when it stops on a verb-like word (the phrase is then the object
// of another clause), except for a restrictive relative clause "X who
// negotiated the deal".
func (p *paragraph) nounPhraseBefore(j, lo int) (phrase, bool) {
	if p.pronounAt(j) {
		return phrase{j, j + 1}, true
	}
	k := p.walkBack(j, lo)
	if k > j {
		return phrase{}, false
	}
	if k > lo && p.plainGap(k) {
		stop := p.lower[k-1]
		switch {
		case reportNouns[p.lower[j]] && (stop == "that" || stop == "this"):
			k-- // "That same report declares"
		case !notInSpeaker[stop] && !pronouns[stop]:
			// Stopped on a verb: "X who negotiated the deal" or a clause.
			if k-3 >= lo && p.lower[k-2] == "who" && p.plainGap(k-1) {
				return p.nounPhraseBefore(k-3, lo)
			}
			return phrase{}, false
		}
	}
	return p.trimPhrase(phrase{k, j + 1})
}

// appositiveBefore handles "A, B, said": A is the head, B an appositive;
// whichever ends with a name is the speaker, the head when both do.
func (p *paragraph) appositiveBefore(j, lo int) (phrase, bool) {
	b := j
	for b > lo && b > j-15 && p.plainGap(b) {
		b--
	}
	if b <= lo || !p.commaGap(b) {
		return p.nounPhraseBefore(j, lo)
	}
	head, ok := p.nounPhraseBefore(b-1, lo)
	appos := phrase{b, j + 1}
	if ok && p.capitalised(head.end-1) {
		return head, true
	}
	if p.capitalised(j) {
		return p.trimPhrase(appos)
	}
	return head, ok
}

// walkBack returns the first token of the longest run ending at j made of
// words that can belong to a speaker phrase and separated by spaces only.
func (p *paragraph) walkBack(j, lo int) int {
	k := j + 1
	for i := j; i >= lo && j-i < maxSpeakerWords; i-- {
		if i < j && !p.nameGap(i+1) {
			break
		}
		w := p.lower[i]
		if notInSpeaker[w] || (i < j && p.pronounAt(i)) || p.inQuote(i) {
			break
		}
		if i < j && strings.HasSuffix(w, "ed") && !p.capitalised(i) && isDeterminer(p.lower[i+1]) {
			break // "negotiated the agreement": a verb and its object
		}
		k = i
	}
	return k
}

// speakerAfter reads the speaker following a cue verb at token v ("said a
// retired counterterrorism official", "added Douglas London, a former
// head ..."): up to a stop word or any punctuation, never past hi.
func (p *paragraph) speakerAfter(v, hi int) (phrase, bool) {
	k := v + 1
	for k < hi && k-v <= maxSpeakerWords && p.plainGap(k) && !notInSpeaker[p.lower[k]] && !p.inQuote(k) {
		k++
	}
	return p.trimPhrase(phrase{v + 1, k})
}

// trimPhrase drops clause openers ("Last week", "But") and leading
// conjunctions from the front of a phrase and rejects phrases that are only
// function words.
func (p *paragraph) trimPhrase(ph phrase) (phrase, bool) {
	for ph.first < ph.end-1 && (leadingNoise[p.lower[ph.first]] || p.lower[ph.first] == "of") {
		ph.first++
	}
	for ph.end > ph.first && (p.lower[ph.end-1] == "of" || p.lower[ph.end-1] == "and" || isDeterminer(p.lower[ph.end-1]) ||
		ph.end-1 > ph.first && timeWords[p.lower[ph.end-1]]) {
		ph.end-- // "said Stram Monday": the day is not the speaker's
	}
	if ph.empty() || !p.namesSomeone(ph) {
		return ph, false
	}
	return ph, true
}

// isPronoun reports whether the phrase is a lone pronoun ("he", "they").
func (p *paragraph) isPronoun(ph phrase) bool {
	return ph.end-ph.first == 1 && p.pronounAt(ph.first)
}

// pronounAt reports whether token i is a pronoun; "US" is not "us", "I" is
// always "I".
func (p *paragraph) pronounAt(i int) bool {
	t := p.toks[i].Text
	return pronouns[p.lower[i]] && (t != strings.ToUpper(t) || t == "I")
}

// determinerLike words may open a speaker phrase made of common nouns.
var determinerLike = words.Set(`a an the this that these those some many most several other its their his her our
both all each every any no former senior western`)

// namesSomeone rejects phrases that cannot be a subject: a bare singular
// common noun ("member" in "member states that") is a fragment; a name, a
// determiner or a plural ("officials") is not.
func (p *paragraph) namesSomeone(ph phrase) bool {
	for i := ph.first; i < ph.end; i++ {
		if p.capitalised(i) {
			return true
		}
	}
	return determinerLike[p.lower[ph.first]] || looksPlural(p.lower[ph.end-1]) || p.isPronoun(ph)
}

// isAnaphoric reports whether the phrase points back rather than names:
// "These individuals", "That same report".
func (p *paragraph) isAnaphoric(ph phrase) bool {
	switch p.lower[ph.first] {
	case "these", "those", "this", "that", "such":
		return true
	}
	return false
}

func isDeterminer(w string) bool { return w == "the" || w == "a" || w == "an" }

// isAdverb recognises "-ly" adverbs between a speaker and its verb
// ("recently reported"); short words such as "only" or "family" are not.
func isAdverb(w string) bool { return len(w) > 5 && strings.HasSuffix(w, "ly") }

// text returns the verbatim text of a phrase.
func (p *paragraph) text(ph phrase) string {
	if ph.empty() {
		return ""
	}
	return p.doc.Text[p.toks[ph.first].Start:p.toks[ph.end-1].End]
}
