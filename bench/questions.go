package main

import (
	"math/rand/v2"
	"slices"
	"strings"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// question is one generated question with the sentence that answers it.
type question struct {
	Text   string `json:"question"`
	Answer string `json:"answer"` // the sentence it was made from, verbatim
}

// The shape of a generated question: between minTerms and maxTerms content
// words of a sentence of minWords to maxWords words, shuffled; with
// probability replaceRate one of them is swapped for a word of another
// sentence, as a user misremembers.
const (
	minWords, maxWords = 8, 40
	minTerms, maxTerms = 4, 8
	replaceRate        = 0.3
)

// questionMaker draws questions from documents with its own seeded random
// source, so the same documents in the same order always give the same set.
type questionMaker struct {
	rng   *rand.Rand
	decoy string // a content word of the previous sentence drawn
}

func newQuestionMaker(seed, stream uint64) *questionMaker {
	return &questionMaker{rng: rand.New(rand.NewPCG(seed, stream))}
}

// draw returns up to n questions from docs, trying each sentence at most once.
func (m *questionMaker) draw(docs []*corpus.Document, n int) []question {
	type ref struct{ doc, sent int }
	var all []ref
	for di, d := range docs {
		for si := range d.Sentences {
			all = append(all, ref{di, si})
		}
	}
	var out []question
	for _, i := range m.rng.Perm(len(all)) {
		if len(out) == n {
			break
		}
		r := all[i]
		if q, ok := m.fromSentence(docs[r.doc].SentenceText(r.sent)); ok {
			out = append(out, q)
		}
	}
	return out
}

// fromSentence makes a question of a sentence, or reports that the sentence
// is too short, too long or has too few content words to make one.
func (m *questionMaker) fromSentence(s string) (question, bool) {
	toks := words.Tokenize(s)
	if len(toks) < minWords || len(toks) > maxWords {
		return question{}, false
	}
	// Words as a user types them ("2,300", "al-qaeda's"), lower-cased.
	var content []string
	seen := map[string]bool{}
	for _, t := range toks {
		if k := words.Key(t.Text); len(k) > 2 && !words.IsStop(k) && !seen[k] {
			seen[k] = true
			content = append(content, strings.ToLower(t.Text))
		}
	}
	if len(content) < minTerms {
		return question{}, false
	}
	m.rng.Shuffle(len(content), func(i, j int) { content[i], content[j] = content[j], content[i] })
	k := minTerms + m.rng.IntN(min(maxTerms, len(content))-minTerms+1)
	picked := slices.Clone(content[:k])
	if m.decoy != "" && !seen[words.Key(m.decoy)] && m.rng.Float64() < replaceRate {
		picked[m.rng.IntN(k)] = m.decoy
	}
	m.decoy = content[len(content)-1]
	return question{Text: strings.Join(picked, " "), Answer: s}, true
}
