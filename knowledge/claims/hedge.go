package claims

import (
	"strings"

	"briefbot/knowledge/words"
)

// The likelihood scale of the US analytic standards (ICD 203), least to
// most likely.
const (
	AlmostNoChance    = "almost no chance"
	VeryUnlikely      = "very unlikely"
	Unlikely          = "unlikely"
	RoughlyEvenChance = "roughly even chance"
	Likely            = "likely"
	VeryLikely        = "very likely"
	AlmostCertain     = "almost certain"
)

// hedgeScale maps hedge phrases, unstemmed and lower case, to the scale.
// Words of uncertainty without a direction ("unclear", "rumours") map to ""
// : the claim stays hedged but gets no likelihood it does not state.
var hedgeScale = map[string]string{
	"almost certainly": AlmostCertain, "almost certain": AlmostCertain, "virtually certain": AlmostCertain,
	"nearly certain": AlmostCertain,
	"very likely":    VeryLikely, "highly likely": VeryLikely, "highly probable": VeryLikely,
	"most likely": VeryLikely, "very probably": VeryLikely,
	"likely": Likely, "probably": Likely, "probable": Likely, "believed to": Likely,
	"appear to": Likely, "appears to": Likely, "appeared to": Likely, "appear": Likely,
	"appears": Likely, "apparently": Likely, "seems": Likely, "seem": Likely, "seemed": Likely,
	"seemingly": Likely, "presumably": Likely, "expected to": Likely,
	"may": RoughlyEvenChance, "might": RoughlyEvenChance, "could": RoughlyEvenChance,
	"possibly": RoughlyEvenChance, "possible": RoughlyEvenChance, "perhaps": RoughlyEvenChance,
	"roughly even": RoughlyEvenChance, "even chance": RoughlyEvenChance,
	"unlikely": Unlikely, "improbable": Unlikely, "doubtful": Unlikely,
	"very unlikely": VeryUnlikely, "highly unlikely": VeryUnlikely, "highly improbable": VeryUnlikely,
	"extremely unlikely": VeryUnlikely,
	"almost no chance":   AlmostNoChance, "remote chance": AlmostNoChance, "virtually impossible": AlmostNoChance,
	"unclear": "", "not clear": "", "uncertain": "", "rumours": "", "rumors": "", "rumoured": "",
	"rumored": "", "reportedly": "", "in doubt": "", "remains to be seen": "",
}

// hedgeWords is the longest hedge phrase, in words.
const hedgeWords = 4

// hedgeFirstWords are the words a hedge phrase starts with, checked before
// building phrases to look up.
var hedgeFirstWords = func() map[string]bool {
	m := map[string]bool{}
	for phrase := range hedgeScale {
		m[strings.Fields(phrase)[0]] = true
	}
	return m
}()

// negated is the opposite of each point of the scale.
var negated = map[string]string{
	AlmostCertain: AlmostNoChance, VeryLikely: VeryUnlikely, Likely: Unlikely,
	Unlikely: RoughlyEvenChance, VeryUnlikely: RoughlyEvenChance, AlmostNoChance: RoughlyEvenChance,
	RoughlyEvenChance: RoughlyEvenChance,
}

// scaleOrder ranks the scale from least to most likely.
var scaleOrder = map[string]int{
	AlmostNoChance: 1, VeryUnlikely: 2, Unlikely: 3, RoughlyEvenChance: 4, Likely: 5, VeryLikely: 6, AlmostCertain: 7,
}

// Likelihood maps a hedge as written ("probably", "very likely", "probably
// wasn’t", several joined by commas) to the ICD 203 scale. With several
// hedges the least likely wins ("seems, very unlikely" is very unlikely),
// so a claim is never made surer than its words. It returns "" for no
// hedge or a hedge with no direction ("unclear", "rumours").
func Likelihood(hedge string) string {
	best := ""
	for _, part := range strings.Split(hedge, ",") {
		level := phraseLikelihood(strings.Fields(words.Normalize(part)))
		if level != "" && (best == "" || scaleOrder[level] < scaleOrder[best]) {
			best = level
		}
	}
	return best
}

