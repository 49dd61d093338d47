package bot_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"briefbot/bot/discordtest"
)

// BenchmarkInteractionsEndpoint is one signed command through the HTTP
// endpoint: size check, Ed25519 verification, decoding, routing, the answer.
func BenchmarkInteractionsEndpoint(b *testing.B) {
	e := newEndpoint(b)
	body, _ := json.Marshal(discordtest.SlashCommand("quick"))
	for b.Loop() {
		if rec := e.post(body, 0, e.private); rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
