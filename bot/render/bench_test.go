package render

import (
	"strings"
	"testing"

	"briefbot/knowledge/answer"
	"briefbot/knowledge/corpus"
)

// BenchmarkRenderAnswerPage renders the first page of a typical answer: nine
// passages of a few sentences, each cited by three documents.
func BenchmarkRenderAnswerPage(b *testing.B) {
	text := strings.Repeat("The United Nations reported that al-Qaeda is present in at least 15 Afghan provinces. ", 4)
	var answers []answer.Answer
	for range 3 * answersPerPage { // as many as /ask fetches
		answers = append(answers, answer.Answer{Text: text, Citations: []corpus.Citation{unCite, guardianCite, fuzzCitation(text, 3)}})
	}
	v := Answer(answer.Result{Question: "In how many provinces is al-Qaeda present?", Answered: true, Answers: answers})
	for b.Loop() {
		v.Page(0)
	}
}
