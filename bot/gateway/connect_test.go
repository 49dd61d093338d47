package gateway_test

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"briefbot/bot/gateway"
	"briefbot/bot/internal/bottest"
	"briefbot/bot/respond"
)

// offline fails every request as a machine with no network does.
type offline struct{}

func (offline) RoundTrip(r *http.Request) (*http.Response, error) {
	return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: r.URL.Host, IsNotFound: true}}
}

// With no network, a token Discord never accepted ends Run after
// GiveUpAfter with a message that says what to check; until then every
// retry is logged with its reason and a readable pause.
func TestGatewayGivesUpWhenTheTokenWasNeverAccepted(t *testing.T) {
	var logs bytes.Buffer
	gw, err := gateway.New(gateway.Config{
		Handling: respond.Handling{Dispatch: bottest.Dispatch(), Knowledge: bottest.NoKnowledge,
			Logger: slog.New(slog.NewJSONHandler(&logs, nil))},
		Token:  "bogus",
		Client: &http.Client{Transport: offline{}},
		Dialer: &websocket.Dialer{NetDial: func(string, string) (net.Conn, error) {
			return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", IsNotFound: true}}
		}},
		ReconnectDelay: 10 * time.Millisecond, GiveUpAfter: 200 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- gw.Run(context.Background()) }()
	select {
	case err = <-done:
	case <-time.After(bottest.WaitLong):
		t.Fatal("Run kept retrying a token Discord never accepted")
	}
	if err == nil {
		t.Fatal("Run returned nil")
	}
	for _, want := range []string{"gave up connecting to Discord after", "cannot be resolved", "never accepted the bot token", "DISCORD_TOKEN"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error lacks %q: %v", want, err)
		}
	}
	for _, want := range []string{`"msg":"gateway: cannot connect to Discord, retrying"`, `"reason":"Discord's address cannot be resolved`,
		`"attempt":1,`, `"retry_in":"10ms"`, `"retry_in":"20ms"`, `"gives_up_at":"`} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the log lacks %s:\n%s", want, logs.String())
		}
	}
}
