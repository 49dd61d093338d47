package bot

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// limitViolations lists every Discord limit r breaks, and any mention that
// would render live.
func limitViolations(r Response) []string {
	var bad []string
	check := func(what, s string, limit int) {
		if n := textLen(s); n > limit {
			bad = append(bad, fmt.Sprintf("%s has %d characters, limit %d", what, n, limit))
		}
		for _, m := range []string{"@everyone", "@here"} {
			if strings.Contains(s, m) {
				bad = append(bad, fmt.Sprintf("%s contains a live %s", what, m))
			}
		}
	}
	check("content", r.Content, maxContent)
	if len(r.Embeds) > maxEmbeds {
		bad = append(bad, fmt.Sprintf("%d embeds", len(r.Embeds)))
	}
	total := 0
	for i, e := range r.Embeds {
		check(fmt.Sprintf("embed %d title", i), e.Title, maxTitle)
		check(fmt.Sprintf("embed %d description", i), e.Description, maxDescription)
		total += textLen(e.Title) + textLen(e.Description)
		if e.Footer != nil {
			check(fmt.Sprintf("embed %d footer", i), e.Footer.Text, maxFooter)
			total += textLen(e.Footer.Text)
		}
		if len(e.Fields) > maxFields {
			bad = append(bad, fmt.Sprintf("embed %d has %d fields", i, len(e.Fields)))
		}
		for j, f := range e.Fields {
			check(fmt.Sprintf("embed %d field %d name", i, j), f.Name, maxFieldName)
			check(fmt.Sprintf("embed %d field %d value", i, j), f.Value, maxFieldValue)
			if f.Name == "" || f.Value == "" {
				bad = append(bad, fmt.Sprintf("embed %d field %d is empty", i, j))
			}
			total += textLen(f.Name) + textLen(f.Value)
		}
	}
	if total > maxEmbedsTotal {
		bad = append(bad, fmt.Sprintf("embeds hold %d characters, limit %d", total, maxEmbedsTotal))
	}
	for _, btn := range eachButton(r.Components) {
		check("custom id", btn.CustomID, maxCustomID)
		check("button label", btn.Label, maxButtonLabel)
	}
	for _, c := range r.Components {
		if row, ok := c.(discordgo.ActionsRow); ok && len(row.Components) > maxButtonsInRow {
			bad = append(bad, fmt.Sprintf("a row of %d buttons", len(row.Components)))
		}
	}
	if len(r.Choices) > maxChoices {
		bad = append(bad, fmt.Sprintf("%d choices", len(r.Choices)))
	}
	for _, c := range r.Choices {
		value := fmt.Sprint(c.Value)
		check("choice name", c.Name, maxChoiceLen)
		check("choice value", value, maxChoiceLen)
		if c.Name == "" || value == "" {
			bad = append(bad, "an empty choice")
		}
	}
	return bad
}

// assertWithinLimits fails t for every limit r breaks.
func assertWithinLimits(t *testing.T, what string, r Response) {
	t.Helper()
	for _, v := range limitViolations(r) {
		t.Errorf("%s: %s", what, v)
	}
}

func TestFitLimitsCutsWhatRenderersWouldNever(t *testing.T) {
	long := strings.Repeat("word ", 3000)
	var fields []*discordgo.MessageEmbedField
	for range 40 {
		fields = append(fields, &discordgo.MessageEmbedField{Name: long, Value: long})
	}
	var embeds []*discordgo.MessageEmbed
	for range 12 {
		embeds = append(embeds, &discordgo.MessageEmbed{Title: long, Description: long, Fields: fields,
			Footer: &discordgo.MessageEmbedFooter{Text: long}, Author: &discordgo.MessageEmbedAuthor{Name: long}})
	}
	var choices []*discordgo.ApplicationCommandOptionChoice
	for range 30 {
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: long, Value: "v"})
	}
	r := Response{Content: long, Embeds: embeds, Choices: choices}
	fitLimits(&r)
	assertWithinLimits(t, "fitted", r)
	if !strings.HasSuffix(r.Content, ellipsis) || !strings.HasSuffix(r.Embeds[0].Title, "word"+ellipsis) {
		t.Errorf("cut text should end on a word with a visible marker: %q", r.Embeds[0].Title[len(r.Embeds[0].Title)-20:])
	}
	if len(r.Embeds) != maxEmbeds || len(r.Choices) != maxChoices {
		t.Errorf("kept %d embeds and %d choices", len(r.Embeds), len(r.Choices))
	}
}
