package answer

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/lexicon"
	"briefbot/knowledge/words"
)

// intent is what kind of answer a question asks for.
type intent int

const (
	askAny    intent = iota
	askSay           // what did X say / warn / write
	askFigure        // how many, how much
	askWhen          // when, what year
	askWho           // who is X
	askWhoDid        // who did X: a person the question does not name
	askWhere         // where
	askWhy           // why
)

// concept is one thing a question asks about: a word, a name or an actor,
// with the terms that express it. A passage covers a concept when it holds
// one of them; weight is how much covering it counts (its rarity).
type concept struct {
	label    string // the term (or actor name) that identifies the concept
	written  string // the question's word, for notes
	alts     []alt
	weight   float64
	required bool // a number or year: an answer without it answers another question
	actor    bool
	weak     bool   // an adverb such as "still": it counts for little
	id       string // the actor's id, for an actor
	known    bool   // the corpus has a term for it
	common   bool   // an ordinary English word, not a name or a number
	topical  bool   // a name most documents mention
	// kind marks a name the question uses for a kind of thing ("in a
	// State of the Union", "win a Pulitzer Prize"): any one of them will
	// do, so it counts by its weight, as a topical name does.
	kind  bool
	names []string // folded words of an actor's names
	// nameTerms are the terms of the words that named an actor in the
	// question, to find the actors its descriptions mention.
	nameTerms []uint32
	// contextDocs are the documents whose own context (title, author,
	// file name, year) holds the concept, sorted.
	contextDocs []uint32
	// mentionDocs are, for a name or a word no dictionary lists, the
	// documents whose text names it somewhere, sorted: a sentence of such
	// a document may speak of it as "he", "the ship" or "the school". Not
	// for a number: a year stated elsewhere does not date the sentence.
	mentionDocs []uint32
	// wordMentions marks an ordinary word that at most half of the
	// documents use: a document using it elsewhere is more likely the one
	// a question means when it describes the document as well as the
	// sentence.
	wordMentions bool
	specific     bool // a name or a word no dictionary lists: a document using it is about it
	// contextOnly marks a name whose term is also another word's: only
	// the documents' context holds it.
	contextOnly bool
	// ofDocument marks a year naming the document ("in his 1834 message",
	// "the 2019 report"): its context states it, not only its text.
	ofDocument bool
	// saidIn marks a year a speaker said it in ("did Reagan say in 1983",
	// "Obama 2010:"): it names the document too, whose sentences may
	// compare with other years ("as they were in 1970").
	saidIn bool
	// inSource marks any word of the source clause, name or not: together
	// they weigh at most maxSourceShare of the rest.
	inSource bool
	// source marks a word that describes the document rather than the
	// answer ("according to the essay on sovereignty"): the document
	// holds it, anywhere, or not.
	source bool
}

// shown is how a note names the concept: an actor by its name, a word as
// the question wrote it.
func (c *concept) shown() string {
	if c.actor || c.written == "" {
		return c.label
	}
	return c.written
}

// alt is one term expressing a concept and how well (1 exact, less for a
// related word or a corrected spelling).
type alt struct {
	term    uint32
	quality float64
}

// query is a parsed question.
type query struct {
	intent  intent
	counted []int // for "how many X": the concepts of X
	// countedKinds are the words WordNet lists as kinds of what "how many"
	// counts: "concerts" count performances.
	countedKinds map[string]bool
	concepts     []concept
	numbers      []string // numbers the question states, which an answer's figure must differ from
	// keywords marks a question typed as bare search words ("juice orange
	// getting"): no word says how they relate, so none is required of an
	// answer, and one may be misremembered.
	keywords bool
	// extent marks "how much did X contribute": a figure is welcome but
	// the answer may be a degree ("a negligible role").
	extent bool
	// money marks a figure question about an amount of money ("How much
	// does it cost?"): the answer's figure must be one.
	money bool
	// percent marks a question asking for a percentage: the answer's
	// figure must be one ("8.4 per cent", "47.1%"), not an amount.
	percent bool
	// share marks "how much of X": a part of it, which a fraction ("half
	// the salary") or a percentage gives, not an amount of money.
	share bool
	// unit is the kind of quantity a figure question names by its words
	// ("how many years": a span of time; "how tall": a length),
	// which the answer's figure must be; 0 for any.
	unit wordKind
	// quotes are the phrases the question sets in quotation marks,
	// normalised: a passage holding them is the one asked about.
	quotes []string
	// asksName marks "what was the name of ...": the answer names
	// someone or something the question does not.
	asksName bool
	// namedHead is, for "what was the name of the Shawnee leader ...",
	// the label of the concept of what is named ("leader"), or "": a
	// passage naming someone must name that.
	namedHead string
	// namesPerson marks a name asked of a person ("the British admiral",
	// "the passenger"): a place or a group the passage names is not it.
	namesPerson bool
	// asksTitle marks a name asked of a work ("the title of her book"):
	// a person, a place or a group the passage names is not it.
	asksTitle bool
	// asksSpeaker marks "who said ...": a document's own author or
	// speaker says who, though its sentence names nobody.
	asksSpeaker bool
	// duration marks "how long did it take": of the figures, a span of
	// time ("in less than a week", "for three hours") answers best.
	duration bool
	// asksReason marks "what reason did she give ...", "for what reason":
	// a reason asked for by name, which a passage stating none does not
	// give (a "why" is answered by what a passage explains without saying
	// "because").
	asksReason bool
	// age marks "how old was she": only an age answers ("aged 71", "a
	// 23-year-old", "Zawahiri, 71,").
	age bool
	// event is, for a "when" question, the label of the concept naming
	// the event it dates ("die" in "When did Mullah Omar die?"), or "".
	event string
	// asksYear marks "in what year ...": a day or a month without its
	// year does not answer.
	asksYear bool
	// asksDay marks "on what date ...": a month or a year alone does not
	// say which day.
	asksDay bool
	// asksPerson marks "which governor ...", "which author ...": a
	// passage naming no one the question does not, in its words or as its
	// document's author, does not answer.
	asksPerson bool
	// bound is, for "who took over after Zawahiri was killed", the word
	// bounding the time asked about by a person ("after"), and boundBy
	// the label of that person's concept; "" when it names none.
	bound, boundBy string
	names          map[string]bool
	// matched remembers, per sentence read, the concepts it holds.
	matched map[int][]float64
}

// markup matches what a chat message carries besides words: Discord
// mentions (<@123>, <#123>, @everyone) and links. None of it is asked about.
var markup = regexp.MustCompile(`<[@#][!&]?\d+>|@\w+|https?://\S+`)

// maxQuestionBytes bounds the work one question can cause; the rest of a
// longer text is ignored.
const maxQuestionBytes = 2000

// maxQuestionWords bounds the words of a question that are read; a
// question is a sentence or two, not a document.
const maxQuestionWords = 40

// maxConcepts bounds the concepts of one question (the rarest are kept).
const maxConcepts = 24

const (
	typoQuality        = 0.85
	derivedQuality     = 0.7
	partialNameQuality = 0.5
)

