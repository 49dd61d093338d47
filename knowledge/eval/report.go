package eval

import (
	"fmt"
	"io"
	"sort"

	"briefbot/knowledge/answer"
)

// Report is the outcome of a question file. Its JSON form is what
// `briefbot eval --json` prints.
type Report struct {
	Kinds    []KindCount `json:"kinds"`
	Passed   int         `json:"passed"`
	Total    int         `json:"total"`
	Failures []Failure   `json:"failures"`
}

// KindCount is the pass count of one kind of question.
type KindCount struct {
	Kind   string `json:"kind"`
	Passed int    `json:"passed"`
	Total  int    `json:"total"`
}

// Failure is one question that did not pass, with what was answered.
type Failure struct {
	ID       string        `json:"id"`
	Kind     string        `json:"kind"`
	Question string        `json:"question"`
	Why      string        `json:"why"`
	Result   answer.Result `json:"result"`
}

// Run asks every question (with the number of answers its scoring counts)
// and scores the results.
func Run(qs []Question, ask func(question string, limit int) answer.Result) Report {
	rep := Report{Failures: []Failure{}}
	kinds := map[string]*KindCount{}
	for _, q := range qs {
		res := ask(q.Question, q.TopK())
		pass, why := Score(q, res)
		kc := kinds[q.Kind]
		if kc == nil {
			kc = &KindCount{Kind: q.Kind}
			kinds[q.Kind] = kc
		}
		kc.Total++
		rep.Total++
		if pass {
			kc.Passed++
			rep.Passed++
			continue
		}
		rep.Failures = append(rep.Failures, Failure{ID: q.ID, Kind: q.Kind, Question: q.Question, Why: why, Result: res})
	}
	for _, kc := range kinds {
		rep.Kinds = append(rep.Kinds, *kc)
	}
	sort.Slice(rep.Kinds, func(i, j int) bool { return rep.Kinds[i].Kind < rep.Kinds[j].Kind })
	return rep
}

// Print writes the report for people: each failure, then one line per kind
// and the total last, where a glance (or `tail`) finds it.
func (r Report) Print(w io.Writer) {
	for _, f := range r.Failures {
		fmt.Fprintf(w, "FAIL %s [%s] %s: %s\n", f.ID, f.Kind, f.Question, f.Why)
	}
	for _, k := range r.Kinds {
		fmt.Fprintf(w, "%-12s %d/%d\n", k.Kind, k.Passed, k.Total)
	}
	fmt.Fprintf(w, "%-12s %d/%d\n", "total", r.Passed, r.Total)
}
