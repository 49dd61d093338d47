package answer_test

import (
	"strings"
	"testing"

	"briefbot/knowledge/answer"
	"briefbot/knowledge/corpus"
)

// harbourCorpus has a question answered inside its paragraph, a question
// standing alone as a heading, and a figure.
func harbourCorpus() []*corpus.Document {
	return []*corpus.Document{
		corpus.New("harbour", "harbour.txt", corpus.Meta{Title: "Harbour notes", Source: "Coast Weekly"}, []string{
			"Why did the ferry stop running? The harbour master closed the pier after the storm.",
			"What happened to the lighthouse?",
			"The lighthouse keeper repainted the tower in white and red.",
			"Fishermen landed 4,300 tonnes of herring at Vardel harbour last winter.",
		}),
	}
}

func answerTexts(res answer.Result) string {
	var b strings.Builder
	for _, a := range res.Answers {
		b.WriteString(a.Text + "\n")
	}
	return b.String()
}

func TestQuestionInParagraphAnswersWithItsReply(t *testing.T) {
	e := build(harbourCorpus())
	res := e.Ask("Why did the ferry stop running?", 3)
	if !res.Answered || !strings.Contains(answerTexts(res), "closed the pier after the storm") {
		t.Errorf("want the reply after the question, got %+v", res)
	}
}

func TestLoneQuestionIsNoAnswer(t *testing.T) {
	e := build(harbourCorpus())
	res := e.Ask("What happened to the lighthouse?", 3)
	for _, a := range res.Answers {
		if strings.TrimSpace(a.Text) == "What happened to the lighthouse?" {
			t.Errorf("a heading was given as an answer: %+v", res)
		}
	}
}

// A keyword search may hold a misremembered word, a number included; a
// question that states a number still requires it.
func TestKeywordSearchForgivesOneWord(t *testing.T) {
	e := build(harbourCorpus())
	res := e.Ask("herring tonnes 1999 fishermen landed", 3)
	if !res.Answered || !strings.Contains(answerTexts(res), "4,300 tonnes of herring") {
		t.Errorf("keywords with a wrong year: want the herring sentence, got %+v", res)
	}
	if res := e.Ask("How many tonnes of herring did fishermen land in 1999?", 3); res.Answered {
		t.Errorf("a question about 1999 was answered from another year: %+v", res)
	}
}

// A contraction meets its word, and a negation asks for nothing.
func TestContractionsMeetTheirWords(t *testing.T) {
	e := build(harbourCorpus())
	res := e.Ask("lighthouse keeper's tower isn't repainted", 3)
	if !res.Answered || !strings.Contains(answerTexts(res), "keeper repainted the tower") {
		t.Errorf("want the keeper sentence, got %+v", res)
	}
}