// parse turns a question into concepts and an intent.
func (e *Engine) parse(question string) query {
	question = markup.ReplaceAllString(truncateUTF8(question, maxQuestionBytes), " ")
	q := query{names: map[string]bool{}, quotes: e.unlessTitles(quotedPhrases(question))}
	toks := words.Tokenize(question)
	if len(toks) > maxQuestionWords {
		toks = toks[:maxQuestionWords]
		question = question[:toks[len(toks)-1].End]
	}
	toks = splitContractions(toks)
	lower := make([]string, len(toks))
	for i, t := range toks {
		lower[i] = words.Key(t.Text)
	}
	q.keywords = onlyKeywords(toks, lower)
	used := make([]bool, len(toks))
	actorAt := make([]string, len(toks)) // the label of the actor a token names
	ask := askingClause(question, toks, lower)
	askedWord := askedFor(lower, ask)
	for _, m := range e.actorsIn(initialismsAfterThe(question, toks, lower)) {
		c := e.actorConcept(m)
		for i, t := range toks {
			if t.Start >= m.start && t.End <= m.end {
				used[i], actorAt[i] = true, c.label
				q.names[lower[i]] = true
				if m.spelling == "" {
					c.nameTerms = append(c.nameTerms, termsIn(e.ix, t.Text)...)
				}
			}
		}
		if m.spelling != "" {
			c.nameTerms = termsIn(e.ix, m.spelling) // the words the question meant
		}
		// A sentence may name the actor by part of its name ("the dam"
		// for the Kessel Dam): the question's words count, for less.
		for _, t := range c.nameTerms {
			c.alts = append(c.alts, alt{t, partialNameQuality})
		}
		e.addSynonymActors(&c, question[m.start:m.end], actsAsGovernment(toks, lower, m))
		c.kind = namedAsKind(toks, lower, m)
		if nationalityOfAnother(question[m.start:m.end], m.actor) {
			// "Afghan women" are not the Afghan Taliban's: the word is
			// Afghanistan's, and names a kind, as a place's people do.
			c.kind = true
			e.addPeoplesPlace(&c, question[m.start:m.end])
		}
		for _, n := range c.names {
			q.names[n] = true
		}
		q.add(c)
	}
	q.intent = intentOf(lower, ask, used)
	q.share = q.intent == askFigure && len(lower) > ask+2 && lower[ask] == "how" && lower[ask+1] == "much" && lower[ask+2] == "of"
	q.money = q.intent == askFigure && !q.share && asksMoney(lower[ask:])
	q.percent = q.intent == askFigure && asksPercent(lower[ask:])
	if q.intent == askFigure {
		q.unit = askedUnit(lower[ask:])
	}
	// "How much does it cost?" asks for an amount, not to what extent.
	q.extent = q.intent == askFigure && asksExtent(lower[ask:]) && !q.money
	q.duration = q.intent == askFigure && asksDuration(lower[ask:])
	q.asksReason = q.intent == askWhy && lower[ask] != "why"
	q.age = q.intent == askFigure && len(lower) > ask+1 && lower[ask] == "how" && lower[ask+1] == "old"
	sourceFrom, sourceTo := sourceClause(question, toks, lower, ask)
	for i, t := range toks {
		if used[i] || intentWords[lower[i]] || (i > 0 && lower[i-1] == "how" && measures[lower[i]]) || semiModal(lower, i) {
			continue
		}
		// A name typed in lower case ("australia", "paris": WordNet writes
		// them only capitalised) is a name as it would be capitalised.
		c, ok := e.wordConcept(t.Text, i > 0 && words.IsCapitalised(t.Text) || lexicon.Name(lower[i]))
		idiom := 0 // words of the phrasal verb, idiom or name written as one starting here
		if one, joined := e.nameWrittenAsOne(toks, lower, used, i); joined {
			c, ok, idiom = one, true, 2
		}
		if !ok && i+1 < len(toks) {
			c, idiom = e.phrasalConcept(lower[i:min(i+3, len(lower))])
			ok = idiom > 0
		}
		if !ok {
			continue
		}
		if i+1 < len(toks) && !c.required && idiom == 0 {
			idiom = e.addPhrasal(&c, lower[i:min(i+3, len(lower))])
		}
		// The idiom's other words are its own: "death" in "put to death"
		// is no concept of its own.
		for ; idiom > 1; idiom-- {
			used[i+idiom-1] = true
		}
		// "after 2001" bounds the time asked about; an answer need not
		// state the bound ("directed the movement from Pakistan ... up to
		// his death in 2013").
		if c.required && i > 0 && timeBounds[lower[i-1]] {
			c.required = false
		}
		if weakWords[lower[i]] || i == askedWord {
			c.weak = true
		}
		year := c.required && isYearToken(c.written)
		c.ofDocument = year && i+1 < len(lower) && lexicon.Category(lower[i+1]) == "communication"
		c.saidIn = year && !c.ofDocument && e.yearSaidIn(&q, toks, lower, actorAt, i)
		c.ofDocument = c.ofDocument || c.saidIn
		c.source = c.common && sourceFrom <= i && i < sourceTo
		c.inSource = !c.required && sourceFrom <= i && i < sourceTo
		if words.IsCapitalised(t.Text) && i > 0 {
			q.names[lower[i]] = true
		}
		if c.required {
			q.numbers = append(q.numbers, c.label)
		}
		q.add(c)
	}
	switch {
	case q.intent == askAny && q.onlyActors():
		q.intent = askWho // "what is AQIS", "haibatullah akhundzada": who they are
	case q.intent == askWho && !q.onlyActors() && !e.namesPerson(&q):
		q.intent = askWhoDid // "who is the leader of X" asks for a person, not about X
	}
	q.asksSpeaker = q.intent == askWhoDid && ask+1 < len(lower) && speechVerbs[lower[ask+1]]
	q.asksName = asksName(lower[ask:])
	q.asksTitle = q.asksName && asksTitle(lower[ask:])
	if i := namedHeadAt(question, toks, lower, ask); q.asksName && i >= 0 {
		q.namedHead = actorAt[i]
		if c, ok := e.wordConcept(toks[i].Text, false); q.namedHead == "" && ok {
			q.namedHead = c.label
		}
		q.namesPerson = lexicon.Category(lower[i]) == "person"
	}
	// "Which Democratic governor did Reagan quote ...?", "which reporter
	// said ...?" ask for a person, as "who" does ("what bore and stroke"
	// asks for no bore).
	if head := askedHead(lower[ask:]); (q.intent == askAny || q.intent == askSay) && ask < len(lower) && lower[ask] == "which" && head != "" && !q.names[head] && lexicon.Category(head) == "person" {
		q.asksPerson = true
	}
	// "Who did the Taliban name as prime minister?": a role, a kind of
	// person; the person a passage names must be named as that.
	if i := roleHeadAt(question, toks, lower, ask); q.intent == askWhoDid && i >= 0 && lexicon.Category(lower[i]) == "person" {
		if c, ok := e.wordConcept(toks[i].Text, false); ok {
			q.namedHead = c.label
		}
	}
	if q.intent == askWhen {
		q.asksYear = askedHead(lower[ask:]) == "year"
		q.asksDay = askedHead(lower[ask:]) == "date"
		if i := eventWord(question, toks, lower, ask); i >= 0 {
			if c, ok := e.wordConcept(toks[i].Text, false); ok && e.expressed(&c, eventQuality, minEventSentences) {
				q.event = c.label
			}
		}
	}
	e.numberForms(&q, toks)
	q.weigh(e)
	e.personBound(&q, lower)
	q.boundSource()
	if q.intent == askSay {
		e.authoredAlts(&q)
	}
	q.counted = countedConcepts(&q, toks[ask:], lower[ask:])
	q.countedKinds = countedKinds(&q)
	e.expandByDescriptions(&q)
	return q
}

// askedFor returns the index of the word that names what a "which" or
// "what" question asks for ("Which president said ...", "What nationality
// ..."), or -1. The answer is of that kind; it need not use the word, so
// the word counts for little, like a weak adverb.
func askedFor(lower []string, ask int) int {
	i := ask
	if i+1 >= len(lower) || (lower[i] != "which" && lower[i] != "what") {
		return -1
	}
	if words.IsStop(lower[i+1]) || intentWords[lower[i+1]] {
		return -1
	}
	// "What civil rights proposals did Eisenhower put ...?": a phrase of
	// several words before the auxiliary says more of the answer than its
	// kind; none of its words is weak.
	for j := i + 2; j < min(len(lower), i+maxAskedWords+1); j++ {
		if doAux[lower[j]] || beForms[lower[j]] || auxiliaries[lower[j]] {
			if j > i+2 {
				return -1
			}
			break
		}
		if words.IsStop(lower[j]) {
			break
		}
	}
	return i + 1
}

// maxAskedWords bounds the phrase naming what a question asks for.
const maxAskedWords = 4

