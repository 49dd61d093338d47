package claims

import (
	"sort"
	"strings"
	"sync"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// minQuoteWords is the shortest quotation kept as a quote claim; shorter
// ones are scare quotes ("far enemy") or fragments, kept only inside the
// reported sentence when someone is named as saying them.
const minQuoteWords = 4

// speakerRef is a resolved speaker: canonical name and id when linked,
// always the phrase as written.
type speakerRef struct {
	name, id, written string
	sentence          int  // where it was named
	own               bool // the document's own author ("I", "we")
}

// docExtractor extracts the claims of one document, in one pass over its
// paragraphs.
type docExtractor struct {
	link       linker
	doc        *corpus.Document
	docIdx     int
	claims     []*Claim
	covered    map[int]bool      // sentences that already carry a quote or reported claim
	lastSaid   *speakerRef       // the last named speaker, for "he said"
	lastQuote  *speakerRef       // the last attributed quote, for a quote continued after it
	lastReport *speakerRef       // the last report cited, for "that same report"
	mentioned  map[int][]mention // actors named per sentence, cached
	self       *speakerRef       // who "I" and "we" are: the document's author, resolved once
}

func extractDoc(l linker, doc *corpus.Document, docIdx int) *docExtractor {
	x := &docExtractor{link: l, doc: doc, docIdx: docIdx, covered: map[int]bool{}, mentioned: map[int][]mention{}}
	p := paragraphs.Get().(*paragraph)
	defer paragraphs.Put(p)
	for _, para := range doc.Paragraphs {
		p.read(doc, para)
		x.quoteClaims(p)
		for si := para.FirstSentence; si < para.EndSentence; si++ {
			x.reportedClaim(p, int(si))
			x.figureClaims(p, int(si))
			x.assessmentClaim(p, int(si))
			x.stateClaim(p, int(si))
		}
	}
	sort.SliceStable(x.claims, func(i, j int) bool { return x.claims[i].spans[0].start < x.claims[j].spans[0].start })
	for _, c := range x.claims {
		c.terms = compareTerms(c)
	}
	return x
}

// paragraphs holds the paragraphs extractDoc reads into, one a document at
// a time, so that their token buffers serve many documents: a plain-text
// document may be a single paragraph of hundreds of kilobytes.
var paragraphs = sync.Pool{New: func() any { return new(paragraph) }}

// mentions caches the actors named in sentence si.
func (x *docExtractor) mentions(si int) []mention {
	m, ok := x.mentioned[si]
	if !ok {
		m = x.link.mentions(x.doc, si)
		x.mentioned[si] = m
	}
	return m
}

// add records a claim whose text is doc.Text[start:end].
func (x *docExtractor) add(kind Kind, p *paragraph, start, end int, cite corpus.Citation, who speakerRef) *Claim {
	c := &Claim{Kind: kind, Text: x.doc.Text[start:end], Sources: []corpus.Citation{cite},
		spans: []span{{doc: x.docIdx, start: start, end: end}}}
	c.Speaker, c.SpeakerID, c.Attribution, c.ownWords = who.name, who.id, who.written, who.own
	first, last := p.tokensIn(start, end)
	c.Hedge = strings.Join(p.findHedges(first, last), ", ")
	c.Likelihood = Likelihood(c.Hedge)
	x.claims = append(x.claims, c)
	return c
}

// who resolves an attribution found in sentence si to a speaker. A pronoun
// takes the one person the previous sentence names, else the speaker named
// just before; "that same report" takes the last report cited. Anything else
// unresolved is kept as written with no canonical name.
func (x *docExtractor) who(a attribution, si int) speakerRef {
	written := a.p.text(a.ph)
	switch {
	case a.pronoun && firstPerson[a.p.lower[a.ph.first]]:
		ref := x.author()
		ref.written, ref.sentence = written, si
		return ref
	case a.pronoun:
		if ref, ok := x.pronounSpeaker(a.p.lower[a.ph.first], si); ok {
			ref.written, ref.sentence = written, si
			return ref
		}
		return speakerRef{written: written, sentence: si}
	case a.p.isAnaphoric(a.ph):
		if reportNouns[a.p.lower[a.ph.end-1]] && x.lastReport != nil && si-x.lastReport.sentence <= 30 {
			ref := *x.lastReport
			ref.written, ref.sentence = written, si
			return ref
		}
		return speakerRef{written: written, sentence: si}
	}
	name, id := linkSpeaker(x.link, a.p, a.ph)
	ref := speakerRef{name: name, id: id, written: written, sentence: si}
	if reportNouns[a.p.lower[a.ph.end-1]] {
		x.lastReport = &ref
	}
	x.lastSaid = &ref
	return ref
}

// spelledAlike reports whether two names have the same words, a middle
// name possibly written as its initial ("Franklin D. Roosevelt", "Franklin
// Delano Roosevelt"). An author is linked only to an actor spelt so:
// "George Bush" names two presidents, and an actor "George W. Bush" is
// only one of them.
func spelledAlike(a, b string) bool {
	x, y := words.Terms(a), words.Terms(b)
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i] != y[i] && (len(x[i]) > 1 && len(y[i]) > 1 || x[i][0] != y[i][0]) {
			return false
		}
	}
	return true
}

