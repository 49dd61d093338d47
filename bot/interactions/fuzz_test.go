package interactions_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"briefbot/bot/discordtest"
	"briefbot/bot/internal/bottest"
)

// FuzzInteractionsEndpoint: any correctly signed body, however malformed,
// gets a well-formed HTTP answer and never a panic.
func FuzzInteractionsEndpoint(f *testing.F) {
	for _, seed := range []any{
		map[string]any{"id": "1", "type": 1},
		discordtest.SlashCommand("quick"),
		discordtest.SlashCommand("echo", discordtest.Option("x", discordtest.OptionInteger, 1e300)),
		discordtest.Autocomplete("echo", "name", "\x00"),
		discordtest.Button("echo:::"),
		discordtest.MessageCommand("echo", "@everyone"),
		map[string]any{"type": 2, "data": nil, "member": nil},
		map[string]any{"type": 3, "data": map[string]any{"custom_id": 5}},
	} {
		body, _ := json.Marshal(seed)
		f.Add(body)
	}
	f.Add([]byte("null"))
	f.Add([]byte(`{"type":4,"data":{"options":[{"options":[{"focused":true}]}]}}`))
	e := bottest.NewEndpoint(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		rec := e.Post(body, 0, e.Private)
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge:
		default:
			t.Errorf("status %d for %q", rec.Code, body)
		}
	})
}