// eventWord returns the index of the word naming the event a "when"
// question dates, or -1: its last word, when that is a participle after
// "was" ("On what date was Oersted born?") or a verb right after the
// subject's name ("When did Mullah Omar die?", "... Brown, founder of
// Brown & Sharpe, die?"). A date near the name, of another event, does not
// answer it.
func eventWord(question string, toks []words.Token, lower []string, ask int) int {
	last := len(lower) - 1
	for last > ask && lower[last] == "" {
		last--
	}
	w := lower[last]
	if last <= ask+1 || len(w) < 3 || !isASCIILetters(w) || words.IsStop(w) || words.IsCapitalised(toks[last].Text) {
		return -1
	}
	lemmas := lexicon.Lemmas(w)
	if len(lemmas) == 0 {
		return -1
	}
	aux := func(set map[string]bool) bool {
		return slices.ContainsFunc(lower[ask+1:last], func(x string) bool { return set[x] })
	}
	switch {
	case aux(passiveAux):
		// A participle: a form of another lemma, not a plural, a gerund or
		// a comparison ("at their best").
		inflected := slices.ContainsFunc(lemmas, func(l string) bool { return l != w })
		if inflected && !slices.ContainsFunc([]string{"s", "ing", "er", "est"}, func(suffix string) bool { return strings.HasSuffix(w, suffix) }) {
			return last
		}
	case aux(doAux):
		afterName := words.IsCapitalised(toks[last-1].Text) || strings.Contains(question[toks[last-1].End:toks[last].Start], ",")
		if slices.Contains(lemmas, w) && afterName {
			return last
		}
	}
	return -1
}

// minEventSentences is how many sentences must express an event (by its
// word or a close relation) before a passage is required to: when the
// documents have no words for it ("toppled" where they write
// "overthrown"), its absence says nothing.
const minEventSentences = 3

// expressed reports whether at least n sentences hold c by a term of at
// least quality.
func (e *Engine) expressed(c *concept, quality float64, n int) bool {
	df := 0
	for _, a := range c.alts {
		if a.quality >= quality {
			df += e.ix.df(a.term)
		}
	}
	return df >= n
}

var (
	passiveAux = words.Set(`was were is are been`)
	doAux      = words.Set(`did does do`)
)

// initialismsAfterThe returns the question with a two-letter word after
// "the" in capitals, as typed in chat ("the us", "the un", "the uk"): a
// pronoun or a syllable there is an initialism. The text keeps its
// length, so the spans found in it are the question's.
func initialismsAfterThe(question string, toks []words.Token, lower []string) string {
	b := []byte(question)
	for i := 1; i < len(toks); i++ {
		if w := toks[i].Text; lower[i-1] == "the" && len(w) == 2 && isASCIILetters(w) {
			copy(b[toks[i].Start:toks[i].End], strings.ToUpper(w))
		}
	}
	return string(b)
}

// maxCountedWords bounds the words after "how many" read as what is
// counted.
const maxCountedWords = 4

// countedConcepts finds, in "how many Afghan provinces ...", the concepts of
// the words after "how many", up to a function word: what the answer's
// figure must count.
func countedConcepts(q *query, toks []words.Token, lower []string) []int {
	// "How many were killed?" names nothing it counts: "2,996 people"
	// answers it.
	if len(lower) < 3 || lower[0] != "how" || lower[1] != "many" || beForms[lower[2]] || doAux[lower[2]] || auxiliaries[lower[2]] {
		return nil
	}
	// "how many al qaeda fighters are ..." counts fighters, though the
	// name takes two words.
	end := 3
	for end < min(len(toks), maxCountedWords+2) && !words.IsStop(lower[end]) {
		end++
	}
	var out []int
	for _, tok := range toks[2:end] {
		for ci, c := range q.concepts {
			if strings.Contains(tok.Text, c.label) || c.label == termOf(words.Key(tok.Text)) || slices.Contains(c.names, words.Key(tok.Text)) {
				out = append(out, ci)
			}
		}
	}
	return out
}

// sourceClause returns the tokens [from, to) of a clause naming the
// source the question asks about, "according to ...": before the question
// proper ("According to the Guardian piece, how long ...") or at its end
// ("..., according to the essay on sovereignty?"); from == to for none.
func sourceClause(question string, toks []words.Token, lower []string, ask int) (from, to int) {
	for i := 0; i+1 < len(lower); i++ {
		if lower[i] != "according" || lower[i+1] != "to" {
			continue
		}
		if i+2 < len(lower) && questionWords[lower[i+2]] {
			return 0, 0 // "according to which body": the source is what is asked
		}
		end := len(lower)
		if i < ask {
			end = ask
		}
		for j := i + 2; j < end; j++ {
			if strings.Contains(question[toks[j-1].End:toks[j].Start], ",") {
				end = j
				break
			}
		}
		return i + 2, end
	}
	return genreClause(lower)
}

// maxSourceShare bounds the weight of a source clause's words against the
// rest of the question's.
const maxSourceShare = 0.5

// boundSource keeps the words naming the question's source ("according to
// the Polish institute's analysis") from outweighing what it asks: a
// source the documents do not name the question's way still leaves the
// question answerable, and the citation says whose the answer is.
func (q *query) boundSource() {
	source, rest := 0.0, 0.0
	for _, c := range q.concepts {
		if c.inSource {
			source += c.weight
		} else {
			rest += c.weight
		}
	}
	if source <= maxSourceShare*rest {
		return
	}
	for i := range q.concepts {
		if q.concepts[i].inSource {
			q.concepts[i].weight *= maxSourceShare * rest / source
		}
	}
}

// genreClause returns the tokens [from, to) of a phrase naming the
// document by its genre ("in his 2010 address", "from the BESA paper",
// "the Guardian piece says"): a determiner, at most three words and a noun
// for a whole document, after "in" or "from" or before a verb of saying.
// The genre says which document, as a byline does, not what the answer
// is about: "address" is no topic in "In his 2010 address, what did Obama
// say about the Supreme Court?".
func genreClause(lower []string) (from, to int) {
	for i, w := range lower {
		if !determiners[w] {
			continue
		}
		for j := i + 1; j < min(len(lower), i+5); j++ {
			if !genres[lower[j]] {
				continue
			}
			after := j+1 < len(lower) && speechVerbs[lower[j+1]]
			if i > 0 && (lower[i-1] == "in" || lower[i-1] == "from") || after {
				return i, j + 1
			}
		}
	}
	return 0, 0
}

var (
	determiners = words.Set(`the his her their its this that`)
	// genres name a whole document, not one it mentions ("report",
	// "study" and "statement" are as often documents an article quotes).
	genres = words.Set(`address speech message article piece paper essay column editorial op-ed
	interview book`)
)

// onlyKeywords reports whether a question is two or more words, none of them
// a stop word, a question word or a question mark: a search, not a sentence.
func onlyKeywords(toks []words.Token, lower []string) bool {
	if len(toks) < 2 {
		return false
	}
	for i, t := range toks {
		if words.IsStop(lower[i]) || intentWords[lower[i]] || strings.ContainsRune(t.Text, '?') {
			return false
		}
	}
	return true
}

// wordAlts returns the terms by which a sentence's own words hold c: none
// for a name only the documents' context holds.
func (c *concept) wordAlts() []alt {
	if c.contextOnly {
		return nil
	}
	return c.alts
}

func (q *query) onlyActors() bool {
	for _, c := range q.concepts {
		if !c.actor {
			return false
		}
	}
	return len(q.concepts) > 0
}

func (q *query) hasActor(id string) bool {
	for _, c := range q.concepts {
		if c.actor && c.id == id {
			return true
		}
	}
	return false
}

// namesAll reports whether the question uses every one of the words: a
// part of a name it gives ("Charlayne" of "Charlayne Hunter"), which the
// registry may keep as an actor of its own.
func (q *query) namesAll(ws []string) bool {
	return len(ws) > 0 && !slices.ContainsFunc(ws, func(w string) bool { return !q.names[w] })
}

// conceptIndex returns the index of the concept labelled label, or -1.
func (q *query) conceptIndex(label string) int {
	if label == "" {
		return -1
	}
	return slices.IndexFunc(q.concepts, func(c concept) bool { return c.label == label })
}

func (q *query) add(c concept) {
	for _, have := range q.concepts {
		if have.label == c.label {
			return
		}
	}
	q.concepts = append(q.concepts, c)
}

