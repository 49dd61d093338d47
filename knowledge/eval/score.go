package eval

import (
	"fmt"
	"strings"

	"briefbot/knowledge/answer"
	"briefbot/knowledge/words"
)

// Score applies the evaluation rule to one result: a negative question
// passes only when the result abstains; any other needs an answer whose top-k
// passages all carry a cited, verbatim quote, and whose normalised text and
// quotes contain the expected phrases. why says what failed.
func Score(q Question, res answer.Result) (pass bool, why string) {
	if !q.WantsAnswer() {
		if res.Answered {
			return false, "answered a question the documents do not answer"
		}
		return true, ""
	}
	if !res.Answered {
		return false, "abstained"
	}
	top := res.Answers
	if len(top) > q.TopK() {
		top = top[:q.TopK()]
	}
	var hay strings.Builder
	for i, a := range top {
		if !cited(a) {
			return false, fmt.Sprintf("answer %d has no citation with a document and a quote", i+1)
		}
		hay.WriteString(words.Normalize(a.Text))
		hay.WriteByte(' ')
		for _, c := range a.Citations {
			hay.WriteString(words.Normalize(c.Quote))
			hay.WriteByte(' ')
		}
	}
	h := hay.String()
	if len(q.ExpectAny) > 0 && !containsAny(h, q.ExpectAny) {
		return false, fmt.Sprintf("none of %q in the top %s", q.ExpectAny, words.Count(len(top), "answer"))
	}
	for _, p := range q.ExpectAll {
		if !strings.Contains(h, words.Normalize(p)) {
			return false, fmt.Sprintf("%q missing from the top %s", p, words.Count(len(top), "answer"))
		}
	}
	return true, ""
}

func cited(a answer.Answer) bool {
	for _, c := range a.Citations {
		if c.Doc != "" && strings.TrimSpace(c.Quote) != "" {
			return true
		}
	}
	return false
}

func containsAny(hay string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(hay, words.Normalize(p)) {
			return true
		}
	}
	return false
}
