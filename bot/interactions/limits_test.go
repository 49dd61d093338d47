package interactions

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptrace"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/bot"
	"briefbot/bot/respond"
	"briefbot/knowledge"
)

// slowServer runs the HTTP listener as Serve does, with short timeouts,
// and returns its address and the connection limiter.
func slowServer(t *testing.T, limits Limits) (string, *limitListener, ed25519.PrivateKey) {
	t.Helper()
	public, private, _ := ed25519.GenerateKey(rand.Reader)
	metrics := respond.NewMetrics()
	inter, err := New(Config{PublicKey: public, Handling: respond.Handling{
		Dispatch:  func(context.Context, *knowledge.Base, bot.Request) bot.Response { return bot.Notice("ok") },
		Knowledge: func() *knowledge.Base { return nil }, Metrics: metrics, Logger: slog.New(slog.DiscardHandler)}})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv, limited := NewServer(Mux(inter, metrics), ln, limits, slog.New(slog.DiscardHandler), metrics)
	go srv.Serve(limited)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String(), limited.(*limitListener), private
}

// trickle opens a connection that sends a signed-looking request's headers
// and one byte of its body, then stalls.
func trickle(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(c, "POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n"+
		"X-Signature-Ed25519: %s\r\nX-Signature-Timestamp: %d\r\n\r\n{",
		strings.Repeat("ab", ed25519.SignatureSize), time.Now().Unix())
	return c
}

// closedWithin reports whether the server closed c within d.
func closedWithin(c net.Conn, d time.Duration) bool {
	_ = c.SetReadDeadline(time.Now().Add(d))
	_, err := io.Copy(io.Discard, c) // returns at EOF (closed) or at the deadline
	var ne net.Error
	return err == nil || !(errors.As(err, &ne) && ne.Timeout())
}