// weigh gives each concept its weight and keeps the rarest maxConcepts. A
// name or number the corpus does not know weighs as much as the rarest
// known word: a question about "the Bamiyan Buddhas" is mostly about what
// the documents do not hold. An ordinary word the corpus lacks, with no
// related word it has, weighs part of that, less the more senses it has:
// "alive" or "think" mostly say how the question is put, while "airport"
// or "climate" say what it is about, and a passage without them answers
// another question. A related word more common than the question's own
// counts for less, in proportion.
func (q *query) weigh(e *Engine) {
	maxKnown := 1.0
	for i := range q.concepts {
		c := &q.concepts[i]
		if !c.known {
			continue
		}
		c.weight = e.ix.idf(e.ix.df(c.alts[0].term))
		if c.actor {
			c.weight = e.ix.idf(e.namesDF(c))
		}
		var doers []uint32
		if q.intent == askWhoDid && !c.actor {
			doers = e.doers(c.label)
		}
		for j := range c.alts[1:] {
			a := &c.alts[j+1]
			switch {
			case slices.Contains(doers, a.term):
				a.quality = 1 // "Who leads X?" asks for X's leader
			case !(c.actor && a.quality == 1):
				a.quality *= e.rarer(c, a.term)
			}
		}
		if c.weak {
			c.weight *= weakWeight
		}
		if c.common {
			c.weight *= specificity(lexicon.Senses(baseWord(words.Key(c.written))))
		}
		maxKnown = max(maxKnown, c.weight)
	}
	for i := range q.concepts {
		c := &q.concepts[i]
		switch {
		case !c.known && !c.common:
			c.weight = maxKnown
		case !c.known:
			c.weight = unknownWordShare * maxKnown * specificity(lexicon.Senses(baseWord(words.Key(c.written))))
		}
	}
	if len(q.concepts) > maxConcepts {
		sort.Slice(q.concepts, func(i, j int) bool { return q.concepts[i].weight > q.concepts[j].weight })
		q.concepts = q.concepts[:maxConcepts]
	}
	for i := range q.concepts {
		c := &q.concepts[i]
		c.contextDocs = e.context.of(c)
		if decade(c.written) {
			// An address of 1964 is one of the 1960s.
			c.contextDocs = e.context.stating(c.contextDocs, e.yearsOfDecade(c.written))
		}
		c.topical = c.kind || c.actor && e.topical(c.alts[0].term) || !c.actor && e.namesTopicalActor(c)
		// A person some documents' context names (a speech's speaker, a
		// byline) is asked about as their author: another document only
		// mentioning them says nothing of theirs.
		if c.required || c.topical || c.source || !c.known || len(c.contextDocs) > 0 && e.isPerson(c) {
			continue
		}
		switch {
		case c.actor || c.specific:
			c.mentionDocs = e.mentionDocs(c)
		case c.common && !c.weak:
			c.wordMentions = e.distinctiveWord(c)
		}
	}
}

// actsAsGovernment reports whether a place the question names may stand
// for its government: not where something is ("the rulers in Kabul"), nor
// in a clause of time, where it is the place an event befell ("when Kabul
// fell").
func actsAsGovernment(toks []words.Token, lower []string, m actorMatch) bool {
	i := tokenFrom(toks, m.start)
	if i > 0 && placePrepositions[lower[i-1]] {
		return false
	}
	return !slices.ContainsFunc(lower[max(0, i-3):max(0, i)], func(w string) bool { return timeClauses[w] })
}

var (
	placePrepositions = words.Set(`in at to from into near inside outside around across through`)
	timeClauses       = words.Set(`when while since after before until`)
)

// namedAsKind reports whether the actor m names heads a noun phrase opened
// by "a" or "an": "gave a State of the Union" is one address of many,
// where "an NPR interview" and "a US drone" still name NPR and the US.
func namedAsKind(toks []words.Token, lower []string, m actorMatch) bool {
	i := tokenFrom(toks, m.start)
	if i < 1 || lower[i-1] != "a" && lower[i-1] != "an" {
		return false
	}
	j := tokenFrom(toks, m.end)
	return j < 0 || words.IsStop(lower[j])
}

// nationalityOfAnother reports whether name, one word of a longer name of
// actor a ("Afghan" of the Afghan Taliban), is the adjective WordNet
// derives from a place's name.
func nationalityOfAnother(name string, a *actors.Actor) bool {
	if strings.ContainsRune(name, ' ') || strings.EqualFold(name, a.Name) {
		return false
	}
	return slices.ContainsFunc(lexicon.Related(words.Key(name)), func(r lexicon.Relation) bool {
		return r.Kind == lexicon.Derived && lexicon.Name(r.Word)
	})
}

// tokenFrom returns the index of the first token starting at byte at of
// the question or after it, or -1.
func tokenFrom(toks []words.Token, at int) int {
	return slices.IndexFunc(toks, func(t words.Token) bool { return t.Start >= at })
}

// doers returns the terms of the corpus that name who does verb, as
// English forms them: lead -> leader, write -> writer, govern -> governor,
// run -> runner.
func (e *Engine) doers(verb string) []uint32 {
	if len(verb) < 3 {
		return nil
	}
	forms := []string{verb + "er", verb + "or"}
	switch last := verb[len(verb)-1:]; {
	case last == "e":
		forms = append(forms, verb+"r")
	case !strings.ContainsAny(last, "aeiouwxy"):
		forms = append(forms, verb+last+"er")
	}
	var out []uint32
	for _, f := range forms {
		if t, ok := e.ix.lookup(f); ok {
			out = append(out, t)
		}
	}
	return out
}

// namesDF is how many sentences name an actor by any name: its own and
// the other names of it (alternatives of quality 1), as "the US" for
// "America".
func (e *Engine) namesDF(c *concept) int {
	n := 0
	for _, a := range c.alts {
		if a.quality == 1 {
			n += e.ix.df(a.term)
		}
	}
	return n
}

// rarer scales a term standing for concept c by how rare it is beside the
// concept's own term: a related word more common than the question's own
// counts for less, in proportion.
func (e *Engine) rarer(c *concept, t uint32) float64 {
	own := e.ix.idf(e.ix.df(c.alts[0].term))
	if own <= 0 {
		return 1
	}
	return min(1, e.ix.idf(e.ix.df(t))/own)
}

// unknownWordShare is how much an ordinary word no document uses weighs,
// beside the rarest known word, before its polysemy discount.
const unknownWordShare = 0.5

// polysemyDiscount is how much each doubling of a word's senses lowers
// its weight, on a log scale.
const polysemyDiscount = 0.5

// specificity weighs an ordinary word by how many senses WordNet gives it:
// "take" (44 senses) or "play" say less of what a question is about than
// "sanctuary" or "overrun", however rare in the corpus.
func specificity(senses int) float64 {
	return 1 / (1 + polysemyDiscount*math.Log(float64(max(1, senses))))
}

// minTopicalDocs is the least number of documents in which "most
// documents" means anything.
const minTopicalDocs = 4

// topical reports whether the sentences of term t lie in at least half of
// the documents.
func (e *Engine) topical(t uint32) bool {
	n := len(e.ix.docs)
	if n < minTopicalDocs || e.ix.df(t)*2 < n {
		return false
	}
	docs, last := 0, uint32(math.MaxUint32)
	for _, s := range e.ix.postings(t) {
		if d := e.ix.sents[s].doc; d != last {
			docs, last = docs+1, d
			if docs*2 >= n {
				return true
			}
		}
	}
	return false
}

// namesTopicalActor reports whether a word concept is, typed in lower
// case, the name of an actor most documents mention ("congress" in the
// addresses): the corpus's subject, as the name capitalised would be.
func (e *Engine) namesTopicalActor(c *concept) bool {
	if e.links.reg == nil || c.written == "" || words.IsCapitalised(c.written) {
		return false
	}
	a := e.links.reg.Resolve(c.written)
	if a == nil {
		return false
	}
	t, ok := e.ix.terms[actorPrefix+a.ID]
	return ok && e.topical(t)
}

// A keyword search of misremembering words or more may hold one the user
// got wrong: the heaviest word a passage lacks counts forgivenShare less.
const (
	misremembering = 4
	forgivenShare  = 0.5
)

