package answer

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/lexicon"
	"briefbot/knowledge/words"
)

// passage is a run of sentences of one paragraph that may answer a
// question: the anchor sentence, and a neighbour when it holds what the
// anchor lacks or when the anchor only makes sense after it ("He noted ...").
type passage struct {
	doc         *corpus.Document
	docIndex    uint32
	first, last int // global sentence ids, inclusive
	anchor      int
	matched     []float64 // per concept: how well the passage covers it
	coverage    float64   // weighted share of the question's concepts covered
	score       float64
	answers     bool    // covers what an answer must: the question's numbers, a figure when asked
	quoted      float64 // how much of the phrases the question quotes it holds (quoteShare)
	lacks       lack    // when it cannot answer for want of one part of the question, which
	feat        features
}

// A neighbour's words count a little less than the anchor's own.
const neighbourDiscount = 0.85

// Intent bonuses: how much an answer of the kind asked for is preferred.
const (
	intentBonus   = 0.2
	claimBonus    = 0.15
	lengthBonus   = 0.1
	missingPenalt = 0.2
	// otherYearsPenalty lowers a passage stating years when the question
	// gives the year its speaker said it in: one comparing with other
	// years answers less often than one that does not (0.05 loses no
	// question the refusal it replaces passed; 0 loses two).
	otherYearsPenalty = 0.05
)

// maxBonus is the most the question's intent can add to a passage's
// coverage, to know when a passage can no longer win.
func (q *query) maxBonus() float64 {
	if len(q.quotes) > 0 {
		return quoteBonus + lengthBonus + intentBonus + claimBonus
	}
	switch q.intent {
	case askFigure, askWhen, askWho, askWhoDid:
		return lengthBonus + intentBonus
	case askSay:
		return lengthBonus + claimBonus + intentBonus/2
	case askWhere, askWhy:
		return lengthBonus + intentBonus/2
	}
	return lengthBonus
}

// backReferences open sentences that lean on the one before ("He noted",
// "Additionally, she is").
var backReferences = words.Set(`he she they this that these those his her their its such`)

// leanWords is how far into a sentence a back reference makes it lean on
// the sentence before; pronounWords how far one is looked for to credit
// the actor it stands for.
const (
	leanWords    = 3
	pronounWords = 10
)

// passageAt builds and scores the passage around sentence s.
func (e *Engine) passageAt(q *query, s int) passage {
	p := passage{first: s, last: s, anchor: s, matched: slices.Clone(e.matchSentence(q, s))}
	for _, n := range []int{s - 1, s + 1} {
		if !e.ix.sameParagraph(s, n) {
			continue
		}
		nm := e.matchSentence(q, n)
		extend := n == s-1 && leansBack(e.ix.text(s)) || n == s+1 && takesUp(e.ix.text(s), e.ix.text(n))
		for c := range nm {
			if nm[c] > 0 && p.matched[c] == 0 {
				extend = true
			}
		}
		if !extend {
			continue
		}
		p.first, p.last = min(p.first, n), max(p.last, n)
		for c := range nm {
			p.matched[c] = max(p.matched[c], nm[c]*neighbourDiscount)
		}
	}
	if e.asks(s) && e.ix.sameParagraph(s, s+1) {
		p.last = max(p.last, s+1) // the reply follows the question
	}
	if q.intent == askSay {
		e.extendToQuote(q, &p)
	}
	if q.asksSpeaker {
		e.extendToAttribution(&p)
	}
	e.resolvePronoun(q, &p)
	r := e.ix.sents[s]
	p.doc, p.docIndex = e.ix.docs[r.doc], r.doc
	strong := q.holdsStrongly(p.matched)
	q.matchContext(&p)
	e.matchMentions(q, &p)
	e.matchSource(q, &p)
	e.matchFramingYear(q, &p)
	if share := e.quoteShare(q, &p); share >= minQuoteShare {
		p.quoted = share
	}
	p.coverage, p.answers = e.cover(q, &p)
	p.answers = p.answers && (strong || q.keywords || p.quoted > 0)
	return p
}

