package serve_test

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"briefbot/bot/internal/bottest"
	"briefbot/bot/respond"
	"briefbot/bot/serve"
)

func TestServeRejectsBadConfig(t *testing.T) {
	cases := map[string]serve.Config{
		"nothing to serve": {},
		"bad public key":   {Listen: "127.0.0.1:0", PublicKey: "not-hex"},
		"bad address":      {Listen: "256.0.0.1:http"},
	}
	for name, cfg := range cases {
		t.Run(name, func(t *testing.T) {
			cfg.Dispatch, cfg.Knowledge = bottest.Dispatch(), bottest.NoKnowledge
			if err := serve.Serve(context.Background(), cfg); err == nil {
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
		done <- serve.Serve(ctx, serve.Config{Listen: "127.0.0.1:0", PublicKey: strings.Repeat("ab", 32),
			Handling: respond.Handling{Dispatch: bottest.Dispatch(), Knowledge: bottest.NoKnowledge}})
	}()
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve after cancel: %v", err)
		}
	case <-time.After(bottest.WaitLong):
		t.Fatal("Serve did not stop")
	}
}

// freeAddr is a loopback address nothing listens on (a moment ago).
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestMetricsListen: with a metrics address, /metrics is served there and
// not on the public listener.
func TestMetricsListen(t *testing.T) {
	public, private := freeAddr(t), freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- serve.Serve(ctx, serve.Config{Listen: public, MetricsListen: private, PublicKey: strings.Repeat("ab", 32),
			Handling: respond.Handling{Dispatch: bottest.Dispatch(), Knowledge: bottest.NoKnowledge}})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	}()
	status := func(addr, path string) int {
		for range 100 {
			resp, err := http.Get("http://" + addr + path)
			if err == nil {
				resp.Body.Close()
				return resp.StatusCode
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("nothing listens on %s", addr)
		return 0
	}
	for _, c := range []struct {
		addr, path string
		want       int
	}{{public, "/metrics", http.StatusNotFound}, {public, "/healthz", http.StatusOK},
		{private, "/metrics", http.StatusOK}, {private, "/healthz", http.StatusOK}} {
		if got := status(c.addr, c.path); got != c.want {
			t.Errorf("GET %s on %s: %d, want %d", c.path, c.addr, got, c.want)
		}
	}
}
