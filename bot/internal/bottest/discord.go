package bottest

import (
	"encoding/json"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"briefbot/bot/discordtest"
	"briefbot/bot/respond"
)

// WaitLong bounds every wait for something the bot should do soon.
const WaitLong = 5 * time.Second

// Callback is the decoded first answer to an interaction.
type Callback struct {
	Type int `json:"type"`
	Data struct {
		Content         string `json:"content"`
		Flags           int    `json:"flags"`
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
		Choices []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"choices"`
	} `json:"data"`
}

// DecodeJSON decodes body as a T, failing t when it cannot.
func DecodeJSON[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decoding %s: %v", body, err)
	}
	return v
}

// CountRequests counts the requests the fake received of method on a
// path containing pathPart.
func CountRequests(fake *discordtest.Server, method, pathPart string) int {
	n := 0
	for _, r := range fake.Requests() {
		if r.Method == method && strings.Contains(r.Path, pathPart) {
			n++
		}
	}
	return n
}

// ValidateAll checks every body the bot sent against Discord's spec and
// limits, and that the fake refused none (an unknown route, a double answer).
func ValidateAll(t *testing.T, fake *discordtest.Server, v *discordtest.Validator) {
	t.Helper()
	for _, r := range fake.Requests() {
		if err := v.Check(r); err != nil {
			t.Errorf("invalid request body %s: %v", r.Body, err)
		}
		if r.Status == 400 || r.Status == 404 {
			t.Errorf("%s %s refused with %d", r.Method, r.Path, r.Status)
		}
	}
}

// Scrape reads the series m serves.
func Scrape(t *testing.T, m *respond.Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	return string(body)
}