// resolvePronoun credits the actors of the sentence before a passage that
// opens with a back reference across a paragraph break ("his execution"
// after a paragraph about Khorasani). The passage keeps its own text: it is
// quoted as written, the actor counted as meant.
func (e *Engine) resolvePronoun(q *query, p *passage) {
	prev := p.first - 1
	if prev < 0 || e.ix.sameParagraph(prev, p.first) || e.ix.sents[prev].doc != e.ix.sents[p.first].doc {
		return
	}
	// A quotation set apart after the sentence that introduces it ("he
	// reached his climax:") is what that sentence announces: all its
	// concepts count, not only the actor a pronoun stands for.
	introduced := e.introduces(prev)
	if !introduced && !refersBack(e.ix.text(p.first), pronounWords) {
		return
	}
	from := prev
	for introduced && prev-from < maxQuoteSentences && e.ix.sameParagraph(from-1, from) {
		from-- // the whole introducing paragraph, up to a bound
	}
	for k := from; k <= prev; k++ {
		nm := e.matchSentence(q, k)
		for c := range nm {
			if introduced || q.concepts[c].actor {
				p.matched[c] = max(p.matched[c], nm[c]*neighbourDiscount)
			}
		}
	}
}

// introduces reports whether sentence s ends its paragraph with a colon
// and the next paragraph, of the same document, opens with a quotation
// mark: the quotation is set apart as its own paragraph.
func (e *Engine) introduces(s int) bool {
	next := s + 1
	if next >= len(e.ix.sents) || e.ix.sameParagraph(s, next) || e.ix.sents[s].doc != e.ix.sents[next].doc {
		return false
	}
	if !strings.HasSuffix(strings.TrimRight(e.ix.text(s), " "), ":") {
		return false
	}
	return strings.HasPrefix(e.ix.text(next), "\"") || strings.HasPrefix(e.ix.text(next), "“")
}

// maxQuoteSentences bounds a passage grown to hold a whole quotation.
const maxQuoteSentences = 5

// extendToQuote grows a passage over the neighbouring sentences of the same
// attributed claim, so that a quotation spanning sentences ("“Warlords will
// ... They will ...,” said Malejacq") is given whole.
func (e *Engine) extendToQuote(q *query, p *passage) {
	for _, t := range e.saidLists(q) {
		post := e.ix.postings(t)
		if !hasSentence(post, uint32(p.anchor)) {
			continue
		}
		for p.last-p.first+1 < maxQuoteSentences && e.ix.sameParagraph(p.first, p.first-1) && hasSentence(post, uint32(p.first-1)) {
			p.first--
		}
		for p.last-p.first+1 < maxQuoteSentences && e.ix.sameParagraph(p.last, p.last+1) && hasSentence(post, uint32(p.last+1)) {
			p.last++
		}
	}
}

// extendToAttribution grows a passage that ends inside a quotation to the
// sentence closing it, where a quotation of several sentences names its
// speaker: "“It's a Catch-22. The Taliban ... risks putting a fox in charge
// of the chicken coop. How much better that is ... remains to be seen,”
// said a retired counterterrorism official."
//
// Whether a sentence is inside a quotation is read from its paragraph's
// start: a passage more than quoteStateReach bytes into its paragraph (a
// speech as one paragraph) is left as it is.
func (e *Engine) extendToAttribution(p *passage) {
	from, read := p.first, 0
	for e.ix.sameParagraph(from-1, from) {
		from--
		if read += len(e.ix.text(from)); read > quoteStateReach {
			return
		}
	}
	var closers string
	for s := from; s <= p.last || closers != "" && p.last-p.first+1 < maxQuoteSentences && e.ix.sameParagraph(p.last, s); s++ {
		closers = quoteOpenAtEnd(e.ix.text(s), closers)
		p.last = max(p.last, s)
	}
}

// quoteStateReach bounds the text read before a passage to know whether
// it opens inside a quotation.
const quoteStateReach = 4096

// quoteOpenAtEnd reads text, which begins inside a quotation that closers
// may close (none: outside any), and returns the closers of the quotation
// still open where it ends.
func quoteOpenAtEnd(text, closers string) string {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if closers == "" {
			closers, _ = openQuote(text, i, r)
			i += n
			continue
		}
		end := closeQuote(text, i, closers)
		if end < 0 {
			return closers
		}
		_, m := utf8.DecodeRuneInString(text[end:])
		closers, i = "", end+m
	}
	return closers
}

// reasonReach is how many sentences from a passage the reason for what it
// states is looked for.
const reasonReach = 2