// forgiven is the weight a passage that covers matched (per concept) need
// not hold: part of the heaviest concept it lacks, for a long keyword
// search; nothing otherwise.
func (q *query) forgiven(matched []float64) float64 {
	if !q.keywords || len(q.concepts) < misremembering {
		return 0
	}
	heaviest := 0.0
	for i, c := range q.concepts {
		if matched[i] == 0 {
			heaviest = max(heaviest, c.weight)
		}
	}
	return forgivenShare * heaviest
}

// neededWeight is the least weight of concepts a passage can hold and still
// answer: a sentence missing more is no candidate.
func (q *query) neededWeight() float64 {
	total, heaviest := q.totalWeight(), 0.0
	if q.keywords && len(q.concepts) >= misremembering {
		for _, c := range q.concepts {
			heaviest = max(heaviest, c.weight)
		}
	}
	return minCoverage * (total - forgivenShare*heaviest)
}

func (q *query) totalWeight() float64 {
	t := 0.0
	for _, c := range q.concepts {
		t += c.weight
	}
	return t
}

// wordConcept makes the concept of one question token: its own term (or,
// for "al-Qaida", the joined and the rarest part), the words WordNet
// relates to it, or a corrected spelling when neither is in the corpus. ok
// is false for stop words.
func (e *Engine) wordConcept(token string, name bool) (concept, bool) {
	// "mid-2023" is 2023; "pre-2001" and "post-2001" bound the time asked
	// about, as "before 2001" does, which an answer need not state.
	if rest, ok := withoutBoundPrefix(token); ok && isNumber(rest) {
		c, ok := e.wordConcept(rest, name)
		prefix, _, _ := strings.Cut(token, "-")
		c.required = c.required && !timeBounds[strings.ToLower(prefix)]
		return c, ok
	}
	var forms []string
	wordsOf(token, func(w string) {
		if termOf(w) != "" {
			forms = append(forms, w)
		}
	})
	if len(forms) == 0 {
		return concept{}, false
	}
	// The whole token comes last; it names the concept.
	whole := forms[len(forms)-1]
	c := concept{label: termOf(whole), written: token, required: isNumber(token) && !describesByNumber(token)}
	for _, w := range e.bestForms(forms) {
		if t, ok := e.ix.lookup(w); ok {
			c.alts = append(c.alts, alt{t, 1})
		}
	}
	if len(c.alts) == 0 && len(whole) > 3 && strings.HasSuffix(whole, "s") {
		// A possessive whose apostrophe was lost ("fdrs", "talibans").
		if t, ok := e.ix.lookup(whole[:len(whole)-1]); ok {
			c.alts = append(c.alts, alt{t, 1})
		}
	}
	if rest, ok := withoutBoundPrefix(token); ok && len(c.alts) == 0 {
		return e.wordConcept(rest, name || words.IsCapitalised(rest))
	}
	single := len(forms) == 1 && !c.required
	// A name whose stem is another word of the texts ("Harding", "hard")
	// cannot be told from that word by its term: when the documents'
	// context names it (a speaker the file names give), it holds there
	// alone, not in every sentence saying "hard".
	if t := termOf(whole); name && single && t != whole && e.ix.vocab.has(t) && len(e.context.of(&c)) > 0 {
		c.contextOnly = true
		single = false
	}
	base := baseWord(whole)
	if single {
		e.addRelated(&c, base, name)
	}
	if single && name {
		e.addSynonymActors(&c, whole, false)
		e.addPeoplesPlace(&c, whole)
	}
	if single && !name && len(c.alts) > 0 && !lexicon.Known(base) {
		for _, u := range e.associated(c.alts[0].term) {
			if !slices.ContainsFunc(c.alts, func(a alt) bool { return a.term == u }) {
				c.alts = append(c.alts, alt{u, associationQuality})
			}
		}
	}
	if single {
		for _, t := range e.ix.vocab.derived(whole) {
			if !slices.ContainsFunc(c.alts, func(a alt) bool { return a.term == t }) {
				c.alts = append(c.alts, alt{t, derivedQuality})
			}
		}
	}
	if len(c.alts) == 0 && single {
		if t, ok := e.ix.vocab.correct(whole, name); ok {
			c.alts = append(c.alts, alt{t, typoQuality})
		}
	}
	inDictionary := lexicon.Known(base)
	if len(c.alts) == 0 && !name && !inDictionary && misspeltStopWord(whole) {
		return concept{}, false // "shoud", "wich": a function word, mistyped
	}
	if decade(whole) {
		c.alts = append(c.alts, e.decadeYears(whole)...)
	}
	c.known = len(c.alts) > 0 // a decade by the years of it the documents state
	// A capitalised word no document uses that the dictionary also knows
	// as a common word ("Eve" in "New Year's Eve") is a word a document may
	// put otherwise, not a name no document mentions.
	c.common = (!name || !c.known && !lexicon.Name(base)) && !c.required && inDictionary
	c.specific = name || !inDictionary
	return c, true
}

// boundPrefixes open a compound that the documents may not write and
// that means its rest, qualified: an "ex-Pentagon chief" is a Pentagon
// chief, once.
var boundPrefixes = words.Set(`ex pre post non anti pro neo mid`)

// withoutBoundPrefix returns a token's rest after a bound prefix and its
// hyphen: "Pentagon" of "ex-Pentagon".
func withoutBoundPrefix(token string) (string, bool) {
	prefix, rest, ok := strings.Cut(token, "-")
	return rest, ok && rest != "" && boundPrefixes[strings.ToLower(prefix)]
}

// baseWord is the word WordNet lists for an irregular form ("came" ->
// "come"); its own rules undo the regular endings.
func baseWord(w string) string {
	if l, ok := lemmas[w]; ok {
		return l
	}
	return w
}

// decade reports whether a token names a decade: "1980s".
func decade(w string) bool {
	return len(w) == 5 && w[4] == 's' && w[3] == '0' && isYearToken(w[:4])
}

// decadeYears returns the terms of the years of a decade the corpus has:
// "the 1980s" is answered by "in 1989".
func (e *Engine) decadeYears(w string) []alt {
	var out []alt
	for _, t := range e.yearsOfDecade(w) {
		out = append(out, alt{t, derivedQuality})
	}
	return out
}

// yearsOfDecade returns the terms of the years of decade w that the
// corpus has.
func (e *Engine) yearsOfDecade(w string) []uint32 {
	var out []uint32
	for y := 0; y < 10; y++ {
		if t, ok := e.ix.lookup(w[:3] + string(rune('0'+y))); ok {
			out = append(out, t)
		}
	}
	return out
}

// relatedQuality is how well a word WordNet relates to a question's word
// expresses it, by the kind of relation: a derived form almost as well as
// the word, an opposite barely ("alive" and "dead" meet on the question,
// not on its answer).
var relatedQuality = [...]float64{
	lexicon.Derived:  0.8,
	lexicon.Synonym:  0.6,
	lexicon.Similar:  0.5,
	lexicon.Entails:  0.5,
	lexicon.Holonym:  0.5,
	lexicon.Hypernym: 0.35,
	lexicon.Hyponym:  0.2,
	lexicon.Antonym:  0.3,
}

// maxRelated bounds the related words one question word adds, closest
// kinds first: the postings read grow with them.
const maxRelated = 12

// nameRelations are the relations that keep a name's referent: "Afghan"
// for Afghanistan, Beijing in China. A name's kind ("Australia", a
// country) or opposite would answer about another place.
var nameRelations = map[lexicon.Kind]bool{lexicon.Derived: true, lexicon.Synonym: true, lexicon.Holonym: true}

// addRelated adds the corpus terms of the words WordNet relates to word;
// for a name, only those that keep its referent.
func (e *Engine) addRelated(c *concept, word string, name bool) {
	n := 0
	for _, r := range e.relatedTerms(word, name) {
		if slices.ContainsFunc(c.alts, func(a alt) bool { return a.term == r.term }) {
			continue
		}
		c.alts = append(c.alts, r)
		if n++; n == maxRelated {
			return
		}
	}
}

