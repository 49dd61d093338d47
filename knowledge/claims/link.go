package claims

import (
	"sort"
	"strings"
	"sync"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// mention is an actor named in a sentence, with its byte span in doc.Text.
// Key identifies the actor: its id when linked, else a fold of the name.
type mention struct {
	ID, Name   string      // empty ID when not linked
	Kind       actors.Kind // empty when not linked
	Key        string
	Start, End int
}

// linker connects the text to actors. Without a registry nothing resolves
// and mentions fall back to runs of capitalised words.
type linker interface {
	resolve(phrase string) *actors.Actor
	mentions(doc *corpus.Document, sentence int) []mention
}

// unlinked is the linker used when no registry is given.
type unlinked struct{}

func (unlinked) resolve(string) *actors.Actor { return nil }

// mentions returns the runs of capitalised words of a sentence, skipping its
// first word (capitalised by position, not by name).
func (unlinked) mentions(doc *corpus.Document, i int) []mention {
	s := doc.Sentences[i]
	var out []mention
	toks := words.Tokenize(doc.Text[s.Start:s.End])
	for j := 1; j < len(toks); j++ {
		if !capitalisedAfterPrefix(toks[j].Text) {
			continue
		}
		k := j
		for k+1 < len(toks) && capitalisedAfterPrefix(toks[k+1].Text) && strings.TrimSpace(doc.Text[int(s.Start)+toks[k].End:int(s.Start)+toks[k+1].Start]) == "" {
			k++
		}
		start, end := int(s.Start)+toks[j].Start, int(s.Start)+toks[k].End
		out = append(out, mention{Name: doc.Text[start:end], Key: nameKey(toks[k].Text), Start: start, End: end})
		j = k
	}
	return out
}

// nameKey folds an unlinked name to its last word without a possessive, so
// "Ayman al-Zawahiri", "al-Zawahiri’s" and "Zawahiri" meet.
func nameKey(name string) string {
	f := strings.Fields(words.Key(name))
	if len(f) == 0 {
		return ""
	}
	w := f[len(f)-1]
	if (strings.HasSuffix(name, "’s") || strings.HasSuffix(name, "'s")) && strings.HasSuffix(w, "s") {
		w = w[:len(w)-1]
	}
	return w
}

// linkSpeaker turns a speaker phrase into (canonical name, actor id): the
// whole phrase first, then the name it ends with, then (for "a June 2023 UN
// report") any name inside it. Unresolved, the phrase is kept as written.
func linkSpeaker(l linker, p *paragraph, ph phrase) (string, string) {
	written := p.text(ph)
	for _, cand := range speakerCandidates(p, ph) {
		if a := l.resolve(cand); a != nil {
			return a.Name, a.ID
		}
	}
	return written, ""
}

// speakerCandidates lists the strings tried against the registry, most
// specific first. In "Asfandyar Mir of the United States Institute of
// Peace" only the name before "of" is the speaker: the rest is an
// affiliation, which must never become the speaker.
func speakerCandidates(p *paragraph, ph phrase) []string {
	for i := ph.first + 1; i < ph.end; i++ {
		if p.lower[i] == "of" && p.capitalised(i-1) {
			ph.end = i
			break
		}
	}
	out := []string{p.text(ph)}
	// The trailing run of capitalised words: "scholar Aaron Zelin" -> "Aaron Zelin".
	k := ph.end
	for k > ph.first && p.capitalised(k-1) {
		k--
	}
	if k < ph.end && k > ph.first {
		out = append(out, p.text(phrase{k, ph.end}))
	}
	if reportNouns[p.lower[ph.end-1]] {
		for i := ph.first; i < ph.end; i++ {
			if p.capitalised(i) && !leadingNoise[p.lower[i]] {
				out = append(out, strings.TrimSuffix(strings.TrimSuffix(p.toks[i].Text, "’s"), "'s"))
			}
		}
	}
	return out
}

// registryLinker links through an actors.Registry. Mentions are bucketed by
// sentence once, so a lookup never scans an actor's whole mention list.
type registryLinker struct {
	reg        *actors.Registry
	bySentence map[*corpus.Document]map[int][]mention
	resolved   sync.Map // phrase -> *actors.Actor (nil when none): speaker phrases repeat
}

func newRegistryLinker(reg *actors.Registry) *registryLinker {
	l := &registryLinker{reg: reg, bySentence: map[*corpus.Document]map[int][]mention{}}
	for _, a := range reg.All() {
		for _, m := range a.Mentioned {
			row := l.bySentence[m.Doc]
			if row == nil {
				row = map[int][]mention{}
				l.bySentence[m.Doc] = row
			}
			row[int(m.Sentence)] = append(row[int(m.Sentence)], mention{ID: a.ID, Name: a.Name, Kind: a.Kind, Key: a.ID, Start: int(m.Start), End: int(m.End)})
		}
	}
	for _, row := range l.bySentence {
		for _, ms := range row {
			sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
		}
	}
	return l
}

func (l *registryLinker) resolve(phrase string) *actors.Actor {
	if a, ok := l.resolved.Load(phrase); ok {
		return a.(*actors.Actor)
	}
	a := l.reg.Resolve(phrase)
	l.resolved.Store(phrase, a)
	return a
}

func (l *registryLinker) mentions(doc *corpus.Document, i int) []mention {
	return l.bySentence[doc][i]
}