// extendToReason grows a passage that states no reason over the nearest
// sentence of its paragraph that does: a text states what happened, then
// why ("The line would cut its porters' wages. The board met on Monday. A
// steep decline in freight due to the slump forced the decision."), or the
// reverse. A news story, in paragraphs of a sentence or two, gives the
// reason in the next paragraph or the last: the passage moves there, as a
// citation quotes one paragraph. What the passage matches of the question
// is unchanged: the reason is quoted with the passage, not counted as its
// words.
func (e *Engine) extendToReason(p *passage) {
	if p.feat.reason {
		return
	}
	for d := 1; d <= reasonReach; d++ {
		for _, s := range []int{p.last + d, p.first - d} {
			same := e.ix.sameParagraph(s, p.anchor)
			if !same && !e.ix.newsNeighbours(s, p.anchor) || !statesReason(e.ix.text(s)) {
				continue
			}
			if !same {
				// A citation quotes one paragraph: the passage becomes the
				// reason's, when that gives a cause ("a decline due to the
				// slump") rather than asks or announces one ("Why are we
				// asking this now?", "The reason?").
				text := e.ix.text(s)
				if statesCause(text) && !strings.Contains(text, "?") && len(words.Tokenize(text)) > announcementWords {
					p.first, p.last, p.anchor = s, s, s
					return
				}
				continue
			}
			p.first, p.last = min(p.first, s), max(p.last, s)
			// A short sentence after the passage announces the reason
			// ("There are two reasons for this.", "The reason?"): the
			// next one gives it.
			if s == p.last && len(words.Tokenize(e.ix.text(s))) <= announcementWords && e.ix.sameParagraph(s, s+1) {
				p.last++
			}
			return
		}
	}
}

// announcementWords is the length of a sentence that can only announce a
// reason, not give one.
const announcementWords = 7

// matchSentence says, per concept, how well sentence s expresses it in its
// own words. A sentence is read once per question: it is met again as the
// neighbour of the candidates around it. The slice is shared: read it only.
func (e *Engine) matchSentence(q *query, s int) []float64 {
	if m, ok := q.matched[s]; ok {
		return m
	}
	e.readSentences(q, []uint32{uint32(s)})
	return q.matched[s]
}

// readSentences reads at once the concepts that sentences ss (sorted, no
// repeats) hold, for matchSentence to find: each term's postings
// are met with the sentences by walking the shorter list and searching the
// longer, so a rare expansion costs a few searches however many sentences
// are read, and a common word one search per sentence.
func (e *Engine) readSentences(q *query, ss []uint32) {
	n := len(q.concepts)
	flat := make([]float64, len(ss)*n)
	for i, c := range q.concepts {
		for _, a := range c.wordAlts() {
			post := e.ix.postings(a.term)
			hold := func(j int) { flat[j*n+i] = max(flat[j*n+i], a.quality) }
			if len(post) < len(ss) {
				intersect(post, ss, func(_, j int) { hold(j) })
			} else {
				intersect(ss, post, func(j, _ int) { hold(j) })
			}
		}
	}
	if q.matched == nil {
		q.matched = make(map[int][]float64, len(ss))
	}
	for j, s := range ss {
		q.matched[int(s)] = flat[j*n : (j+1)*n : (j+1)*n]
	}
}

// intersect calls both(i, j) for every short[i] == long[j] of two sorted
// lists. Each of short's ids is found by galloping on from the last
// position reached in long: a few steps when the lists are alike in
// length, a binary search's worth when long is much the longer.
func intersect(short, long []uint32, both func(i, j int)) {
	from := 0
	for i, s := range short {
		step := 1
		for from+step < len(long) && long[from+step] < s {
			step *= 2
		}
		j, found := slices.BinarySearch(long[from+step/2:min(from+step+1, len(long))], s)
		from += step/2 + j
		if found {
			both(i, from)
		}
		if from == len(long) {
			return
		}
	}
}

// minTopic is the least share of the question's topic (its words other
// than names and numbers) an answer must hold: a passage about Kabul that
// says nothing of its population does not answer "What is the population
// of Kabul?".
const minTopic = 0.1

// lightTopic is the most the topic may weigh, as a share of the question,
// and still go unsaid by a passage holding all the question names (0.2 to
// 0.4 alike on the dev files; 0.5 answered negatives).
const lightTopic = 0.2

// topicQuality is the least match quality that holds a topic word: a
// synonym or a derived form, not a hypernym or a kind of it ("happen" is
// no answer about "change").
const topicQuality = 0.4

// eventQuality is the least match quality that holds the event a "when"
// question dates: its word, a derived form or a close synonym, not a
// common word one of whose many senses is a synonym ("go" for "die").
const eventQuality = 0.5

// literalBonus prefers, for a search of bare keywords, the passage that
// holds them as typed over one that holds their relations: keywords are
// usually the document's own words (chosen on the generated questions of
// bench/, where it gives back most of the hit@3 the relations cost).
const literalBonus = 0.6

// literalShare is the weighted share of the question's concepts the
// passage holds in the question's own words.
func (q *query) literalShare(matched []float64) float64 {
	total, held := q.totalWeight(), 0.0
	for i, m := range matched {
		if m == 1 {
			held += q.concepts[i].weight
		}
	}
	if total == 0 {
		return 0
	}
	return held / total
}

