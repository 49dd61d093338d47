package eval

import (
	"strings"
	"testing"

	"briefbot/knowledge/answer"
	"briefbot/knowledge/corpus"
)

func citedAnswer(text string) answer.Answer {
	return answer.Answer{Text: text, Citations: []corpus.Citation{{Doc: "d1", Quote: text}}}
}

func TestLoad(t *testing.T) {
	in := `{"id":"a","kind":"fact","question":"Q1?","expect_any":["x"]}

# a comment
{"id":"b","kind":"negative","question":"Q2?","expect_answered":false}
{"id":"c","kind":"contested","question":"Q3?","k":5,"expect_all":["y","z"]}
`
	qs, err := Load(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 3 || qs[0].TopK() != 3 || qs[2].TopK() != 5 || qs[1].WantsAnswer() || !qs[0].WantsAnswer() {
		t.Fatalf("loaded %+v", qs)
	}
}

func TestLoadRejectsBadLines(t *testing.T) {
	for name, in := range map[string]string{
		"not json":        "{nope\n",
		"unknown field":   `{"question":"q","expect_any":["x"],"expect":1}`,
		"empty question":  `{"question":" ","expect_any":["x"]}`,
		"no expectations": `{"question":"q"}`,
	} {
		if _, err := Load(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	_, err := Load(strings.NewReader("\n" + `{"question":"q"}`))
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("error should name line 2: %v", err)
	}
}

func TestScore(t *testing.T) {
	no := false
	q := Question{Kind: "fact", ExpectAny: []string{"At least 15 Afghan provinces"}}
	res := answer.Result{Answered: true, Answers: []answer.Answer{citedAnswer("It is present in at least 15 Afghan-provinces.")}}
	if pass, why := Score(q, res); !pass {
		t.Errorf("normalised match failed: %s", why)
	}
	if pass, _ := Score(q, answer.Result{}); pass {
		t.Error("an abstention passed an answerable question")
	}
	uncited := answer.Result{Answered: true, Answers: []answer.Answer{{Text: "at least 15 Afghan provinces"}}}
	if pass, _ := Score(q, uncited); pass {
		t.Error("an answer without a citation passed")
	}
	neg := Question{Kind: "negative", ExpectAnswered: &no}
	if pass, _ := Score(neg, res); pass {
		t.Error("a negative question passed with an answer")
	}
	if pass, _ := Score(neg, answer.Result{}); !pass {
		t.Error("a negative question failed with an abstention")
	}
	all := Question{Kind: "contested", K: 1, ExpectAll: []string{"200-500", "around 400"}}
	two := answer.Result{Answered: true, Answers: []answer.Answer{citedAnswer("estimated 200–500 men"), citedAnswer("around 400 fighters")}}
	if pass, _ := Score(all, two); pass {
		t.Error("k=1 should only see the first answer")
	}
	all.K = 2
	if pass, why := Score(all, two); !pass {
		t.Errorf("expect_all over two answers: %s", why)
	}
	quoteOnly := answer.Result{Answered: true, Answers: []answer.Answer{{Text: "-", Citations: []corpus.Citation{{Doc: "d", Quote: "Quetta and Karachi"}}}}}
	if pass, _ := Score(Question{ExpectAny: []string{"quetta and karachi"}}, quoteOnly); !pass {
		t.Error("citation quotes are part of the haystack")
	}
}

func TestRun(t *testing.T) {
	no := false
	qs := []Question{
		{ID: "1", Kind: "fact", Question: "a", ExpectAny: []string{"yes"}},
		{ID: "2", Kind: "fact", Question: "b", ExpectAny: []string{"yes"}},
		{ID: "3", Kind: "negative", Question: "c", ExpectAnswered: &no},
	}
	var limits []int
	rep := Run(qs, func(q string, limit int) answer.Result {
		limits = append(limits, limit)
		if q == "a" {
			return answer.Result{Question: q, Answered: true, Answers: []answer.Answer{citedAnswer("yes")}}
		}
		return answer.Result{Question: q}
	})
	if rep.Passed != 2 || rep.Total != 3 || len(rep.Failures) != 1 || rep.Failures[0].ID != "2" {
		t.Fatalf("report %+v", rep)
	}
	if len(rep.Kinds) != 2 || rep.Kinds[0] != (KindCount{"fact", 1, 2}) || rep.Kinds[1] != (KindCount{"negative", 1, 1}) {
		t.Errorf("kinds %+v", rep.Kinds)
	}
	if limits[0] != DefaultK {
		t.Errorf("asked with limit %d", limits[0])
	}
	var b strings.Builder
	rep.Print(&b)
	if !strings.Contains(b.String(), "total        2/3") || !strings.Contains(b.String(), "FAIL 2 [fact]") {
		t.Errorf("printed:\n%s", b.String())
	}
}
