package commands

import (
	"context"
	"testing"

	"briefbot/bot"
)

// BenchmarkDispatchSource answers /source on a seed document, end to end.
func BenchmarkDispatchSource(b *testing.B) {
	kb := seedBase(b)
	req := bot.Request{Kind: bot.SlashCommand, Name: "source", Options: map[string]string{"document": kb.Docs()[1].ID}}
	for b.Loop() {
		Dispatch(context.Background(), kb, req)
	}
}
