// Package answer answers free-text questions with verbatim, cited passages
// from the documents, and abstains when they do not answer.
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