// namedQuality is the most a passage may match what a name is asked of
// and not say it: by its document's mentions, or a word WordNet makes a
// kind of it or it a kind of.
var namedQuality = relatedQuality[lexicon.Hypernym]

// strongQuality is the least match quality that can carry an answer on
// its own: a word, its derived form or its corrected spelling, not a loose
// relation ("thing" for "object").
const strongQuality = 0.7

// holdsCounted reports whether the passage holds, by their own words,
// the things a "how many" question counts: a quantity naming nothing
// after it counts them.
func (q *query) holdsCounted(matched []float64) bool {
	for _, ci := range q.counted {
		if matched[ci] < strongQuality {
			return false
		}
	}
	return len(q.counted) > 0
}

// holdsStrongly reports whether the passage's own words match a concept
// that weighs something at strongQuality or better.
func (q *query) holdsStrongly(matched []float64) bool {
	for i, m := range matched {
		if m >= strongQuality && q.concepts[i].weight > 0 && !q.concepts[i].source {
			return true
		}
	}
	return false
}

// matchContext credits the concepts the passage's document context holds and
// its words do not.
func (q *query) matchContext(p *passage) {
	for i, c := range q.concepts {
		switch {
		case c.ofDocument && len(c.contextDocs) > 0 && !q.contextHolds(i, p.docIndex):
			// A year of another document's: "in his 1834 message" is not
			// answered by the 1832 one's "until January 1st, 1834".
			p.matched[i] = 0
		case p.matched[i] < contextQuality && q.contextHolds(i, p.docIndex):
			p.matched[i] = contextQuality
		}
	}
}

// matchSource credits the words describing the question's source as its
// document's: held (at contextQuality) when the document holds them
// anywhere, by the passage's words or not, so that a sentence repeating
// them ("the sovereignty of the citizen") gains nothing over the one that
// answers.
func (e *Engine) matchSource(q *query, p *passage) {
	for i := range q.concepts {
		c := &q.concepts[i]
		if !c.source {
			continue
		}
		if p.matched[i] > 0 || e.docHolds(c, p.docIndex) {
			p.matched[i] = contextQuality
		}
	}
}

// framingSentences is how far back in its paragraph a passage stating no
// year looks for the year that frames it.
const framingSentences = 5

// framingQuality is how much a year framing a passage counts, against
// the passage's own words (chosen on the fit halves: 0.4 to 0.8 alike).
const framingQuality = 0.6

// matchFramingYear credits a year the question states to a passage that
// states none when the nearest year before it in its paragraph, within
// framingSentences, is that year: "I heard the symphony in Paris in 1927.
// ... I remember Bloch in the foyer" happened in 1927. A passage naming
// its own years is dated by them; a decade is not framed ("in 1989" two
// sentences before says little of what "the 1980s" saw).
func (e *Engine) matchFramingYear(q *query, p *passage) {
	framed := func(c concept) bool {
		return c.required && isYearToken(c.written) && !decade(c.written) && !c.ofDocument
	}
	wanted := slices.ContainsFunc(q.concepts, framed)
	if !wanted || e.statesYear(p.first, p.last) {
		return
	}
	for k := p.first - 1; k >= p.first-framingSentences && e.ix.sameParagraph(k, k+1); k-- {
		if !e.statesYear(k, k) {
			continue
		}
		nm := e.matchSentence(q, k)
		for i, c := range q.concepts {
			if framed(c) && p.matched[i] == 0 && nm[i] > 0 {
				p.matched[i] = nm[i] * framingQuality
			}
		}
		return
	}
}

// statesYear reports whether sentences first..last name a year.
func (e *Engine) statesYear(first, last int) bool {
	for s := first; s <= last; s++ {
		if len(yearsIn(e.ix.text(s))) > 0 {
			return true
		}
	}
	return false
}

// asks reports whether sentence s is a question.
func (e *Engine) asks(s int) bool {
	return strings.HasSuffix(strings.TrimRight(e.ix.text(s), "”\"' "), "?")
}

func leansBack(sentence string) bool { return refersBack(sentence, leanWords) }

// takesUp reports whether next opens by taking up a noun of sentence with
// "the" ("... designed to send a message to the international community."
// "The message was that the Taliban were cracking down ..."): it goes on
// with what sentence announced.
func takesUp(sentence, next string) bool {
	toks := words.FirstTokens(next, 2)
	if len(toks) < 2 || toks[0].Text != "The" || !words.IsFolded(toks[1].Text) || words.IsStop(toks[1].Text) {
		return false
	}
	return containsWord(sentence, toks[1].Text)
}

