// Package eval scores a question file against the answers briefbot gives,
// with the rule of the project's evaluation (shared/eval/README.md), so that
// users can measure briefbot on their own corpus.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Question is one line of a question file.
type Question struct {
	ID             string   `json:"id"`
	Kind           string   `json:"kind"`
	Question       string   `json:"question"`
	ExpectAny      []string `json:"expect_any,omitempty"`
	ExpectAll      []string `json:"expect_all,omitempty"`
	K              int      `json:"k,omitempty"`
	ExpectAnswered *bool    `json:"expect_answered,omitempty"`
}

// DefaultK is how many answers count when a question does not say.
const DefaultK = 3

// TopK is how many answers count for q.
func (q Question) TopK() int {
	if q.K > 0 {
		return q.K
	}
	return DefaultK
}

// WantsAnswer reports whether the right response to q is an answer rather
// than an abstention.
func (q Question) WantsAnswer() bool { return q.ExpectAnswered == nil || *q.ExpectAnswered }

// maxLine bounds one line of a question file; a longer line is an error, not
// a silent truncation.
const maxLine = 1 << 20

// Load reads a question file: one JSON object a line, blank lines and lines
// starting with '#' ignored. An unreadable line is reported with its number.
func Load(r io.Reader) ([]Question, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	var qs []Question
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var q Question
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&q); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if strings.TrimSpace(q.Question) == "" {
			return nil, fmt.Errorf("line %d: empty question", n)
		}
		if q.WantsAnswer() && len(q.ExpectAny) == 0 && len(q.ExpectAll) == 0 {
			return nil, fmt.Errorf("line %d (%s): an answerable question needs expect_any or expect_all", n, q.ID)
		}
		if q.ID == "" {
			q.ID = fmt.Sprintf("line%d", n)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return qs, nil
}