// addPhrasal makes a verb and its particle the phrasal verb they form
// ("came out": emerge, appear; "sped up": accelerate), and a verb idiom
// WordNet lists the verb it stands for ("took place": occur; "put to
// death": execute), from the verb and the two words after it: the verb's
// own related words, which say little about it ("come": arrive, go), give
// way to the phrasal verb's. A preposition after the particle makes
// another verb ("came up with" is not "came up", arise), which counts only
// when WordNet has it too; "to" may be one ("come up to") or open an
// infinitive ("turned out to be"). It returns how many of ws the phrasal
// verb is, 0 for none.
func (e *Engine) addPhrasal(c *concept, ws []string) int {
	rels := lexicon.Phrasal(ws[0], ws[1:]...)
	if len(rels) == 0 && len(ws) == 3 && !prepositions[ws[2]] {
		ws = ws[:2]
		rels = lexicon.Phrasal(ws[0], ws[1])
	}
	if len(rels) == 0 {
		return 0 // not remembered: any two words of any question would be
	}
	rel := e.related.get("\x01"+strings.Join(ws, " "), func() []alt { return e.corpusTerms(rels, false) })
	if len(rel) == 0 {
		return 0
	}
	c.alts = slices.DeleteFunc(c.alts, func(a alt) bool { return a.quality < strongQuality })
	for _, r := range rel[:min(len(rel), maxRelated)] {
		if !slices.ContainsFunc(c.alts, func(a alt) bool { return a.term == r.term }) {
			c.alts = append(c.alts, r)
		}
	}
	return len(ws)
}

// phrasalConcept makes a concept of a phrasal verb whose verb is a
// function word ("let down": disappoint; "get up": rise), which has no
// concept of its own, and returns how many of ws it is (0: none).
func (e *Engine) phrasalConcept(ws []string) (concept, int) {
	c := concept{written: ws[0], common: true}
	n := e.addPhrasal(&c, ws)
	if n == 0 {
		return concept{}, 0
	}
	c.label, c.known = strings.Join(ws[:n], " "), true
	return c, n
}

// prepositions may follow a phrasal verb's particle ("catch up with").
var prepositions = words.Set(`with on upon at for of against from into`)

// relatedTerms returns the corpus terms of the words WordNet relates to
// word, closest kinds first, each with the quality of its relation; for a
// name, only those that keep its referent. Finding them parses the word's
// table line and folds and stems every related word, so they are
// remembered, for WordNet's words only.
func (e *Engine) relatedTerms(word string, name bool) []alt {
	if !lexicon.Known(word) {
		return nil
	}
	key := word
	if name {
		key = "\x00" + word
	}
	return e.related.get(key, func() []alt { return e.corpusTerms(lexicon.Related(word), name) })
}

// corpusTerms returns the corpus terms of related words, each with the
// quality of its relation; for a name, only those that keep its referent.
func (e *Engine) corpusTerms(rels []lexicon.Relation, name bool) []alt {
	var out []alt
	for _, r := range rels {
		if name && !nameRelations[r.Kind] {
			continue
		}
		if t, ok := e.ix.lookup(r.Word); ok {
			out = append(out, alt{t, relatedQuality[r.Kind]})
		}
	}
	return out
}

// bestForms picks, from the words of one token, the ones worth matching:
// the whole token and, for a compound, its rarest known part ("qaida" from
// "al-Qaida", not "al").
func (e *Engine) bestForms(forms []string) []string {
	if len(forms) == 1 {
		return forms
	}
	joined := forms[len(forms)-1]
	best, bestDF := "", -1
	for _, w := range forms[:len(forms)-1] {
		if t, ok := e.ix.lookup(w); ok && (bestDF < 0 || e.ix.df(t) < bestDF) {
			best, bestDF = w, e.ix.df(t)
		}
	}
	if best == "" {
		return []string{joined}
	}
	return []string{joined, best}
}

// intentWords are question words that say what kind of answer is wanted
// rather than what it is about.
var intentWords = map[string]bool{
	"many": true, "much": true, "year": true, "years": true, "date": true, "kind": true,
	"happen": true, "happened": true, "mean": true, "means": true, "according": true,
}

// measures are the adjectives that, after "how", ask for a quantity:
// "how long did it take", "how big is the reward".
var measures = words.Set(`old young long short big large small far high low tall wide deep thick thin
heavy light often fast quickly slow slowly soon early late hot warm cold cool`)

// askedHead returns the head of the noun phrase a "what" or "which"
// question asks about, or "". The phrase follows "what" or "which" up to
// its verb ("What interest rate is charged ...?": rate), or "what is" up to
// a preposition or the end ("What was Leesona's net income for 1960?":
// income; "Which postwar population shift do ...?": shift).
func askedHead(lower []string) string {
	if len(lower) < 2 || lower[0] != "what" && lower[0] != "which" {
		return ""
	}
	if lower[0] == "what" && beForms[lower[1]] {
		head := ""
		for _, w := range lower[2:] {
			if headEnds[w] {
				break
			}
			head = w
			if nameHeads[w] {
				break // "what is Mrs. Flannagan's first name, the woman ..."
			}
		}
		return head
	}
	for i, w := range lower[1:min(len(lower), 6)] {
		if i > 0 && (beForms[w] || doAux[w] || auxiliaries[w] || headEnds[w]) {
			return lower[i]
		}
	}
	return lower[1]
}

// asksName reports whether a question asks for a name: "What was the
// name of the official ...?", "What is her roommate's name?".
func asksName(lower []string) bool {
	if len(lower) < 3 || lower[0] != "what" {
		return false
	}
	if nameHeads[lower[1]] && (doAux[lower[2]] || auxiliaries[lower[2]]) {
		return true // "what name did she give the cookie"
	}
	return beForms[lower[1]] && nameHeads[askedHead(lower)]
}

// nameHeads ask for a name: "what was the name of ...", "what is the
// title of her book".
var nameHeads = words.Set(`name names surname title titles`)

// asksTitle reports whether a question asking for a name asks for the
// title of a work: "What is the title of her book?".
func asksTitle(lower []string) bool {
	return titleHeads[askedHead(lower)] || len(lower) > 1 && titleHeads[lower[1]]
}

var titleHeads = words.Set(`title titles`)

// namedHeadAt returns the index of the noun that says what a name is asked
// of, or -1: "What was the name of the Shawnee leader Madison blamed
// ...?" (leader), "... of Roy Mason's wife?" (wife), "... of the blonde
// girl riding ...?" (girl), "What name did she give her cookie?"
// (cookie): the head of the phrase after "name of", or after "give".
func namedHeadAt(question string, toks []words.Token, lower []string, ask int) int {
	of := slices.IndexFunc(lower[ask:], func(w string) bool { return nameHeads[w] && !titleHeads[w] }) + ask + 1
	if of <= ask {
		return -1
	}
	// "What is Mrs. Flannagan's first name?": the name is the owner's.
	k := of - 2
	for k > ask && nameModifiers[lower[k]] {
		k--
	}
	if k > ask && possessive(toks[k].Text) {
		return k
	}
	if of >= len(lower) {
		return -1
	}
	if lower[of] == "of" {
		return phraseHead(question, toks, lower, of+1)
	}
	// "What name did she give her cookie?": what is named follows "give".
	if g := slices.IndexFunc(lower[of:], func(w string) bool { return w == "give" || w == "gave" }); g >= 0 {
		return phraseHead(question, toks, lower, of+g+1)
	}
	return -1
}

// nameModifiers say which of a person's names is asked for.
var nameModifiers = words.Set(`first last full middle maiden given real christian family`)

// possessive reports whether a token ends in "'s": "Adam's".
func possessive(token string) bool {
	return strings.HasSuffix(token, "'s") || strings.HasSuffix(token, "’s")
}

// roleHeadAt returns, for "who did the Taliban name as prime minister of
// ...?" or "who took over as head coach ...?", the index of the noun heading
// the phrase after "as" ("minister", "coach"), or -1.
func roleHeadAt(question string, toks []words.Token, lower []string, ask int) int {
	as := slices.Index(lower[ask:], "as") + ask
	if as < ask {
		return -1
	}
	return phraseHead(question, toks, lower, as+1)
}