// containsWord reports whether s holds w as a whole word, found in place:
// it runs for every candidate passage.
func containsWord(s, w string) bool {
	for i := 0; i+len(w) <= len(s); {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		if (start == 0 || !isAlnumByte(s[start-1])) && (end == len(s) || !isAlnumByte(s[end])) {
			return true
		}
		i = start + 1
	}
	return false
}

// refersBack reports whether one of the first n words of a sentence is a
// back reference. It reads the words in place: it runs for every candidate.
func refersBack(sentence string, n int) bool {
	rest := sentence
	for i := 0; i < n; i++ {
		rest = strings.TrimLeft(rest, " “\"‘'(")
		end := strings.IndexByte(rest, ' ')
		if end < 0 {
			end = len(rest)
		}
		w := strings.TrimRight(rest[:end], "”\"’',;:.")
		if isBackReference(w) || (i == 0 && strings.EqualFold(w, "it")) {
			return true
		}
		if end == len(rest) {
			return false
		}
		rest = rest[end:]
	}
	return false
}

func isBackReference(w string) bool {
	if len(w) > 5 {
		return false
	}
	var buf [5]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return backReferences[string(buf[:len(w)])]
}

// cover returns the weighted share of the question's concepts the passage
// holds, and whether it can answer at all: it must hold what the question
// names, its actors and numbers, by its words or its document's context,
// and some of its topic, or it is about something else; a name no document
// mentions leaves nothing to answer. One of three or more named things may
// be missing (a name the registry spells otherwise, the second of two
// years). A name most documents mention (the Taliban in a corpus about the
// Taliban, the United States in presidents' addresses) is the corpus's
// subject, not what sets one answer apart: it counts by its weight alone.
// Bare keywords require nothing: their weight alone decides.
func (e *Engine) cover(q *query, p *passage) (coverage float64, answers bool) {
	total, covered := q.totalWeight(), 0.0
	answers = true
	named, missing := 0, 0
	topic, topicCovered := 0.0, 0.0
	for i, c := range q.concepts {
		// A passage holding the quotation as written is the one the
		// question means: a word no document uses ("Which British
		// minister ...", where the documents say "UK") is the question's
		// own framing.
		if !c.known && p.quoted == 1 {
			total -= c.weight
			continue
		}
		covered += c.weight * p.matched[i]
		if c.known && !c.actor && !c.required && !c.topical && !c.source {
			topic += c.weight
			if p.matched[i] >= topicQuality {
				topicCovered += c.weight * p.matched[i]
			}
		}
		if !c.known && !c.common && !q.keywords {
			answers = false // a name no document mentions: nothing answers about it
		}
		if q.keywords || !(c.actor || c.required) || c.topical {
			continue
		}
		named++
		if p.matched[i] == 0 {
			missing++
			if p.lacks.what == "" {
				p.lacks = lack{lackName, c.shown()}
			}
		}
	}
	if missing > named/3 {
		answers = false
	} else {
		p.lacks = lack{}
	}
	if !q.keywords && !holdsARequired(q, p.matched) {
		answers = false
		p.lacks = lack{lackNumber, q.numbers[0]}
	}
	// The topic may go unsaid when it weighs little beside the names the
	// passage holds, every one of them: "set up" in "Why did the UN set up
	// the Sanctions Committee?" is how the question is put ("creating the
	// ... Committee to block their funding").
	if !q.keywords && topicCovered < minTopic*topic && !(missing == 0 && named > 0 && topic < lightTopic*total) {
		answers = false
	}
	// A question standing alone as a paragraph ("What kind of a presence
	// do al-Qaeda retain?") is a heading, not an answer. One inside a
	// paragraph is part of what it says, and comes with its reply.
	if e.asks(p.anchor) && !e.ix.sameParagraph(p.anchor, p.anchor-1) && !e.ix.sameParagraph(p.anchor, p.anchor+1) {
		answers = false
	}
	total -= q.forgiven(p.matched)
	if total <= 0 {
		return 0, false
	}
	return covered / total, answers
}