// phraseLikelihood maps one hedge phrase, by its longest known words.
func phraseLikelihood(ws []string) string {
	for i := range ws {
		for n := min(hedgeWords, len(ws)-i); n > 0; n-- {
			level, ok := hedgeScale[strings.Join(ws[i:i+n], " ")]
			if !ok || level == "" {
				continue
			}
			if isNegatedPhrase(ws) {
				return negated[level]
			}
			return level
		}
	}
	return ""
}

func isNegatedPhrase(ws []string) bool {
	for _, w := range ws {
		if w == "not" || w == "t" || w == "never" {
			return true
		}
	}
	return false
}

// findHedges returns the hedges of a span of a paragraph as written,
// longest phrase first at each word, with an adjacent negation kept
// ("probably wasn’t", "not likely").
func (p *paragraph) findHedges(first, end int) []string {
	var out []string
	for i := first; i < end; i++ {
		n := p.hedgeAt(i, end)
		if n == 0 {
			continue
		}
		s, e := i, i+n
		if s > first && p.lower[s-1] == "not" && p.plainGap(s) {
			s--
		}
		if e < end && isNegation(p.lower[e]) && p.plainGap(e) {
			e++
		}
		out = append(out, p.doc.Text[p.toks[s].Start:p.toks[e-1].End])
		i = e - 1
	}
	return out
}

// hedgeAt returns how many words of a hedge phrase start at token i.
func (p *paragraph) hedgeAt(i, end int) int {
	if p.class[i]&hedgeOpener == 0 || p.toks[i].Text == "May" || p.lower[i] == "could" && p.ability(i) || p.wish(i) {
		return 0 // not a hedge, the month, what someone was able to do, or a wish
	}
	// The phrases are joined in one buffer: looking a []byte up makes no
	// string.
	var buf [64]byte
	for n := min(hedgeWords, end-i); n > 0; n-- {
		phrase := buf[:0]
		for k, w := range p.lower[i : i+n] {
			if k > 0 {
				phrase = append(phrase, ' ')
			}
			phrase = append(phrase, w...)
		}
		if _, ok := hedgeScale[string(phrase)]; ok && p.joined(i, i+n) {
			return n
		}
	}
	return 0
}

// joined reports whether tokens [first, end) are separated by spaces only.
func (p *paragraph) joined(first, end int) bool {
	for k := first + 1; k < end; k++ {
		if !p.plainGap(k) {
			return false
		}
	}
	return true
}

func isNegation(w string) bool {
	return w == "not" || w == "never" || strings.HasSuffix(w, "n’t") || strings.HasSuffix(w, "n't")
}

// ability reports whether "could" at token i states what someone was able
// to do rather than how likely something is: in a relative or purpose
// clause ("bases from which they could orchestrate the attack", "so that
// it could land") or denied ("could not be reached"). Only estimative
// language about the future or the unknown is a likelihood.
func (p *paragraph) ability(i int) bool {
	if i+1 < len(p.lower) && (p.lower[i+1] == "not" || p.lower[i+1] == "never") {
		return true
	}
	for k := i - 1; k >= max(0, i-4) && p.plainGap(k+1); k-- {
		if clauseOpeners[p.lower[k]] {
			return true
		}
	}
	return false
}

// clauseOpeners open the relative and purpose clauses where "could" says
// what was possible for someone.
var clauseOpeners = words.Set(`which where whereby who whom whose so until`)

// wish reports whether "may" at token i opens a wish ("may God bless",
// "may we never forget"): a statement's "may" is followed by a verb, never
// by its subject.
func (p *paragraph) wish(i int) bool {
	if p.lower[i] != "may" || i+1 >= len(p.lower) || !p.plainGap(i+1) {
		return false
	}
	next := p.lower[i+1]
	return isDeterminer(next) || subjectPronouns[next] || next == "it" || p.capitalised(i+1)
}