// firstPerson pronouns name the document's own speaker or author.
var firstPerson = words.Set(`i we`)

// subjectPronouns can only be the subject of the verb they precede.
var subjectPronouns = words.Set(`i we he she they`)

// author is the document's speaker, linked to its actor when the corpus
// names it: the author the document states, else a person's name that its
// file name spells ("1790_george_washington_n.txt"); empty when neither.
func (x *docExtractor) author() speakerRef {
	if x.self == nil {
		name := actors.AuthorOf(x.doc)
		x.self = &speakerRef{name: name, own: true}
		if a := x.link.resolve(name); name != "" && a != nil && a.Kind == actors.Person && spelledAlike(a.Name, name) {
			x.self.name, x.self.id = a.Name, a.ID
		}
	}
	return *x.self
}

func (x *docExtractor) pronounSpeaker(pronoun string, si int) (speakerRef, bool) {
	if pronoun != "he" && pronoun != "she" {
		return speakerRef{}, false
	}
	if si > 0 {
		var people []mention
		for _, m := range x.mentions(si - 1) {
			if m.Kind == actors.Person {
				people = append(people, m)
			}
		}
		if len(people) == 1 && people[0].ID != "" {
			return speakerRef{name: people[0].Name, id: people[0].ID}, true
		}
	}
	if x.lastSaid != nil && x.lastSaid.name != "" && si-x.lastSaid.sentence <= 2 {
		return *x.lastSaid, true
	}
	return speakerRef{}, false
}

// claimHolding returns the latest claim of the current paragraph whose text
// holds byte offset off and that accept takes. Claims of earlier paragraphs
// end before it, so the search stops there and stays linear.
func (x *docExtractor) claimHolding(p *paragraph, off int, accept func(*Claim) bool) *Claim {
	for i := len(x.claims) - 1; i >= 0 && x.claims[i].spans[0].end > p.start; i-- {
		c := x.claims[i]
		if accept(c) && c.spans[0].start <= off && off < c.spans[0].end {
			return c
		}
	}
	return nil
}

func isAttributable(c *Claim) bool { return c.Kind == Quote || c.Kind == Reported }

func notFigure(c *Claim) bool { return c.Kind != Figure }

func (x *docExtractor) cover(first, last int) {
	for si := first; si <= last; si++ {
		x.covered[si] = true
	}
}

// sentenceSpan returns the byte span of sentence si.
func (x *docExtractor) sentenceSpan(si int) (int, int) {
	s := x.doc.Sentences[si]
	return int(s.Start), int(s.End)
}