// score reads the passage's features and sets its score: coverage first,
// then what the question's intent asks for, then brevity.
func (e *Engine) score(q *query, p *passage) {
	p.feat = featuresOf(e, e.text(p), q)
	if q.intent == askWhy {
		e.extendToReason(p)
	}
	if p.feat.year && e.yearOnlyFromContext(q, p) {
		p.refuse(lack{lackNumber, q.numbers[0]}) // it names its own years, not the one asked about
	}
	p.score = p.coverage + lengthBonus*e.norm(uint32(p.anchor))/(bm25K1+1)
	if p.feat.year && slices.ContainsFunc(q.concepts, func(c concept) bool { return c.saidIn }) {
		p.score -= otherYearsPenalty
	}
	p.score += quoteBonus * p.quoted
	if q.keywords {
		p.score += literalBonus * q.literalShare(p.matched)
	}
	if q.asksName && !e.namesUnasked(q, p, q.nameKind()) && !(q.asksTitle && holdsTitle(e.text(p))) {
		p.refuse(lack{what: lackNamed}) // "her white roommate", unnamed
	}
	if q.asksPerson && !e.namesUnasked(q, p, maybePerson) && !e.byUnaskedAuthor(q, p.doc) {
		p.refuse(lack{what: lackPerson})
	}
	// Who took over after someone else, or after no one the passage
	// names: "after Zawahiri" needs a passage naming Zawahiri.
	if ci := q.conceptIndex(q.boundBy); ci >= 0 && (p.matched[ci] == 0 || e.boundByAnother(q, e.text(p))) {
		p.refuse(lack{lackBound, q.bound + " " + q.concepts[ci].shown()})
	}
	// A name, but of no leader: the passage must say what is named, not
	// only its document elsewhere, nor a kind of it through another sense
	// ("speaker" for "dictator", one who dictates).
	if ci := q.conceptIndex(q.namedHead); ci >= 0 && p.matched[ci] <= namedQuality {
		p.refuse(lack{what: lackNamed})
	}
	switch q.intent {
	case askFigure:
		switch {
		case q.money && !p.feat.money, q.percent && !p.feat.percent,
			q.unit == timeUnit && !p.feat.duration, q.unit == lengthUnit && !p.feat.length, q.age && !p.feat.age:
			p.refuse(lack{what: lackFigure})
		case p.feat.figure, p.feat.bareCount && q.holdsCounted(p.matched), q.share && (p.feat.fraction || p.feat.percent):
			p.score += intentBonus
			if q.duration && !p.feat.duration {
				p.score -= intentBonus / 2 // a figure, but no span of time
			}
		case q.extent:
			p.score -= missingPenalt
		default:
			p.refuse(lack{what: lackFigure})
		}
	case askWhen:
		// A passage with no date does not say when.
		if !p.feat.date || q.asksYear && !p.feat.year || q.asksDay && !p.feat.day {
			p.refuse(lack{what: lackDate})
		}
		if ci := q.conceptIndex(q.event); ci >= 0 && (p.matched[ci] < eventQuality || e.eventOfAnother(q, &q.concepts[ci], e.text(p))) {
			p.refuse(lack{lackEvent, q.concepts[ci].written}) // a date of something else
		}
		// The person whose event is dated must be in the passage, even one
		// most documents mention: "born out of the mujahideen victory in
		// 1989" dates no one's birth.
		for i, c := range q.concepts {
			if q.event != "" && c.actor && c.topical && p.matched[i] < partialNameQuality && e.isPerson(&q.concepts[i]) {
				p.refuse(lack{lackName, c.shown()})
			}
		}
		p.score += bonusOrPenalty(p.feat.date)
	case askWho:
		if p.feat.describe || e.describes(q, p) {
			p.score += intentBonus
		}
	case askWhoDid:
		// "Who took over after X?" is answered by a passage naming someone
		// other than X; one naming nobody else does not say who.
		named := e.namesUnaskedPerson(q, p) || q.asksSpeaker && e.byUnaskedAuthor(q, p.doc) || describesSpeaker(e.text(p), q.names)
		if !named {
			p.refuse(lack{what: lackPerson})
		}
		p.score += bonusOrPenalty(named)
	case askSay:
		if e.claimedBy(q, p) {
			p.score += claimBonus
		}
		if p.feat.speech {
			p.score += intentBonus / 2
		}
	case askWhere:
		if p.feat.place {
			p.score += intentBonus / 2
		}
	case askWhy:
		if p.feat.reason {
			p.score += intentBonus / 2
		} else if q.asksReason {
			p.refuse(lack{what: lackReason})
		}
	}
}

// eventOfAnother reports whether every word of text that expresses event
// c is the event of someone the question does not name: "the death of
// Lucian Sharpe in 1899" or "the death of his father in 1888" does not
// date the death a question asks about.
func (e *Engine) eventOfAnother(q *query, c *concept, text string) bool {
	toks := words.Tokenize(text)
	another := false
	for i, t := range toks {
		term, ok := e.ix.lookup(fold(t.Text))
		if !ok || !slices.ContainsFunc(c.alts, func(a alt) bool { return a.term == term && a.quality >= eventQuality }) {
			continue
		}
		if !e.ofAnother(q, text, toks, i) {
			return false
		}
		another = true
	}
	return another
}

