package respond

import (
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
)

// TestCommandLabelsBounded: thousands of command names a request made up
// add at most maxCommandLabels series; the commands served keep theirs.
func TestCommandLabelsBounded(t *testing.T) {
	m := NewMetrics()
	m.KnowCommands([]bot.Command{{Spec: &discordgo.ApplicationCommand{Name: "ask"}}})
	for k := range 5000 {
		m.served(fmt.Sprintf("forged-%d", k), outcomeAnswered)
		m.observe(fmt.Sprintf("forged-%d", k), 0)
	}
	m.served("ask", outcomeAnswered)
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	text, _ := io.ReadAll(rec.Body)
	series := strings.Count(string(text), "briefbot_commands_total{")
	if series > maxCommandLabels+1 {
		t.Errorf("%d command series after 5000 names, want at most %d", series, maxCommandLabels+1)
	}
	for _, want := range []string{`briefbot_commands_total{command="ask",outcome="answered"} 1`,
		`briefbot_commands_total{command="other",outcome="answered"} ` + fmt.Sprint(5000-(maxCommandLabels-1))} {
		if !strings.Contains(string(text), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}
