package respond_test

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/bot/discordtest"
	"briefbot/bot/interactions"
	"briefbot/bot/internal/bottest"
)

func withCapacity(running, waiting int, wait time.Duration) bottest.EndpointOption {
	return func(c *interactions.Config) {
		c.MaxRunning, c.MaxWaiting, c.MaxWait = running, waiting, wait
	}
}

// burst sends n slow commands at once and returns their first answers.
func burst(t *testing.T, e *bottest.Endpoint, n int) []bottest.Callback {
	t.Helper()
	answers := make([]bottest.Callback, n)
	var wg sync.WaitGroup
	for k := range answers {
		wg.Go(func() {
			rec := e.Interact(discordtest.SlashCommand("slow"))
			if rec.Code != http.StatusOK {
				t.Errorf("status %d: %s", rec.Code, rec.Body)
				return
			}
			answers[k] = bottest.DecodeJSON[bottest.Callback](t, rec.Body.Bytes())
		})
	}
	wg.Wait()
	return answers
}

func countBusy(answers []bottest.Callback) (busy, deferred int) {
	for _, a := range answers {
		switch {
		case a.Type == 4 && strings.Contains(a.Data.Content, "try again in a minute"):
			busy++
		case a.Type == 5:
			deferred++
		}
	}
	return busy, deferred
}

// TestAdmission: beyond the handlers allowed to run and the requests
// allowed to wait, an interaction is still acknowledged in time, with a
// polite refusal; those admitted are answered.
func TestAdmission(t *testing.T) {
	t.Run("queue full: refused at once", func(t *testing.T) {
		e := bottest.NewEndpoint(t, withCapacity(1, 1, time.Minute))
		validator := discordtest.NewValidator(t)
		answers := burst(t, e, 4)
		busy, deferred := countBusy(answers)
		if busy != 2 || deferred != 2 {
			t.Errorf("%d busy and %d deferred of 4 with one running and one waiting, want 2 and 2: %+v", busy, deferred, answers)
		}
		e.Endpoint.Drain(bottest.WaitLong)
		if n := bottest.CountRequests(e.Fake, "PATCH", "/messages/@original"); n != 2 {
			t.Errorf("%d answers delivered, want the 2 admitted", n)
		}
		m := bottest.Scrape(t, e.Metrics)
		for _, want := range []string{`briefbot_commands_total{command="slow",outcome="busy"} 2`,
			"briefbot_handlers_running 0", "briefbot_handlers_waiting 0"} {
			if !strings.Contains(m, want) {
				t.Errorf("metrics lack %s", want)
			}
		}
		bottest.ValidateAll(t, e.Fake, validator)
	})
	t.Run("waited too long: refused", func(t *testing.T) {
		e := bottest.NewEndpoint(t, withCapacity(1, 10, 100*time.Millisecond))
		busy, deferred := countBusy(burst(t, e, 3))
		if busy != 2 || deferred != 1 {
			t.Errorf("%d busy and %d deferred of 3 with one running and a short wait, want 2 and 1", busy, deferred)
		}
		e.Endpoint.Drain(bottest.WaitLong)
	})
}
