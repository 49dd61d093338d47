package render

import (
	"fmt"

	"briefbot/knowledge/answer"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// answersPerPage keeps an answer page short enough to read at a glance.
const answersPerPage = 3

// Answer shows a question's answers, best first, each quoted with its
// numbered sources; when the documents do not answer, it says so, with the
// note that says why.
func Answer(r answer.Result) List {
	v := List{title: r.Question, perPage: answersPerPage, color: ColorFound}
	if !r.Answered || len(r.Answers) == 0 {
		v.color = ColorNotFound
		v.intro = "**The documents do not answer this question.**"
		if r.Note != "" {
			v.intro += "\n" + EscapeCut(r.Note, maxIntro)
		}
		return v
	}
	var all []corpus.Citation
	for _, a := range r.Answers {
		v.entries = append(v.entries, entry{text: a.Text, cites: a.Citations})
		all = append(all, a.Citations...)
	}
	v.footer = fmt.Sprintf("%s from %s", Plural(len(r.Answers), "answer"), Plural(corpus.DistinctDocs(all), "document"))
	return v
}

// Plural is "1 answer", "3 answers".
func Plural(n int, noun string) string { return words.Count(n, noun) }