// TestSlowClientsAreDropped: hundreds of connections trickling a body
// neither block /healthz nor a signed PING, and each is closed once the
// read timeout has passed, not held open forever.
func TestSlowClientsAreDropped(t *testing.T) {
	const readTimeout = time.Second
	addr, limited, private := slowServer(t, Limits{ReadHeaderTimeout: readTimeout, ReadTimeout: readTimeout})
	const slow = 300
	conns := make([]net.Conn, slow)
	for k := range conns {
		conns[k] = trickle(t, addr)
	}
	t.Cleanup(func() {
		for _, c := range conns {
			c.Close()
		}
	})

	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatalf("healthz with %d slow clients: %v", slow, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("healthz status %d", resp.StatusCode)
	}
	if code := signedPing(t, client, addr, private); code != http.StatusOK {
		t.Errorf("signed PING with %d slow clients: status %d", slow, code)
	}

	client.CloseIdleConnections()

	// Every stalled body is dropped soon after the read timeout.
	var wg sync.WaitGroup
	var mu sync.Mutex
	held := 0
	for _, c := range conns {
		wg.Go(func() {
			if !closedWithin(c, readTimeout+3*time.Second) {
				mu.Lock()
				held++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if held > 0 {
		t.Errorf("%d of %d stalled connections still open after the read timeout", held, slow)
	}
	waitOpen(t, limited, 0)
}

// TestConnectionLimit: the open connections never exceed the limit; at
// the limit, the connection that has waited longest is closed to make room,
// so that slow clients filling every slot do not lock out /healthz.
func TestConnectionLimit(t *testing.T) {
	const limit = 50
	addr, limited, _ := slowServer(t, Limits{MaxConns: limit})
	var conns []net.Conn
	t.Cleanup(func() {
		for _, c := range conns {
			c.Close()
		}
	})
	for range 2 * limit {
		conns = append(conns, trickle(t, addr))
		time.Sleep(time.Millisecond) // an order the server sees too
	}
	waitOpen(t, limited, limit)
	closed := make([]bool, len(conns))
	var wg sync.WaitGroup
	for k, c := range conns {
		wg.Go(func() { closed[k] = closedWithin(c, 200*time.Millisecond) })
	}
	wg.Wait()
	oldest, newest := 0, 0
	for k := range conns {
		switch {
		case closed[k] && k < limit:
			oldest++
		case closed[k]:
			newest++
		}
	}
	if oldest < limit*9/10 || newest > limit/10 {
		t.Errorf("closed %d of the %d oldest and %d of the %d newest connections, want the oldest to make room", oldest, limit, newest, limit)
	}
	if n := limited.count(); n > limit {
		t.Errorf("%d connections open, limit %d", n, limit)
	}
	// Every slot held by a slow client: a health check still gets in.
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatalf("healthz with every slot taken: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("healthz status %d", resp.StatusCode)
	}
	client.CloseIdleConnections()
	for _, c := range conns {
		c.Close()
	}
	waitOpen(t, limited, 0)
}

func waitOpen(t *testing.T, l *limitListener, want int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for l.count() != want {
		if time.Now().After(deadline) {
			t.Fatalf("%d connections counted open, want %d", l.count(), want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func signedPing(t *testing.T, client *http.Client, addr string, key ed25519.PrivateKey) int {
	t.Helper()
	body := `{"id":"1","type":1,"token":"x","application_id":"1"}`
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	req, _ := http.NewRequest("POST", "http://"+addr+"/interactions", strings.NewReader(body))
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, []byte(stamp+body))))
	req.Header.Set("X-Signature-Timestamp", stamp)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("signed PING: %v", err)
	}
	defer resp.Body.Close()
	_, _ = bufio.NewReader(resp.Body).WriteTo(io.Discard)
	return resp.StatusCode
}

// TestConnectionLimitKeepsIdleClients: at the limit, a slow reader makes
// room before a real client's idle keep-alive connection does.
func TestConnectionLimitKeepsIdleClients(t *testing.T) {
	const limit = 10
	addr, limited, _ := slowServer(t, Limits{MaxConns: limit})
	client := &http.Client{Timeout: 5 * time.Second}
	defer client.CloseIdleConnections()
	get := func() (reused bool) {
		t.Helper()
		req, _ := http.NewRequest("GET", "http://"+addr+"/healthz", nil)
		req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{
			GotConn: func(info httptrace.GotConnInfo) { reused = info.Reused }}))
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("healthz: %v", err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return reused
	}
	get() // the client's connection, now idle
	var conns []net.Conn
	t.Cleanup(func() {
		for _, c := range conns {
			c.Close()
		}
	})
	for range limit {
		conns = append(conns, trickle(t, addr))
	}
	waitOpen(t, limited, limit)
	if !closedWithin(conns[0], time.Second) {
		t.Error("the oldest slow reader was not closed to make room")
	}
	if !get() {
		t.Error("the idle client's connection was closed while slow readers held slots")
	}
}

// TestServerErrorsAreJSON: what net/http itself reports (here a handler's
// panic) is a JSON line like every other log line, not plain text.
func TestServerErrorsAreJSON(t *testing.T) {
	var logs bytes.Buffer
	var mu sync.Mutex
	logger := slog.New(slog.NewJSONHandler(lockedWriter{&mu, &logs}, nil))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	boom := http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") })
	srv, limited := NewServer(boom, ln, Limits{}, logger, respond.NewMetrics())
	go srv.Serve(limited)
	defer srv.Close()
	if resp, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		resp.Body.Close()
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		mu.Lock()
		text := logs.String()
		mu.Unlock()
		if strings.Contains(text, "panic serving") {
			var line map[string]any
			first, _, _ := strings.Cut(text, "\n")
			if err := json.Unmarshal([]byte(first), &line); err != nil || line["level"] != "WARN" {
				t.Errorf("net/http's report is not a JSON warning: %q (%v)", first, err)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("net/http's report never reached the logger: %q", text)
		}
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