// phraseHead returns the index of the noun heading the phrase at from:
// its last word before a function word, a participle or a name no noun
// follows; a name a noun follows ("Roy Mason's wife") modifies it; a name
// no noun follows, before any noun, is itself what the phrase names (-1).
func phraseHead(question string, toks []words.Token, lower []string, from int) int {
	head := -1
	for k := from; k < len(lower); k++ {
		w := lower[k]
		switch {
		case words.IsStop(w): // "the", "his" before the noun; "who", "in" after it
			if head >= 0 {
				return head
			}
		case words.IsCapitalised(toks[k].Text):
			// "the Peace Corps official", "the painter Roy Mason's wife",
			// "her prize-winning Bake-Off cookie": a noun follows the
			// name; "the Shawnee leader Madison blamed", "the first name
			// of Captain Heard, master of ...": the phrase ends before it,
			// or the name is what is named.
			modifies := k+1 < len(toks) && !words.IsStop(lower[k+1]) && strings.TrimSpace(question[toks[k].End:toks[k+1].Start]) == ""
			if !modifies {
				return head
			}
		case head >= 0 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || irregularVerbForm(w)):
			return head
		default:
			head = k
		}
	}
	return head
}

// irregularVerbForm reports whether w is an irregular form of a verb and
// no word of its own: "caught", not "men" or "shot".
func irregularVerbForm(w string) bool {
	_, irregular := lemmas[w]
	return irregular && !lexicon.IsLemma(w)
}

// asksMeasure reports whether a question asks for a measure: the head of
// what it asks about is a quantity ("What is the population of Kabul?").
func asksMeasure(lower []string) bool { return isMeasure(askedHead(lower)) }

func isMeasure(w string) bool { return measureNouns[w] }

var (
	beForms = words.Set(`is was are were`)
	// headEnds, the prepositions, end the noun phrase a question asks
	// about; so does an auxiliary opening its verb.
	headEnds    = words.Set(`of for in at on during by from to under over between per`)
	auxiliaries = words.Set(`has have had will would can could should may might must`)
	// measureNouns name quantities a figure gives ("what percentage of
	// ...", "what share of ...", "what is the population of ...").
	measureNouns = words.Set(`number percentage percent proportion share fraction ratio rate amount
	income incomes revenue revenues profit profits earnings sales turnover population size height
	length width depth distance weight temperature speed age toll total price prices cost costs fee
	fees salary salaries wage wages budget`)
)

// verbAuxiliaries, after "how much", ask to what extent something was
// done rather than for an amount.
var verbAuxiliaries = words.Set(`did does do has have had`)

// asksPercent reports whether a question proper asks for a percentage:
// "What percentage of ...", "By what percent ...", "How many percent ...".
func asksPercent(lower []string) bool {
	for i, w := range lower[:min(len(lower), 4)] {
		if (w == "percentage" || w == "percent") && i > 0 && (lower[i-1] == "what" || lower[i-1] == "many") {
			return true
		}
	}
	return false
}

// askedUnit returns the kind of quantity a question proper names by its
// words: a span of time for "how many years", a length for "how tall"; 0
// when its words leave the kind open ("how high" may be a rate, "how long"
// a length or a time, "how old" an age written as a bare number: "when
// she was eight").
func askedUnit(lower []string) wordKind {
	switch {
	case len(lower) < 2 || lower[0] != "how":
		return 0
	case lower[1] == "many" && len(lower) > 2 && wordKinds[lower[2]]&timeUnit != 0:
		return timeUnit
	case lower[1] == "tall":
		return lengthUnit
	}
	return 0
}

// asksExtent reports whether a question proper opens "how much did ...".
func asksExtent(lower []string) bool {
	return len(lower) > 2 && lower[0] == "how" && lower[1] == "much" && verbAuxiliaries[lower[2]]
}

// asksDuration reports whether a question proper opens "how long" before
// a verb ("how long did it take", "for how long were they kept out").
func asksDuration(lower []string) bool {
	if len(lower) > 0 && lower[0] == "for" {
		lower = lower[1:]
	}
	return len(lower) > 2 && lower[0] == "how" && lower[1] == "long" && (verbAuxiliaries[lower[2]] || durationVerbs[lower[2]])
}

// durationVerbs may follow "how long" besides the auxiliaries of a verb
// done: "how long is a rocket in the air", "how long would it take".
var durationVerbs = words.Set(`is are was were will would can could must should`)

// weakWords are adverbs that the stop list keeps but that say little about
// what a question asks; they count for weakWeight of their rarity.
var weakWords = words.Set(`still already currently really actually just even ever often usually
nowadays today recently again else`)

const weakWeight = 0.25

// yearSaidIn reports whether the year at i is when someone said what is
// asked: right after a verb of saying and "in" ("say in 1983"), or right
// after the name of a speaker some document's context gives ("Obama
// 2010:", "Reagan's 1983").
func (e *Engine) yearSaidIn(q *query, toks []words.Token, lower, actorAt []string, i int) bool {
	if i >= 2 && lower[i-1] == "in" && speechVerbs[lower[i-2]] {
		return true
	}
	if i == 0 {
		return false
	}
	ci := q.conceptIndex(actorAt[i-1])
	if ci < 0 {
		ci = slices.IndexFunc(q.concepts, func(c concept) bool { return !c.actor && c.written == toks[i-1].Text })
	}
	return ci >= 0 && len(e.context.of(&q.concepts[ci])) > 0
}

// nameWrittenAsOne returns the concept of the capitalised word at i and
// the next when the documents write the two as one ("the Geopolitical
// Monitor piece", by the publisher "Geopoliticalmonitor.com") and one of
// them alone is no term of theirs.
func (e *Engine) nameWrittenAsOne(toks []words.Token, lower []string, used []bool, i int) (concept, bool) {
	if i+1 >= len(toks) || used[i+1] || !words.IsCapitalised(toks[i].Text) || !words.IsCapitalised(toks[i+1].Text) {
		return concept{}, false
	}
	_, first := e.ix.lookup(lower[i])
	_, second := e.ix.lookup(lower[i+1])
	if first && second {
		return concept{}, false
	}
	if _, ok := e.ix.lookup(lower[i] + lower[i+1]); !ok {
		return concept{}, false
	}
	return e.wordConcept(toks[i].Text+toks[i+1].Text, true)
}

// semiModal reports whether the word at i is the "going" or "supposed" of
// "be going to" or "be supposed to" and a verb ("what was the Uncas
// company's founder going to receive", "where were people supposed to
// gather"): a tense or a modal, not a going anywhere ("going to the
// city") nor a supposing. The question may put its "be" first.
func semiModal(lower []string, i int) bool {
	if !semiModals[lower[i]] || i+2 >= len(lower) || lower[i+1] != "to" || determiners[lower[i+2]] {
		return false
	}
	return slices.ContainsFunc(lower[:i], func(w string) bool { return beForms[w] })
}

var semiModals = words.Set(`going supposed`)

var speechVerbs = words.Set(`say said says tell told warn warned write wrote claim claimed argue argued think thinks believe
state stated comment describe described predict predicted add added caution cautioned lament
lamented declare declared ask asked urge urged propose proposed promise promised admit admitted
insist insisted vow vowed announce announced suggest suggested recommend recommended demand
demanded complain complained`)

// leadingPrepositions may open a question before its question word ("In how
// many provinces", "Since when").
var leadingPrepositions = words.Set(`in on at by for from to of since until and so`)

func skipPrepositions(lower []string, i int) int {
	for i < len(lower) && leadingPrepositions[lower[i]] {
		i++
	}
	return i
}

var questionWords = words.Set(`how what when who whom whose which where why`)

// splitContractions reads a question word run into "is" ("what's the
// title", "whos the leader", as typed in chat) as the two words: the
// question word says how the question asks. The "is" added spans nothing
// of the question.
func splitContractions(toks []words.Token) []words.Token {
	var out []words.Token
	for i, t := range toks {
		head, ok := strings.CutSuffix(words.Key(t.Text), "s")
		// The word as written, without its "s" and apostrophe.
		written := strings.TrimRight(t.Text[:max(0, len(t.Text)-1)], "'’")
		if !ok || !questionWords[head] || !strings.EqualFold(written, head) {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]words.Token, 0, len(toks)+1), toks[:i]...)
		}
		out = append(out, words.Token{Text: written, Start: t.Start, End: t.Start + len(written)}, words.Token{Text: "is", Start: t.End, End: t.End})
	}
	if out == nil {
		return toks
	}
	return out
}

