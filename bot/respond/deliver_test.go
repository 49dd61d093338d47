package respond_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/bot/discordtest"
	"briefbot/bot/gateway"
	"briefbot/bot/internal/bottest"
	"briefbot/bot/respond"
	"briefbot/internal/testlog"
	"briefbot/schedule"
)

// TestDeferredAnswersDeliveredInParallel: with Discord's webhook route slow,
// the deferred answers of many interactions go out at once, each in its own
// bucket, instead of one after the other behind a single lock.
func TestDeferredAnswersDeliveredInParallel(t *testing.T) {
	e := bottest.NewEndpoint(t)
	validator := discordtest.NewValidator(t)
	const slowRoute = 2 * time.Second
	e.Fake.SlowWebhooks(slowRoute)
	const n = 12
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			if rec := e.Interact(discordtest.SlashCommand("slow")); rec.Code != http.StatusOK {
				t.Errorf("status %d: %s", rec.Code, rec.Body)
			}
		})
	}
	wg.Wait()
	e.Endpoint.Drain(n * slowRoute) // one at a time would take n times the route's delay
	if got := bottest.CountRequests(e.Fake, "PATCH", "/messages/@original"); got != n {
		t.Fatalf("%d deferred answers delivered, want %d", got, n)
	}
	if peak := e.Fake.PeakWebhooks(); peak < n/2 {
		t.Errorf("at most %d webhook requests at once, want the %d answers in parallel", peak, n)
	}
	bottest.ValidateAll(t, e.Fake, validator)
}

// TestNoTokenInLogs: a deferred answer Discord refuses, or that cannot
// reach Discord at all, is logged without the interaction token that the
// webhook URL carries.
func TestNoTokenInLogs(t *testing.T) {
	var logs testlog.Buffer
	e := bottest.NewEndpoint(t, bottest.WithLogger(slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	refused := discordtest.SlashCommand("slow")
	refused["token"] = "aW50ZXJhY3Rpb246MTIzOnJlZnVzZWQ"
	e.Fake.Fail("PATCH", refused.Token(), discordtest.Fault{Status: http.StatusInternalServerError})
	e.Interact(refused)

	unreachable := discordtest.SlashCommand("slow")
	unreachable["token"] = "aW50ZXJhY3Rpb246NDU2OnVucmVhY2hhYmxl"
	e.Interact(unreachable)
	e.Fake.Close() // the second delivery finds no Discord
	e.Endpoint.Drain(bottest.WaitLong)

	text := logs.String()
	if n := strings.Count(text, "delivering deferred answer"); n != 2 {
		t.Errorf("%d failed deliveries logged, want 2:\n%s", n, text)
	}
	for _, token := range []string{refused.Token(), unreachable.Token()} {
		if strings.Contains(text, token) {
			t.Errorf("the logs show the interaction token %s:\n%s", token, text)
		}
	}
}

// failCallbacks makes every interaction callback fail in transport, the
// way a network error does: net/http's error then names the URL.
type failCallbacks struct{ base http.RoundTripper }

func (f failCallbacks) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasSuffix(r.URL.Path, "/callback") {
		return nil, errors.New("connection reset")
	}
	return f.base.RoundTrip(r)
}

// TestGatewayLogsNoToken: a gateway acknowledgement that fails is logged
// without the token its callback URL carries.
func TestGatewayLogsNoToken(t *testing.T) {
	fake := discordtest.New(t)
	var logs testlog.Buffer
	client := fake.Client()
	client.Transport = failCallbacks{client.Transport}
	gw, err := gateway.New(gateway.Config{
		Handling: respond.Handling{Dispatch: bottest.Dispatch(), Knowledge: bottest.NoKnowledge, Logger: slog.New(slog.NewJSONHandler(&logs, nil))},
		Token:    "test-token", Commands: bottest.Commands(), Client: client, Dialer: fake.Dialer(),
		Shard: schedule.Shard{ID: 1, Count: 2}, // no registration to wait for
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- gw.Run(ctx) }()
	fake.WaitSessions(t, 1, bottest.WaitLong)
	i := discordtest.SlashCommand("quick")
	i["token"] = "aW50ZXJhY3Rpb246Nzg5OmdhdGV3YXk"
	fake.Interact(t, i)
	for deadline := time.Now().Add(bottest.WaitLong); !strings.Contains(logs.String(), "acknowledging interaction"); {
		if time.Now().After(deadline) {
			t.Fatalf("the failed acknowledgement was not logged:\n%s", logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if strings.Contains(logs.String(), i.Token()) {
		t.Errorf("the logs show the interaction token:\n%s", logs.String())
	}
}
