package claims

// quoteClaims turns the quotations of a paragraph into claims. A quote's
// speaker is read after it (`,” said X`), else from a later quote of the
// same sentence that is attributed (`“a” and “b,” according to X`), else
// before it ("X told Sky that he was “...”"), else, for a quote opening the
// sentence right after an attributed one, from that quote (a continuation).
func (x *docExtractor) quoteClaims(p *paragraph) {
	atts := make([]attribution, len(p.quotes))
	for i, q := range p.quotes {
		atts[i] = p.attributeAfter(q)
	}
	for i := len(p.quotes) - 2; i >= 0; i-- {
		if !atts[i].found() && atts[i+1].found() && p.sentenceAt(p.quotes[i].close-1) == p.sentenceAt(p.quotes[i+1].open) {
			atts[i] = atts[i+1]
		}
	}
	for i, q := range p.quotes {
		if !atts[i].found() {
			atts[i] = p.attributeBefore(q)
		}
	}
	for i, q := range p.quotes {
		x.quoteClaim(p, q, atts[i])
	}
}

func (x *docExtractor) quoteClaim(p *paragraph, q quoteSpan, a attribution) {
	si := p.sentenceAt(q.open)
	var who speakerRef
	end := q.close
	switch {
	case a.found():
		who = x.who(a, si)
		end = max(end, a.end())
	case x.lastQuote != nil && si == x.lastQuote.sentence+1 && q.open == int(x.doc.Sentences[si].Start):
		who = *x.lastQuote
	}
	last := p.sentenceAt(max(q.open, end-1))
	short := q.endTok-q.firstTok < minQuoteWords
	switch {
	case short && who.name == "":
		return // a scare quote ("far enemy") or an unattributed fragment
	case short && !p.capitalised(q.firstTok):
		// A fragment woven into a sentence: the claim is the sentence.
		if !x.covered[si] {
			start, stop := x.sentenceSpan(si)
			x.add(Reported, p, start, stop, p.cite(start, stop), who)
			x.cover(si, si)
		}
		return
	default: // a whole utterance, however short: “Not this year.”
		qs, qe := quotedText(x.doc.Text, q)
		x.add(Quote, p, qs, qe, p.cite(q.open, end), who)
		x.cover(si, last)
	}
	if who.name != "" {
		ref := who
		ref.sentence = last
		x.lastQuote = &ref
	}
}
