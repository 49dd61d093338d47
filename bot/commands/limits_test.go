package commands

import (
	"testing"

	"briefbot/bot"
	"briefbot/bot/discordtest"
)

// assertWithinLimits fails t for every limit r breaks.
func assertWithinLimits(t *testing.T, what string, r bot.Response) {
	t.Helper()
	discordtest.AssertWithinLimits(t, what, discordtest.Message{Content: r.Content, Embeds: r.Embeds, Components: r.Components, Choices: r.Choices})
}
