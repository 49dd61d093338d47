package claims

import (
	"strings"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/words"
)

// stateWords give a person's condition; claims giving one person different
// conditions are contested ("very ill", "rumours of his death", "killed").
var stateWords = map[string]string{
	"killed": "dead", "assassinated": "dead", "executed": "dead", "slain": "dead",
	"died": "dead", "dead": "dead", "death": "dead", "deceased": "dead",
	"ill": "ill", "sick": "ill", "ailing": "ill", "alive": "alive",
	"captured": "detained", "arrested": "detained", "detained": "detained", "imprisoned": "detained",
}

// passiveStates say something of their subject only in the passive: "he
// was killed", not "an attack which killed 2,996 people".
var passiveStates = words.Set(`killed assassinated executed slain captured arrested detained imprisoned`)

var beForms = words.Set(`is are was were be been being got`)

// stateHedgeReach is how many words before a state word a hedge must be to
// qualify it.
const stateHedgeReach = 4

// stateClaim marks the claim of sentence si that gives a person a condition
// (creating the sentence's claim when none covers it).
func (x *docExtractor) stateClaim(p *paragraph, si int) {
	a, b := p.sentenceTokens(si)
	for k := a; k < b; k++ {
		if p.class[k]&stateWord == 0 {
			continue // most words
		}
		label := stateWords[p.lower[k]]
		if label == "" || (passiveStates[p.lower[k]] && !p.passive(k, a)) {
			continue
		}
		m := x.stateSubject(p, si, k, a)
		if m == nil {
			continue
		}
		c := x.claimHolding(p, p.toks[k].Start, notFigure)
		if c == nil {
			s, e := x.sentenceSpan(si)
			c = x.add(Assessment, p, s, e, p.cite(s, e), speakerRef{})
			x.cover(si, si)
		}
		// A hedge next to the state word qualifies the state itself:
		// "rumours of his death" is not a death.
		if hedges := p.findHedges(max(a, k-stateHedgeReach), k); len(hedges) > 0 {
			label += " (" + strings.Join(hedges, ", ") + ")"
		}
		c.About, c.State = m.Key, label
		return
	}
}

// passive reports whether the verb at token k is passive or adjectival.
func (p *paragraph) passive(k, a int) bool {
	j := k - 1
	if j >= a && isAdverb(p.lower[j]) {
		j--
	}
	if j >= a && beForms[p.lower[j]] {
		return true
	}
	return k+1 < len(p.lower) && p.lower[k+1] == "by" && p.plainGap(k+1)
}

// stateSubject finds the person a state word at token k is about: the
// owner of a death ("his death", "bin Laden’s death", "the death of X"), or
// the subject just before ("Zawahiri is very ill", "he was killed"). A
// pronoun stands for the first person the sentence names, which needs
// linked actors to know who is a person.
func (x *docExtractor) stateSubject(p *paragraph, si, k, a int) *mention {
	people := x.people(si)
	if len(people) == 0 {
		return nil
	}
	at := func(j int) *mention {
		for i := range people {
			if people[i].Start < p.toks[j].End && people[i].End > p.toks[j].Start {
				return &people[i]
			}
		}
		return nil
	}
	for j := k - 1; j >= a && j >= k-5; j-- {
		if !p.plainGap(j+1) && !(p.lower[k] == "death" && j == k-1) {
			break
		}
		w := p.lower[j]
		if w == "he" || w == "his" || w == "she" || w == "her" || w == "himself" {
			if people[0].Kind == actors.Person {
				return &people[0]
			}
			return nil
		}
		if m := at(j); m != nil {
			return m
		}
	}
	if p.lower[k] == "death" && k+2 < len(p.toks) && p.lower[k+1] == "of" {
		for j := k + 2; j < len(p.toks) && j <= k+3; j++ {
			if m := at(j); m != nil {
				return m
			}
		}
	}
	return nil
}

// people returns the persons sentence si names; unlinked, every name.
func (x *docExtractor) people(si int) []mention {
	var out []mention
	for _, m := range x.mentions(si) {
		if m.Kind == actors.Person || m.Kind == "" {
			out = append(out, m)
		}
	}
	return out
}