// approximately are the adverbs a question asking for a figure may open
// with, before its question word ("Roughly how many", "Approximately what
// share").
var approximately = words.Set(`roughly approximately nearly almost`)

// minFrameWords is the shortest "when" clause taken for a frame rather
// than a question of its own ("When, where and why ...").
const minFrameWords = 4

// askingClause returns the index of the word where the question proper
// starts: after leading prepositions ("In how many provinces"), or after a
// clause that sets its frame ("According to the Guardian, how long ...",
// "In his 1962 address, what did Kennedy ...").
func askingClause(question string, toks []words.Token, lower []string) int {
	start := skipPrepositions(lower, 0)
	if start+1 < len(lower) && approximately[lower[start]] && questionWords[lower[start+1]] {
		start++ // "Roughly what yearly salary ...": the question word asks
	}
	if start >= len(lower) {
		return start
	}
	from, frame := start+1, false
	switch {
	case lower[start] == "when":
		// "When Congress first met there, how did Adams picture it?",
		// "When critics said so, did Wilson call for ...?": a clause of
		// time sets the frame; the question follows its comma.
		from, frame = start+minFrameWords, true
	case questionWords[lower[start]]:
		return start
	}
	for i := from; i < len(toks); i++ {
		if !strings.Contains(question[toks[i-1].End:toks[i].Start], ",") {
			continue
		}
		if j := skipPrepositions(lower, i); j < len(lower) && (questionWords[lower[j]] || frame && yesNoOpeners[lower[j]]) {
			return j
		}
		if j := trailingAsk(lower, i); j >= 0 {
			return j
		}
	}
	if yesNoOpeners[lower[start]] {
		return embeddedCount(lower, start)
	}
	return start
}

// embeddedCount returns, for a yes-or-no question whose verb of saying
// asks a count ("Did Clinton say by how many votes NAFTA passed?", "Does
// the report state how much was spent?"), the index of that "how": what
// the question asks for is the figure. Else it returns start.
func embeddedCount(lower []string, start int) int {
	said := false
	for i := start + 1; i+1 < len(lower); i++ {
		switch {
		case speechVerbs[lower[i]]:
			said = true
		case said && lower[i] == "how" && (lower[i+1] == "many" || lower[i+1] == "much"):
			return i
		}
	}
	return start
}

// maxTrailingWords bounds the clause that asks after the question proper:
// "..., and if so roughly when?".
const maxTrailingWords = 2

// trailingAsk returns the index of the question word that a short clause
// after a comma ends with ("has the Taliban tried it before, and if so
// roughly when?", "..., and why?"), or -1: what the question asks for.
func trailingAsk(lower []string, i int) int {
	if i < len(lower) && lower[i] == "and" {
		i++
	}
	if i+1 < len(lower) && lower[i] == "if" && lower[i+1] == "so" {
		i += 2
	}
	last := len(lower) - 1
	if last < i || last-i >= maxTrailingWords || !questionWords[lower[last]] {
		return -1
	}
	return last
}

// whenHeads, asked for by "what" or "which", ask when: "what year",
// "on what exact date", "which day", "at what time".
var whenHeads = words.Set(`year date day month time hour`)

// timeBounds are the prepositions that make a year a bound of the time a
// question asks about, not the time itself.
var timeBounds = words.Set(`after before since until till pre post`)

// yesNoOpeners open a question asked for yes or no: "did Wilson call ...".
var yesNoOpeners = words.Set(`did does do is was are were has have had can could will would should`)

// intentOf reads the intent from the question's words; named marks the
// words of the names it holds, which say what it is about, not how it asks
// ("the Islamic State" holds no verb of saying).
func intentOf(all []string, ask int, named []bool) intent {
	lower := all[ask:]
	first := func(ws ...string) bool {
		for i, w := range ws {
			if i >= len(lower) || lower[i] != w {
				return false
			}
		}
		return true
	}
	switch {
	case first("how", "many"), first("how", "much"), len(lower) > 1 && lower[0] == "how" && measures[lower[1]],
		asksMeasure(lower), first("what") && asksPrice(lower):
		return askFigure
	case first("when"), whenHeads[askedHead(lower)]:
		return askWhen
	case first("who", "is"), first("who", "was"), first("who", "are"), first("who", "were"):
		return askWho
	case first("who"), first("whom"):
		return askWhoDid
	case first("where"):
		return askWhere
	case first("why"), first("what", "reason"), first("for", "what", "reason"):
		return askWhy
	}
	for i, w := range all {
		if speechVerbs[w] && !named[i] {
			return askSay
		}
	}
	if len(lower) > 1 && lower[0] == "according" {
		return askSay
	}
	return askAny
}

// describesByNumber reports whether a token is a number joined to the
// word it measures ("26-year-old", "3-by-6-foot"; not a designation such
// as "B-52"): it describes what it comes before, as an adjective does, and
// an answer about that need not repeat it.
func describesByNumber(token string) bool {
	return token[0] >= '0' && token[0] <= '9' && strings.Contains(token, "-") && strings.IndexFunc(token, unicode.IsLetter) >= 0
}

func isNumber(token string) bool {
	for _, r := range token {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}

func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return strings.TrimSpace(s)
}

// asksMoney reports whether a figure question asks for an amount of
// money ("How much does it cost?", "What was the budget?"). "How many"
// asks for money only when money is what it counts ("how many dollars"),
// not when money is only the setting ("How many ships would the Navy
// have under the budget?"); a question asking for a measure asks for money
// when the measure is money ("What was the budget?", not "What interest
// rate is charged on taxes not paid?").
func asksMoney(lower []string) bool {
	isMoney := func(w string) bool { return moneyWords[w] }
	if len(lower) > 2 && lower[0] == "how" && lower[1] == "many" {
		return slices.ContainsFunc(lower[2:min(len(lower), 4)], isMoney)
	}
	if head := askedHead(lower); isMeasure(head) {
		return isMoney(head)
	}
	return slices.ContainsFunc(lower, isMoney)
}

// asksPrice reports whether a "what" question asks what something cost:
// "What would a director cost the city?", "What did the painting sell
// for?".
func asksPrice(lower []string) bool {
	if slices.ContainsFunc(lower, func(w string) bool { return costVerbs[w] }) {
		return true
	}
	n := len(lower)
	return n > 2 && lower[n-1] == "for" && tradeVerbs[lower[n-2]]
}

var (
	costVerbs  = words.Set(`cost costs costed`)
	tradeVerbs = words.Set(`sell sells sold buy buys bought go goes went fetch fetched`)
)

// moneyWords make a figure question ask for an amount of money.
var moneyWords = words.Set(`cost costs costed price prices priced pay pays paid spend spends spent money
fee fees worth budget salary salaries wage wages fund funds funding reward dollars dollar pounds euros
profit profits earnings income incomes revenue revenues`)

// misspeltStopWord reports whether w is one typing slip (a letter left
// out, added, changed or two swapped) from a stop word, which the index
// does not hold and so cannot correct to.
func misspeltStopWord(w string) bool {
	if len(w) < 3 || !isASCIILetters(w) {
		return false
	}
	const letters = "abcdefghijklmnopqrstuvwxyz"
	for i := 0; i <= len(w); i++ {
		if i < len(w) && words.IsStop(w[:i]+w[i+1:]) {
			return true // deletion
		}
		if i+1 < len(w) && words.IsStop(w[:i]+string(w[i+1])+string(w[i])+w[i+2:]) {
			return true // transposition
		}
		for _, c := range letters {
			if words.IsStop(w[:i] + string(c) + w[i:]) {
				return true // insertion
			}
			if i < len(w) && words.IsStop(w[:i]+string(c)+w[i+1:]) {
				return true // substitution
			}
		}
	}
	return false
}
