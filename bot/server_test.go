package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"briefbot/bot"
)

func TestServeRejectsBadConfig(t *testing.T) {
	cases := map[string]bot.ServeConfig{
		"nothing to serve": {},
		"bad public key":   {Listen: "127.0.0.1:0", PublicKey: "not-hex"},
		"bad address":      {Listen: "256.0.0.1:http"},
	}
	for name, cfg := range cases {
		t.Run(name, func(t *testing.T) {
			cfg.Dispatch, cfg.Knowledge = testDispatch(), noKnowledge
			if err := bot.Serve(context.Background(), cfg); err == nil {
				t.Error("Serve accepted a bad configuration")
			}
		})
	}
}

// TestServeStopsOnCancel: the HTTP listener alone (no token) runs until its
// context ends, then shuts down cleanly.
func TestServeStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- bot.Serve(ctx, bot.ServeConfig{Listen: "127.0.0.1:0", PublicKey: strings.Repeat("ab", 32),
			Handling: bot.Handling{Dispatch: testDispatch(), Knowledge: noKnowledge}})
	}()
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve after cancel: %v", err)
		}
	case <-time.After(waitLong):
		t.Fatal("Serve did not stop")
	}
}
