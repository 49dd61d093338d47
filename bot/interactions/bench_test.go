package interactions_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"briefbot/bot/discordtest"
	"briefbot/bot/internal/bottest"
)

// BenchmarkInteractionsEndpoint is one signed command through the HTTP
// endpoint: size check, Ed25519 verification, decoding, routing, the answer.
func BenchmarkInteractionsEndpoint(b *testing.B) {
	e := bottest.NewEndpoint(b)
	body, _ := json.Marshal(discordtest.SlashCommand("quick"))
	for b.Loop() {
		if rec := e.Post(body, 0, e.Private); rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
