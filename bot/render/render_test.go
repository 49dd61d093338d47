package render

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"briefbot/knowledge"
	"briefbot/knowledge/actors"
	"briefbot/knowledge/answer"
	"briefbot/knowledge/briefing"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
)

var (
	unCite = corpus.Citation{Doc: "besa", Paragraph: 10,
		Meta:  corpus.Meta{Title: "The Taliban and al-Qaeda: What Next?", Source: "BESA Center", Date: "2021-08-20", URL: "https://besacenter.org/taliban"},
		Quote: "al-Qaeda “is present in at least 15 Afghan provinces”"}
	guardianCite = corpus.Citation{Doc: "guardian", Paragraph: 4,
		Meta:  corpus.Meta{Title: "al-Qaida will probably come back", Source: "The Guardian"},
		Quote: "al-Qaida is present in at least 15 provinces"}
)

// fieldText joins the names and values of e's fields.
func fieldText(e *discordgo.MessageEmbed) string {
	var b strings.Builder
	for _, f := range e.Fields {
		b.WriteString(f.Name + "\n" + f.Value + "\n")
	}
	return b.String()
}

func TestAnswerShowsNumberedCitationsAndSources(t *testing.T) {
	r := answer.Result{Question: "In how many provinces is al-Qaeda?", Answered: true, Answers: []answer.Answer{
		{Text: unCite.Quote, Citations: []corpus.Citation{unCite, guardianCite}},
		{Text: "A second answer from the same paragraph.", Citations: []corpus.Citation{unCite}},
	}}
	e, pages := Answer(r).Page(0)
	if pages != 1 {
		t.Errorf("%d pages", pages)
	}
	if !strings.Contains(e.Description, "provinces”"+" [1][2]") || !strings.Contains(e.Description, "paragraph. [1]") {
		t.Errorf("markers missing or not shared:\n%s", e.Description)
	}
	sources := fieldText(e)
	for _, want := range []string{
		"[1] The Taliban and al-Qaeda\\: What Next? — BESA Center, 2021-08-20, ¶10 · [link](https://besacenter.org/taliban)",
		"[2] al-Qaida will probably come back — The Guardian, ¶4\n",
	} {
		if !strings.Contains(sources, want) {
			t.Errorf("sources lack %q:\n%s", want, sources)
		}
	}
	if strings.Contains(sources, "[3]") {
		t.Error("a paragraph cited twice must keep one number")
	}
	if e.Footer.Text != "2 answers from 2 documents" {
		t.Errorf("footer %q", e.Footer.Text)
	}
}

func TestUnansweredQuestionSaysSoWithTheNote(t *testing.T) {
	e, _ := Answer(answer.Result{Question: "Who won the 2022 World Cup?", Note: "No document mentions the World Cup; try /actor Taliban."}).Page(0)
	if !strings.Contains(e.Description, "do not answer") || !strings.Contains(e.Description, "World Cup; try /actor Taliban.") {
		t.Errorf("abstention: %q", e.Description)
	}
	if len(e.Fields) != 0 {
		t.Error("an unanswered question has no sources")
	}
}

func TestAnswersArePagedBestFirst(t *testing.T) {
	var answers []answer.Answer
	for _, w := range strings.Fields("first second third fourth fifth sixth seventh") {
		answers = append(answers, answer.Answer{Text: w + " answer.", Citations: []corpus.Citation{unCite}})
	}
	v := Answer(answer.Result{Question: "q", Answered: true, Answers: answers})
	first, pages := v.Page(0)
	last, _ := v.Page(pages - 1)
	if pages != 3 || !strings.Contains(first.Description, "first answer") || !strings.Contains(last.Description, "seventh answer") {
		t.Errorf("%d pages; first %q; last %q", pages, first.Description, last.Description)
	}
	if strings.Contains(first.Description, "fourth") || !strings.HasPrefix(first.Footer.Text, "Page 1/3 · ") {
		t.Errorf("page 1 should hold 3 answers: %q", first.Footer.Text)
	}
	if beyond, _ := v.Page(99); beyond.Description != last.Description {
		t.Error("a page past the end shows the last page")
	}
}

