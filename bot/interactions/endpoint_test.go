package interactions_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"briefbot/bot/discordtest"
	"briefbot/bot/interactions"
	"briefbot/bot/internal/bottest"
)

func TestInteractionsEndpoint(t *testing.T) {
	e := bottest.NewEndpoint(t)
	validator := discordtest.NewValidator(t)
	reply := func(t *testing.T, rec *httptest.ResponseRecorder) bottest.Callback {
		t.Helper()
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		if err := validator.CheckCallback(rec.Body.Bytes()); err != nil {
			t.Errorf("reply %s: %v", rec.Body, err)
		}
		return bottest.DecodeJSON[bottest.Callback](t, rec.Body.Bytes())
	}

	t.Run("PING gets PONG", func(t *testing.T) {
		if cb := reply(t, e.Interact(map[string]any{"id": "1", "type": 1, "token": "x", "application_id": discordtest.AppID})); cb.Type != 1 {
			t.Errorf("PING answered type %d", cb.Type)
		}
	})

	t.Run("valid signed command answered in the reply", func(t *testing.T) {
		cb := reply(t, e.Interact(discordtest.SlashCommand("quick", discordtest.Option("public", discordtest.OptionBoolean, true))))
		if cb.Type != 4 || cb.Data.Flags != 0 || !strings.HasPrefix(cb.Data.Content, "quick answer") {
			t.Errorf("got type %d flags %d %q, want a public type 4 answer", cb.Type, cb.Data.Flags, cb.Data.Content)
		}
	})

	t.Run("autocomplete answered with type 8", func(t *testing.T) {
		if cb := reply(t, e.Interact(discordtest.Autocomplete("echo", "actor", "mull"))); cb.Type != 8 || len(cb.Data.Choices) != 1 {
			t.Errorf("autocomplete answer %+v", cb)
		}
	})

	t.Run("slow command deferred, answer PATCHed to the webhook without a bot token", func(t *testing.T) {
		i := discordtest.SlashCommand("slow", discordtest.Option("public", discordtest.OptionBoolean, true))
		if cb := reply(t, e.Interact(i)); cb.Type != 5 || cb.Data.Flags != 0 {
			t.Errorf("first answer type %d flags %d, want a public deferral", cb.Type, cb.Data.Flags)
		}
		edit := e.Fake.WaitRequest(t, bottest.WaitLong, func(r discordtest.Request) bool { return r.Method == "PATCH" })
		if want := "/api/v9/webhooks/" + discordtest.AppID + "/" + i.Token() + "/messages/@original"; edit.Path != want {
			t.Errorf("edit path %s, want %s", edit.Path, want)
		}
		if edit.Authorization != "" || !strings.Contains(string(edit.Body), "slow answer") {
			t.Errorf("edit authorization %q body %s", edit.Authorization, edit.Body)
		}
	})

	_, stranger, _ := ed25519.GenerateKey(rand.Reader)
	body, _ := json.Marshal(discordtest.SlashCommand("quick"))
	rejected := []struct {
		name   string
		rec    *httptest.ResponseRecorder
		status int
	}{
		{"bad signature", e.Post(body, 0, stranger), http.StatusUnauthorized},
		{"stale timestamp", e.Post(body, 6*time.Minute, e.Private), http.StatusUnauthorized},
		{"timestamp in the future", e.Post(body, -time.Minute, e.Private), http.StatusUnauthorized},
		{"oversized body", e.Post(bytes.Repeat([]byte(" "), 5000), 0, e.Private), http.StatusRequestEntityTooLarge},
		{"signed garbage", e.Post([]byte("{not json"), 0, e.Private), http.StatusBadRequest},
	}
	for _, c := range rejected {
		t.Run(c.name, func(t *testing.T) {
			if c.rec.Code != c.status {
				t.Errorf("status %d, want %d", c.rec.Code, c.status)
			}
		})
	}

	t.Run("modal submit is refused, not left unanswered", func(t *testing.T) {
		rec := e.Interact(map[string]any{"id": "2", "type": 5, "token": "x", "application_id": discordtest.AppID,
			"data": map[string]any{"custom_id": "form"}})
		if rec.Code != http.StatusBadRequest {
			t.Errorf("status %d, want 400", rec.Code)
		}
	})

	t.Run("missing signature headers", func(t *testing.T) {
		rec := httptest.NewRecorder()
		e.Server.ServeHTTP(rec, httptest.NewRequest("POST", "/interactions", bytes.NewReader(body)))
		if rec.Code != http.StatusUnauthorized {
			t.Errorf("status %d, want 401", rec.Code)
		}
	})

	t.Run("GET is not allowed", func(t *testing.T) {
		rec := httptest.NewRecorder()
		e.Server.ServeHTTP(rec, httptest.NewRequest("GET", "/interactions", nil))
		if rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("status %d, want 405", rec.Code)
		}
	})

	t.Run("healthz and metrics on the same mux", func(t *testing.T) {
		rec := httptest.NewRecorder()
		e.Server.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
		if rec.Code != http.StatusOK || strings.TrimSpace(rec.Body.String()) != "ok" {
			t.Errorf("healthz %d %q", rec.Code, rec.Body)
		}
		rec = httptest.NewRecorder()
		e.Server.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
		text, _ := io.ReadAll(rec.Body)
		for _, want := range []string{`briefbot_commands_total{command="quick",outcome="answered"} 1`,
			`briefbot_errors_total{kind="http_bad_signature"} 2`, `briefbot_errors_total{kind="http_stale_timestamp"} 2`,
			`briefbot_errors_total{kind="http_body_too_large"} 1`, "go_goroutines"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("metrics lack %s", want)
			}
		}
	})

	t.Run("drain delivers deferred answers, then refuses new ones", func(t *testing.T) {
		i := discordtest.SlashCommand("slow")
		reply(t, e.Interact(i))
		e.Endpoint.Drain(bottest.WaitLong)
		if n := bottest.CountRequests(e.Fake, "PATCH", i.Token()); n != 1 {
			t.Errorf("deferred answer delivered %d times by drain, want 1", n)
		}
		if rec := e.Interact(discordtest.SlashCommand("quick")); rec.Code != http.StatusServiceUnavailable {
			t.Errorf("after drain: status %d, want 503", rec.Code)
		}
	})
	bottest.ValidateAll(t, e.Fake, validator)
}

func TestParsePublicKey(t *testing.T) {
	for _, bad := range []string{"", "zz", strings.Repeat("ab", 31), strings.Repeat("ab", 33)} {
		if _, err := interactions.ParsePublicKey(bad); err == nil {
			t.Errorf("ParsePublicKey(%q) accepted", bad)
		}
	}
	if _, err := interactions.New(interactions.Config{}); err == nil {
		t.Error("interactions.New without a key accepted")
	}
}
