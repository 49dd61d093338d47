package actors

import (
	"strings"

	"briefbot/knowledge/words"
)

// kindScores accumulates evidence for each kind of one actor.
type kindScores map[Kind]int

// kindOf decides the kind of the actor made of forms fs from the names
// themselves (gazetteer, head nouns, titles) and from the words around its
// mentions ("in Kabul", "Helmand province", "Taliban fighters", "said X").
func (r *resolver) kindOf(fs []int, listCues map[int]kindScores) Kind {
	sc := kindScores{}
	acronymed := false
	for _, fi := range fs {
		acronymed = acronymed || r.forms[fi].acronym
	}
	named := false // some form is a person's name with a given name
	for _, fi := range fs {
		named = named || len(r.given[fi]) > 0
	}
	for _, fi := range fs {
		f := r.forms[fi]
		r.nameEvidence(f, acronymed, sc)
		for _, si := range f.spans {
			sp := r.spans[si]
			for k, v := range contextEvidence(sp) {
				// "the Saddam Hussein regime" says whose it is, not that
				// a person's name is an organisation's.
				if !(named && k == Organization && rulerNouns[sp.next]) {
					sc[k] += v
				}
			}
			if sp.list > 0 {
				sc[Place] += listCues[sp.list][Place]
			}
			if sp.title != "" {
				sc[Person] += 3
			}
		}
	}
	best, n := Other, 0
	for _, k := range []Kind{Place, Organization, Person} {
		if sc[k] > n {
			best, n = k, sc[k]
		}
	}
	if n > 0 {
		return best
	}
	for _, fi := range fs {
		f := r.forms[fi]
		if f.acronym {
			return Organization
		}
		if r.personLike(f) {
			return Person
		}
	}
	return Other
}

// nameEvidence scores what a name says by itself, once per form.
func (r *resolver) nameEvidence(f *form, acronymed bool, sc kindScores) {
	n := len(f.spans)
	if places[f.key] {
		sc[Place] += 10 * n
	}
	if g, ok := knownAliasGroup[f.key]; ok {
		if places[knownAliases[g][0]] {
			sc[Place] += 10 * n
		} else {
			sc[Organization] += 10 * n
		}
	}
	switch h := headWord(f.words); {
	case r.prefixIsOrganization(f):
		sc[Organization] += 8 * n
	case orgHeads[h] || h == "states":
		sc[Organization] += 5 * n
	case placeHeads[h]:
		sc[Place] += 5 * n
	}
	if f.acronym && !places[f.key] {
		sc[Organization] += n
	}
	// Two capitalised words are a weak sign of a person: once per form, and
	// none for a name that has an acronym (people rarely do).
	if len(f.words) > 1 && r.personLike(f) && !acronymed {
		sc[Person]++
		if hasArabicPatronymic(topKey(f.names)) {
			sc[Person] += 2
		}
	}
}

// headWord is the word a name is about: the one before "of", "for" or "in"
// ("Ministry of the Interior"), else the last.
func headWord(ws []string) string {
	for i, w := range ws {
		if i > 0 && (w == "of" || w == "for" || w == "in") {
			return ws[i-1]
		}
	}
	return ws[len(ws)-1]
}

// prefixIsOrganization: an organisation's name followed by more words names
// a branch of it ("Islamic State Khorasan Province").
func (r *resolver) prefixIsOrganization(f *form) bool {
	for k := len(f.words) - 1; k >= 1; k-- {
		p := strings.Join(f.words[:k], " ")
		if _, ok := r.byKey[p]; !ok {
			continue
		}
		if orgHeads[headWord(f.words[:k])] || inKnownAliases(p) && !places[p] {
			return true
		}
	}
	return false
}

func hasArabicPatronymic(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if w == "bin" || w == "ibn" || w == "abu" || strings.HasPrefix(w, "al-") && len(w) > 3 {
			return true
		}
	}
	return false
}

// contextEvidence scores the words next to one mention. "the" before a
// name that ends its phrase suggests a body ("the Taliban", "the Federal
// Reserve"); before a name used as a modifier it belongs to the noun ("the
// Donald Trump administration").
func contextEvidence(sp rawSpan) kindScores {
	sc := kindScores{}
	switch {
	case placePrepositions[sp.prev]:
		sc[Place]++
	case roleNouns[sp.prev] && !orgHeads[sp.prev]:
		sc[Person] += 2
	case personCueVerbs[sp.prev] && !listenerVerbs[sp.prev]:
		sc[Person]++
	case sp.prev == "the" && (sp.next == "" || words.IsStop(sp.next)):
		// "the Taliban", "the Federal Reserve": a body, rarely a person;
		// not "the Trump administration".
		sc[Organization]++
	}
	switch {
	case placeCueNouns[sp.next] || placeHeads[sp.next]:
		sc[Place] += 2
	case orgCueNouns[sp.next]:
		sc[Organization] += 2
	case personCueVerbs[sp.next]:
		sc[Person]++
	}
	return sc
}

// listEvidence sums the context evidence of each coordinated list, so that
// "in Kabul, Kunar, and Helmand provinces" makes all three places. Only
// place evidence is shared: a comma also joins a name to its apposition.
func listEvidence(spans []rawSpan) map[int]kindScores {
	out := map[int]kindScores{}
	for _, sp := range spans {
		if sp.list == 0 {
			continue
		}
		if out[sp.list] == nil {
			out[sp.list] = kindScores{}
		}
		for k, v := range contextEvidence(sp) {
			out[sp.list][k] += v
		}
	}
	return out
}
