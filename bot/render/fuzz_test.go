package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot/discordtest"
	"briefbot/knowledge"
	"briefbot/knowledge/actors"
	"briefbot/knowledge/answer"
	"briefbot/knowledge/briefing"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
)

// fuzzCitation cites doc i with text in every field a document states.
func fuzzCitation(text string, i int) corpus.Citation {
	return corpus.Citation{
		Doc:       fmt.Sprintf("doc-%d", i),
		Meta:      corpus.Meta{Title: text, Source: text, Author: text, Date: "2021-08-20", URL: "https://example.org/" + text},
		Paragraph: i + 1,
		Quote:     text,
	}
}

// fuzzCitations makes n citations of distinct documents.
func fuzzCitations(text string, n int) []corpus.Citation {
	cs := make([]corpus.Citation, n)
	for i := range cs {
		cs[i] = fuzzCitation(text, i)
	}
	return cs
}

// renderAll renders every view of every result built from text, repeated
// count times, and returns each page's message.
func renderAll(text string, count int) map[string]discordtest.Message {
	out := map[string]discordtest.Message{}
	addPages := func(name string, v List) {
		pages := v.layout()
		for n, p := range pages {
			out[fmt.Sprintf("%s page %d", name, n)] = discordtest.Message{Embeds: oneEmbed(v.embed(p, n, len(pages)))}
		}
	}
	var answers []answer.Answer
	var cs []*claims.Claim
	var matches []claims.Match
	var items []briefing.Item
	var rels []actors.Relation
	var names []string
	for i := range count {
		cites := fuzzCitations(text, i%8+1)
		answers = append(answers, answer.Answer{Text: text, Citations: cites})
		cs = append(cs, &claims.Claim{Speaker: text, Kind: claims.Quote, Text: text, Hedge: text, Likelihood: text, Sources: cites})
		matches = append(matches, claims.Match{Similarity: 0.87, Speaker: text, Citation: cites[0]})
		items = append(items, briefing.Item{Text: text, Tag: []briefing.Tag{"", briefing.New, briefing.Corroborated, briefing.Contested, briefing.Tag(text)}[i%5], Citations: cites})
		rels = append(rels, actors.Relation{Name: text, Strength: i, Docs: i % 5, Citations: cites})
		names = append(names, text)
	}
	addPages("answer", Answer(answer.Result{Question: text, Answered: true, Answers: answers}))
	addPages("no answer", Answer(answer.Result{Question: text, Note: text}))
	addPages("claims", Claims(text, cs))
	addPages("cite", Cite(claims.CiteResult{Query: text, Found: true, Matches: matches}))
	addPages("briefing", Briefing(briefing.Briefing{Generated: text, Since: text, Actor: text,
		Sections: []briefing.Section{{Title: text, Items: items}, {Title: "Second " + text, Items: items}}}))
	paragraphs := append(names, strings.Repeat(text+" ", 50))
	doc := corpus.New(text, text, corpus.Meta{Title: text, Source: text, Author: text, URL: "http://x/" + text}, paragraphs)
	addPages("document", Document(doc, 0))
	addPages("documents", Documents([]*corpus.Document{doc, doc, doc}, func(string) int { return doc.Words() }, 1))
	actor := &actors.Actor{Name: text, Kind: actors.Person, Aliases: names, Mentions: count, Docs: names,
		Description: text, PossiblySame: names}
	descs := []actors.Description{{Text: text, Citations: fuzzCitations(text, 3)}}
	out["actor"] = discordtest.Message{Embeds: oneEmbed(ActorCard(knowledge.ActorReport{Query: text, Match: actor,
		Descriptions: descs, Claims: cs, Related: rels}))}
	out["no actor"] = discordtest.Message{Embeds: oneEmbed(ActorCard(knowledge.ActorReport{Query: text, Candidates: names}))}
	return out
}

func FuzzRenderWithinLimits(f *testing.F) {
	f.Add("The Taliban control 15 provinces.", 3)
	f.Add(discordtest.Hostile, 7)
	f.Add(strings.Repeat("x", 10000), 2)
	f.Add(strings.Repeat("long words are here ", 700), 40)
	f.Add(strings.Repeat("😀", 3000), 30)
	f.Add("", 0)
	f.Add("\x00\x01\xff\xfe binary", 5)
	f.Add(strings.Repeat("\\", 1500), 9)
	f.Fuzz(func(t *testing.T, text string, count int) {
		count = max(0, count%60)
		for name, r := range renderAll(text, count) {
			discordtest.AssertWithinLimits(t, name, r)
		}
	})
}

func oneEmbed(e *discordgo.MessageEmbed) []*discordgo.MessageEmbed {
	return []*discordgo.MessageEmbed{e}
}
