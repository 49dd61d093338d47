package discordtest

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/bwmarrin/discordgo"
)

// Limits the fake's own checks leave to Message: what a button may hold.
const (
	maxCustomID     = 100
	maxButtonLabel  = 80
	maxButtonsInRow = 5
)

// Message is what the bot answers, as far as Discord's limits go.
type Message struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Choices    []*discordgo.ApplicationCommandOptionChoice
}

// utf16Len counts s the way the strictest of Discord's counters would: in
// UTF-16 code units, so an emoji counts two.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// Violations lists every Discord limit m breaks, and any mention that
// would render live.
func (m Message) Violations() []string {
	var bad []string
	check := func(what, s string, limit int) {
		if n := utf16Len(s); n > limit {
			bad = append(bad, fmt.Sprintf("%s has %d characters, limit %d", what, n, limit))
		}
		for _, mention := range []string{"@everyone", "@here"} {
			if strings.Contains(s, mention) {
				bad = append(bad, fmt.Sprintf("%s contains a live %s", what, mention))
			}
		}
	}
	check("content", m.Content, maxContent)
	if len(m.Embeds) > maxEmbeds {
		bad = append(bad, fmt.Sprintf("%d embeds", len(m.Embeds)))
	}
	total := 0
	for i, e := range m.Embeds {
		check(fmt.Sprintf("embed %d title", i), e.Title, maxEmbedTitle)
		check(fmt.Sprintf("embed %d description", i), e.Description, maxEmbedDescription)
		total += utf16Len(e.Title) + utf16Len(e.Description)
		if e.Footer != nil {
			check(fmt.Sprintf("embed %d footer", i), e.Footer.Text, maxFooter)
			total += utf16Len(e.Footer.Text)
		}
		if len(e.Fields) > maxEmbedFields {
			bad = append(bad, fmt.Sprintf("embed %d has %d fields", i, len(e.Fields)))
		}
		for j, f := range e.Fields {
			check(fmt.Sprintf("embed %d field %d name", i, j), f.Name, maxFieldName)
			check(fmt.Sprintf("embed %d field %d value", i, j), f.Value, maxFieldValue)
			if f.Name == "" || f.Value == "" {
				bad = append(bad, fmt.Sprintf("embed %d field %d is empty", i, j))
			}
			total += utf16Len(f.Name) + utf16Len(f.Value)
		}
	}
	if total > maxEmbedTotal {
		bad = append(bad, fmt.Sprintf("embeds hold %d characters, limit %d", total, maxEmbedTotal))
	}
	for _, c := range m.Components {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		if len(row.Components) > maxButtonsInRow {
			bad = append(bad, fmt.Sprintf("a row of %d buttons", len(row.Components)))
		}
		for _, inner := range row.Components {
			if btn, ok := inner.(discordgo.Button); ok {
				check("custom id", btn.CustomID, maxCustomID)
				check("button label", btn.Label, maxButtonLabel)
			}
		}
	}
	if len(m.Choices) > maxChoices {
		bad = append(bad, fmt.Sprintf("%d choices", len(m.Choices)))
	}
	for _, c := range m.Choices {
		value := fmt.Sprint(c.Value)
		check("choice name", c.Name, maxChoiceText)
		check("choice value", value, maxChoiceText)
		if c.Name == "" || value == "" {
			bad = append(bad, "an empty choice")
		}
	}
	return bad
}

// AssertWithinLimits fails t for every limit m breaks.
func AssertWithinLimits(t testing.TB, what string, m Message) {
	t.Helper()
	for _, v := range m.Violations() {
		t.Errorf("%s: %s", what, v)
	}
}

// Hostile is text a document might hold that must neither break the layout
// nor ping anyone.
const Hostile = "**bold** @everyone <@&123> <@456> @here [x](http://evil) ||spoiler|| ``` ` # heading\n- item > quote :emoji: \\ \u202eevil"