// ofAnother reports whether the word at i is followed by "of" and a name,
// or a possessive and a noun, that the question does not use.
func (e *Engine) ofAnother(q *query, text string, toks []words.Token, i int) bool {
	j := i + 1
	if j+1 >= len(toks) || fold(toks[j].Text) != "of" {
		return false
	}
	j++
	switch w := fold(toks[j].Text); {
	case possessives[w]:
		return j+1 < len(toks) && q.conceptIndex(termOf(fold(toks[j+1].Text))) < 0
	case words.IsCapitalised(toks[j].Text) && !words.IsStop(w):
		end := j + 1
		for end < len(toks) && words.IsCapitalised(toks[end].Text) {
			end++
		}
		return !e.namedBy(q, text[toks[j].Start:toks[end-1].End])
	}
	return false
}

// describesSpeaker reports whether text gives its words to someone it
// describes rather than names, after the verb of saying ("..., said a
// retired counterterrorism official", "warned one diplomat"), or calls by
// a word for a person, beside it ("“I'll get the spirits”, Ma said"), that
// the question does not use (asked). Such a speaker is who said it, as far
// as the document tells.
func describesSpeaker(text string, asked map[string]bool) bool {
	toks := words.Tokenize(text)
	calledBy := func(j int) bool {
		if j < 0 || j >= len(toks) || !words.IsCapitalised(toks[j].Text) {
			return false
		}
		k := fold(toks[j].Text)
		return !asked[k] && lexicon.Category(k) == "person"
	}
	for i, t := range toks {
		if !invertedSpeechVerbs[fold(t.Text)] {
			continue
		}
		if calledBy(i-1) || calledBy(i+1) {
			return true
		}
		if i+1 >= len(toks) || !speakerDeterminers[fold(toks[i+1].Text)] {
			continue
		}
		for _, u := range toks[i+2 : min(len(toks), i+2+maxSpeakerWords)] {
			if lexicon.Category(fold(u.Text)) == "person" {
				return true
			}
		}
	}
	return false
}

// invertedSpeechVerbs are the verbs of saying a speaker may follow; after
// "told", "asked" or "urged" comes whom they spoke to ("he told a
// reporter").
var invertedSpeechVerbs = words.Set(`said says warned added noted wrote argued cautioned observed remarked insisted
explained recalled commented`)

// speakerDeterminers open the description of a speaker after "said".
var speakerDeterminers = words.Set(`a an one another`)

// maxSpeakerWords bounds the words of a speaker's description.
const maxSpeakerWords = 4

// maxBoundWords is how far after "after" or "before" the name bounding a
// time is read: "after the death of bin Laden", "after Zawahiri's death".
const maxBoundWords = 4

// personBound finds the person bounding the time a question asks about:
// "after" or "before" and, within a few words, a person it names.
func (e *Engine) personBound(q *query, lower []string) {
	for i, w := range lower {
		if w != "after" && w != "before" {
			continue
		}
		for _, n := range lower[i+1 : min(len(lower), i+1+maxBoundWords)] {
			if !q.names[n] {
				continue
			}
			for ci := range q.concepts {
				if c := &q.concepts[ci]; slices.Contains(c.names, n) && e.isPerson(c) {
					q.bound, q.boundBy = w, c.label
					return
				}
			}
		}
	}
}

// boundByAnother reports whether every "after" (or "before") of text
// that a person's name follows bounds its time by someone the question
// does not name: "Upon taking over after bin Laden's death, al-Zawahiri
// ..." tells who took over after bin Laden, not after Zawahiri. The name
// must head what the word governs ("after Shaw retired", "after the death
// of Shaw"), not close a clause of its own ("after the club gave Norm Van
// Brocklin permission").
func (e *Engine) boundByAnother(q *query, text string) bool {
	toks := words.Tokenize(text)
	another := false
	for i, t := range toks {
		if fold(t.Text) != q.bound {
			continue
		}
		end := toks[min(len(toks)-1, i+maxBoundWords)].End
		ms := e.actorsIn(text[t.End:end])
		if len(ms) == 0 || ms[0].actor.Kind != actors.Person || !headsBound(text[t.End:t.End+ms[0].start]) {
			continue
		}
		if q.hasActor(ms[0].actor.ID) {
			return false
		}
		another = true
	}
	return another
}

// headsBound reports whether the words between "after" and a name leave
// the name heading what "after" governs: none, function words, or a noun
// of it ("the death of").
func headsBound(between string) bool {
	toks := words.Tokenize(between)
	for i, t := range toks {
		w := fold(t.Text)
		if !words.IsStop(w) && !(i+1 < len(toks) && fold(toks[i+1].Text) == "of") {
			return false
		}
	}
	return true
}

