package bot

import (
	"fmt"

	"briefbot/knowledge/answer"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

// answersPerPage keeps an answer page short enough to read at a glance.
const answersPerPage = 3

// answerView shows a question's answers, best first, each quoted with its
// numbered sources; when the documents do not answer, it says so, with the
// note that says why.
func answerView(r answer.Result) listView {
	v := listView{title: r.Question, perPage: answersPerPage, color: colorFound}
	if !r.Answered || len(r.Answers) == 0 {
		v.color = colorNotFound
		v.intro = "**The documents do not answer this question.**"
		if r.Note != "" {
			v.intro += "\n" + escapeCut(r.Note, maxIntro)
		}
		return v
	}
	var all []corpus.Citation
	for _, a := range r.Answers {
		v.entries = append(v.entries, entry{text: a.Text, cites: a.Citations})
		all = append(all, a.Citations...)
	}
	v.footer = fmt.Sprintf("%s from %s", plural(len(r.Answers), "answer"), plural(corpus.DistinctDocs(all), "document"))
	return v
}

// plural is "1 answer", "3 answers".
func plural(n int, noun string) string { return words.Count(n, noun) }