func TestActorCard(t *testing.T) {
	zawahiri := &actors.Actor{Name: "Ayman al-Zawahiri", Kind: actors.Person,
		Aliases: []string{"Ayman al-Zawahiri", "Zawahiri", "al-Zawahri"}, Mentions: 12, Docs: []string{"besa", "guardian"}}
	r := knowledge.ActorReport{
		Query: "zawahiri", Match: zawahiri,
		Descriptions: []actors.Description{{Text: "al-Qaeda leader Ayman al-Zawahiri", Citations: []corpus.Citation{guardianCite}}},
		Claims:       []*claims.Claim{{Speaker: "Ayman al-Zawahiri", Kind: claims.Quote, Text: "We will return.", Sources: []corpus.Citation{unCite}}},
		Related:      []actors.Relation{{Name: "Taliban", Strength: 7, Docs: 3}},
	}
	e := ActorCard(r)
	fields := fieldText(e)
	for _, want := range []string{"Person", "12 in 2 documents", "We will return. *(quote)* [2]", "**Taliban**: 7 shared sentences in 3 documents", "[1] al-Qaida will probably come back"} {
		if !strings.Contains(fields, want) {
			t.Errorf("card fields lack %q:\n%s", want, fields)
		}
	}
	if !strings.Contains(e.Description, "> al-Qaeda leader Ayman al-Zawahiri [1]") || !strings.Contains(e.Description, "Zawahiri, al-Zawahri") {
		t.Errorf("description: %q", e.Description)
	}
	speaker := ActorCard(knowledge.ActorReport{Query: "obama", Match: &actors.Actor{Name: "Barack Obama", Kind: actors.Person,
		Docs: []string{"2009-barack-obama-d", "2010-barack-obama-d"}, Authored: []string{"2009-barack-obama-d", "2010-barack-obama-d"}}})
	if fields := fieldText(speaker); !strings.Contains(fields, "none") || !strings.Contains(fields, "2 documents: 2009-barack-obama-d, 2010-barack-obama-d") {
		t.Errorf("an author never named: %s", fields)
	}
	none := ActorCard(knowledge.ActorReport{Query: "zawahry", Candidates: []string{"Ayman al-Zawahiri", "Zarqawi"}})
	if !strings.Contains(none.Description, "Did you mean") || !strings.Contains(none.Description, "Zarqawi") {
		t.Errorf("no match: %q", none.Description)
	}
}

func TestClaimsCiteAndBriefingViews(t *testing.T) {
	claim := &claims.Claim{Speaker: "Ben Wallace", Kind: claims.Assessment, Text: "al-Qaida will probably come back",
		Hedge: "probably", Likelihood: "likely", Sources: []corpus.Citation{unCite, guardianCite}}
	c, _ := Claims("Claims: Wallace", []*claims.Claim{claim}).Page(0)
	if !strings.Contains(c.Description, "**Ben Wallace** · assessment · hedged: “probably” (likely) · in 2 documents") {
		t.Errorf("claim label: %q", c.Description)
	}
	empty, _ := Claims("Claims: nobody", nil).Page(0)
	if !strings.Contains(empty.Description, "No such claims") {
		t.Errorf("no claims: %q", empty.Description)
	}
	cite, _ := Cite(claims.CiteResult{Query: "present in 15 provinces", Found: true,
		Matches: []claims.Match{{Similarity: 0.934, Speaker: "United Nations", Citation: unCite}}}).Page(0)
	if !strings.Contains(cite.Description, "**93%** match · said by **United Nations**") || !strings.Contains(fieldText(cite), "¶10") {
		t.Errorf("cite: %q", cite.Description)
	}
	b := briefing.Briefing{Generated: "2026-11-22T05:00:00Z", Sections: []briefing.Section{
		{Title: "What is new", Items: []briefing.Item{{Text: "New item.", Tag: briefing.New, Citations: []corpus.Citation{unCite}}}},
		{Title: "Contested", Items: []briefing.Item{
			{Text: "Disputed figure.", Tag: briefing.Contested, Citations: []corpus.Citation{unCite, guardianCite}},
			{Text: "Agreed figure.", Tag: briefing.Corroborated, Citations: []corpus.Citation{unCite, guardianCite}},
		}},
	}}
	brief, _ := Briefing(b).Page(0)
	for _, want := range []string{"**__What is new__**\n🆕 **New**", "**__Contested__**\n⚠️ **Contested**", "✅ **Corroborated** by 2 documents"} {
		if !strings.Contains(brief.Description, want) {
			t.Errorf("briefing lacks %q:\n%s", want, brief.Description)
		}
	}
	if strings.Count(brief.Description, "Contested__") != 1 {
		t.Error("a section heading is shown once per page")
	}
}
