package render

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot/discordtest"
)

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
	r := discordtest.Message{Content: long, Embeds: embeds, Choices: choices}
	r.Content, r.Embeds = FitMessage(r.Content, r.Embeds)
	r.Choices = FitChoices(r.Choices)
	discordtest.AssertWithinLimits(t, "fitted", r)
	if !strings.HasSuffix(r.Content, ellipsis) || !strings.HasSuffix(r.Embeds[0].Title, "word"+ellipsis) {
		t.Errorf("cut text should end on a word with a visible marker: %q", r.Embeds[0].Title[len(r.Embeds[0].Title)-20:])
	}
	if len(r.Embeds) != maxEmbeds || len(r.Choices) != MaxChoices {
		t.Errorf("kept %d embeds and %d choices", len(r.Embeds), len(r.Choices))
	}
}
