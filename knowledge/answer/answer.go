// Package answer answers free-text questions with verbatim, cited passages
// from the documents, and abstains when they do not answer.
//
// A question becomes concepts: the actors it names (through the registry's
// spellings and typo tolerance) and its content words, each with the terms
// that express it (stems, irregular forms, British and American spellings,
// a small table of related words, corrections for words the corpus lacks).
// An inverted index over sentences finds candidates, BM25-weighted and read
// rarest concept first; a passage is a candidate sentence with the
// neighbour that completes it. Passages are ranked by the weighted share of
// the question's concepts they hold, then by what the question's intent asks
// for (a figure, a date, a description, an attributed claim). A question is
// answered only when the best passage holds enough of it, including the
// actors and numbers it names.
package answer

import "briefbot/knowledge/corpus"

// Answer is one passage that answers a question.
type Answer struct {
	Text      string            `json:"text"`
	Score     float64           `json:"score"`
	Citations []corpus.Citation `json:"citations"`
}

// Result is the answer to one question. Its JSON form is the CLI contract's.
type Result struct {
	Question string   `json:"question"`
	Answered bool     `json:"answered"`
	Answers  []Answer `json:"answers"`
	Note     string   `json:"note,omitempty"`
}