// namedBy reports whether a name is the question's: the same actor, or,
// for a name the registry does not know, one of the question's names.
func (e *Engine) namedBy(q *query, name string) bool {
	if ms := e.actorsIn(name); len(ms) > 0 {
		return q.hasActor(ms[0].actor.ID)
	}
	return slices.ContainsFunc(words.Tokenize(name), func(t words.Token) bool { return q.names[fold(t.Text)] })
}

func bonusOrPenalty(has bool) float64 {
	if has {
		return intentBonus
	}
	return -missingPenalt
}

// text is the passage's verbatim text.
func (e *Engine) text(p *passage) string {
	first, last := e.ix.sents[p.first], e.ix.sents[p.last]
	return p.doc.Text[p.doc.Sentences[first.sent].Start:p.doc.Sentences[last.sent].End]
}

// citation cites the passage.
func (e *Engine) citation(p *passage) corpus.Citation {
	return p.doc.CiteSentences(int(e.ix.sents[p.first].sent), int(e.ix.sents[p.last].sent))
}

// overlaps reports whether two passages share a sentence.
func (p *passage) overlaps(o *passage) bool { return p.first <= o.last && o.first <= p.last }

// contentTerms is the set of content words of a text, sorted, for
// near-duplicate checks; folding without stemming is close enough and cheap.
func contentTerms(text string) []string {
	toks := words.Tokenize(text)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if w := fold(t.Text); !words.IsStop(w) {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// similar reports whether two texts say nearly the same thing: most of the
// shorter one's terms are in the other. Two documents quoting one report
// ("is present in at least 15 Afghan provinces") corroborate each other.
func similar(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 4 {
		return false
	}
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(shared) >= 0.6*float64(len(a))
}

// yearOnlyFromContext reports whether a year the question states is held
// only from outside the passage's words (its document's date or file name,
// a year stated before it), not by one of its sentences. A decade is met by
// its years in the words alone. Asked when, a passage of the document a
// year names ("in his 1834 message, what date ...") states the date asked
// for, of course another year; so does one of the year a speaker said
// it in ("did Reagan say in 1983"), which may compare with others ("as
// they were in 1970").
func (e *Engine) yearOnlyFromContext(q *query, p *passage) bool {
	for i, c := range q.concepts {
		if c.ofDocument && q.intent == askWhen || c.saidIn {
			continue
		}
		if c.required && isYearToken(c.written) && !decade(c.written) && p.matched[i] > 0 && p.matched[i] < 1 && !e.wordsHold(q, p, i) {
			return true
		}
	}
	return false
}

// wordsHold reports whether one of the passage's own sentences holds
// concept i in the question's word.
func (e *Engine) wordsHold(q *query, p *passage, i int) bool {
	for s := p.first; s <= p.last; s++ {
		if e.matchSentence(q, s)[i] == 1 {
			return true
		}
	}
	return false
}

// holdsARequired reports whether the passage holds one of the question's
// numbers, when it states any: a question "in 1946" is not answered by a
// passage of 1896. (One of two may be missing: "between 1996 and 2001".)
func holdsARequired(q *query, matched []float64) bool {
	stated := false
	for i, c := range q.concepts {
		if c.required {
			stated = true
			if matched[i] > 0 {
				return true
			}
		}
	}
	return !stated
}

// lack is the part of a question a passage does not hold, for the
// refusal note: a name or number the question states (which), or the kind
// of answer it asks for.
type lack struct {
	what  string // one of the lack... notes below; "" for none
	which string
}

// The notes of a refusal, by what is missing.
const (
	lackName   = "No passage about the rest of the question names %s."
	lackNumber = "No passage about the rest of the question states %s."
	lackFigure = "No passage states the figure asked for."
	lackDate   = "No passage gives the date asked for."
	lackPerson = "No passage names who did it."
	lackNamed  = "No passage gives the name asked for."
	lackReason = "No passage gives a reason."
	lackEvent  = "No passage with a date says %s."
	lackBound  = "No passage tells what came %s."
)

// refuse marks a passage that answered so far as not answering, for want
// of l.
func (p *passage) refuse(l lack) {
	if p.answers {
		p.answers, p.lacks = false, l
	}
}

// note is the refusal note for what the passage lacks, "" when it lacks
// no one part.
func (l lack) note() string {
	switch {
	case l.what == "":
		return ""
	case l.which != "":
		return fmt.Sprintf(l.what, l.which)
	}
	return l.what
}
