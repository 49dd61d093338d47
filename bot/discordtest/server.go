// Package discordtest is a fake Discord for tests: an httptest server with the
// REST routes briefbot uses and a websocket gateway, driven by the real
// discordgo client. It records every request and can inject faults.
package discordtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// AppID is the application id the fake announces in READY.
const AppID = "100000000000000001"

// Request is one REST request the fake received.
type Request struct {
	Method string
	Path   string
	// Body is the JSON payload (payload_json of a multipart body).
	Body []byte
	// Authorization is the request's Authorization header.
	Authorization string
	// Status is what the fake answered.
	Status int
	At     time.Time
}

// Fault makes the next matching request fail.
type Fault struct {
	Status int
	// RetryAfter is sent with a 429.
	RetryAfter time.Duration
	// Commit makes the request take effect before the error is returned,
	// as when Discord created a message but the reply was lost.
	Commit bool
}

type pendingFault struct {
	method, pathPart string
	Fault
}

// Server is a fake Discord.
type Server struct {
	*httptest.Server

	mu       sync.Mutex
	requests []Request
	faults   []pendingFault
	messages []json.RawMessage     // channel messages created
	nonces   map[string]int        // enforced nonce -> index in messages
	acked    map[string]bool       // interactions answered
	changed  chan struct{}         // closed and replaced on every recorded change
	files    map[string]attachment // served at their path, by Attach

	webhookDelay time.Duration // how long each webhook request takes
	webhooksNow  int           // webhook requests being served
	webhooksPeak int

	gw      gatewayState
	wsWrite sync.Mutex // gorilla allows one writer per connection
}

// New starts a fake Discord, closed when the test ends.
func New(t testing.TB) *Server {
	s := &Server{nonces: map[string]int{}, acked: map[string]bool{}, changed: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v9/gateway", s.gatewayURL)
	mux.HandleFunc("GET /gateway", s.serveGateway)  // the resume URL, as READY gives it
	mux.HandleFunc("GET /gateway/", s.serveGateway) // discordgo adds a slash to the gateway URL
	mux.HandleFunc("POST /api/v9/interactions/{id}/{token}/callback", s.callback)
	mux.HandleFunc("PATCH /api/v9/webhooks/{app}/{token}/messages/{message}", s.message)
	mux.HandleFunc("POST /api/v9/webhooks/{app}/{token}", s.message)
	mux.HandleFunc("PUT /api/v9/applications/{app}/commands", s.echoCommands)
	mux.HandleFunc("PUT /api/v9/applications/{app}/guilds/{guild}/commands", s.echoCommands)
	mux.HandleFunc("POST /api/v9/channels/{channel}/messages", s.channelMessage)
	mux.HandleFunc("GET /attachments/", s.serveAttachment)
	mux.HandleFunc("/", s.notFound)
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// Client is an http.Client whose requests, whatever their host, reach the fake.
func (s *Server) Client() *http.Client { return clientTo(s.URL, s.Server.Client().Transport) }

// RemoteClient is Client for another process (a test's child process),
// given the fake's URL.
func RemoteClient(fakeURL string) *http.Client { return clientTo(fakeURL, http.DefaultTransport) }

func clientTo(fakeURL string, base http.RoundTripper) *http.Client {
	target, _ := url.Parse(fakeURL)
	return &http.Client{Transport: rewriteHost{target: target, base: base}, Timeout: 10 * time.Second}
}

// Dialer is a websocket dialer of its own, so the package default is never
// shared or changed.
func (s *Server) Dialer() *websocket.Dialer {
	return &websocket.Dialer{HandshakeTimeout: 5 * time.Second}
}

type rewriteHost struct {
	target *url.URL
	base   http.RoundTripper
}

func (r rewriteHost) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host, req.Host = r.target.Scheme, r.target.Host, r.target.Host
	return r.base.RoundTrip(req)
}

// Fail makes the next request with this method whose path contains pathPart
// fail with f.
func (s *Server) Fail(method, pathPart string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, pendingFault{method, pathPart, f})
}

// Requests returns the REST requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Messages returns the bodies of the channel messages created.
func (s *Server) Messages() []json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]json.RawMessage(nil), s.messages...)
}

// WaitRequest waits until a request matching ok has arrived, and returns the
// first one; t fails after timeout.
func (s *Server) WaitRequest(t testing.TB, timeout time.Duration, ok func(Request) bool) Request {
	t.Helper()
	var found Request
	s.waitFor(t, timeout, func() bool {
		for _, r := range s.requests {
			if ok(r) {
				found = r
				return true
			}
		}
		return false
	})
	return found
}

// waitFor waits until cond, evaluated under the lock, holds.
func (s *Server) waitFor(t testing.TB, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.After(timeout)
	for {
		s.mu.Lock()
		done, changed := cond(), s.changed
		s.mu.Unlock()
		if done {
			return
		}
		select {
		case <-changed:
		case <-deadline:
			t.Fatalf("discordtest: condition not met within %v", timeout)
		}
	}
}

// notifyLocked wakes waiters; s.mu is held.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// record reads and records a request and reports the fault to apply, if
// any; seq is its place in Requests, for setStatus.
func (s *Server) record(r *http.Request) (req Request, seq int, fault *Fault) {
	req = Request{Method: r.Method, Path: r.URL.Path, Body: payload(r), At: time.Now(), Status: http.StatusOK,
		Authorization: r.Header.Get("Authorization")}
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, f := range s.faults {
		if f.method == r.Method && strings.Contains(r.URL.Path, f.pathPart) {
			fault = &f.Fault
			req.Status = f.Status
			s.faults = append(s.faults[:k], s.faults[k+1:]...)
			break
		}
	}
	s.requests = append(s.requests, req)
	s.notifyLocked()
	return req, len(s.requests) - 1, fault
}

// setStatusLocked records that request seq was refused with status; s.mu is held.
func (s *Server) setStatusLocked(seq, status int) {
	s.requests[seq].Status = status
}

// payload is a request's JSON: its body, or a multipart body's payload_json.
func payload(r *http.Request) []byte {
	body, _ := io.ReadAll(r.Body)
	mediaType, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if !strings.HasPrefix(mediaType, "multipart/") {
		return body
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	for {
		part, err := mr.NextPart()
		if err != nil {
			return nil
		}
		if part.FormName() == "payload_json" {
			data, _ := io.ReadAll(part)
			return data
		}
	}
}

// writeFault answers with the injected failure f.
func writeFault(w http.ResponseWriter, f *Fault) {
	if f.Status == http.StatusTooManyRequests {
		secs := f.RetryAfter.Seconds()
		w.Header().Set("Retry-After", fmt.Sprint(secs))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(f.Status)
		fmt.Fprintf(w, `{"message":"You are being rate limited.","retry_after":%g,"global":false}`, secs)
		return
	}
	http.Error(w, `{"message":"injected failure","code":0}`, f.Status)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// callback acknowledges an interaction, once: like Discord, it refuses a
// second answer to the same interaction.
func (s *Server) callback(w http.ResponseWriter, r *http.Request) {
	_, seq, f := s.record(r)
	if f != nil {
		writeFault(w, f)
		return
	}
	s.mu.Lock()
	again := s.acked[r.PathValue("id")]
	s.acked[r.PathValue("id")] = true
	if again {
		s.setStatusLocked(seq, http.StatusBadRequest)
	}
	s.mu.Unlock()
	if again {
		http.Error(w, `{"message":"Interaction has already been acknowledged.","code":40060}`, http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// SlowWebhooks makes every webhook request take d, as when Discord is slow.
func (s *Server) SlowWebhooks(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.webhookDelay = d
}

// PeakWebhooks is the most webhook requests the fake was serving at once.
func (s *Server) PeakWebhooks() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhooksPeak
}

// Webhook rate limits as Discord announces them: a bucket shared by the
// webhook routes, counted per webhook token.
const (
	webhookBucket = "d2b4a7f0c1e3webhook"
	webhookLimit  = 5
)

// message answers a webhook edit or execute with a minimal message, after
// the configured delay, with Discord's rate-limit headers.
func (s *Server) message(w http.ResponseWriter, r *http.Request) {
	_, _, f := s.record(r)
	s.mu.Lock()
	delay := s.webhookDelay
	s.webhooksNow++
	s.webhooksPeak = max(s.webhooksPeak, s.webhooksNow)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.webhooksNow--
		s.mu.Unlock()
	}()
	time.Sleep(delay)
	w.Header().Set("X-RateLimit-Bucket", webhookBucket)
	w.Header().Set("X-RateLimit-Limit", fmt.Sprint(webhookLimit))
	w.Header().Set("X-RateLimit-Remaining", fmt.Sprint(webhookLimit-1))
	w.Header().Set("X-RateLimit-Reset-After", "1.000")
	if f != nil {
		writeFault(w, f)
		return
	}
	writeJSON(w, map[string]any{"id": "300000000000000001", "channel_id": "200000000000000001", "content": ""})
}

func (s *Server) echoCommands(w http.ResponseWriter, r *http.Request) {
	req, _, f := s.record(r)
	if f != nil {
		writeFault(w, f)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(req.Body)
}

// channelMessage creates a message, honouring enforce_nonce: a repeated
// nonce returns the message already created instead of a second one.
func (s *Server) channelMessage(w http.ResponseWriter, r *http.Request) {
	req, _, f := s.record(r)
	if f != nil && !f.Commit {
		writeFault(w, f)
		return
	}
	var m struct {
		Nonce        string `json:"nonce"`
		EnforceNonce bool   `json:"enforce_nonce"`
	}
	_ = json.Unmarshal(req.Body, &m)
	s.mu.Lock()
	n, seen := s.nonces[m.Nonce]
	if !seen || !m.EnforceNonce {
		s.messages = append(s.messages, req.Body)
		n = len(s.messages) - 1
		if m.EnforceNonce {
			s.nonces[m.Nonce] = n
		}
		s.notifyLocked()
	}
	s.mu.Unlock()
	if f != nil {
		writeFault(w, f)
		return
	}
	writeJSON(w, map[string]any{"id": fmt.Sprint(400000000000000000 + n), "channel_id": r.PathValue("channel"), "nonce": m.Nonce})
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	_, seq, _ := s.record(r)
	s.mu.Lock()
	s.setStatusLocked(seq, http.StatusNotFound)
	s.mu.Unlock()
	http.Error(w, `{"message":"404: Not Found","code":0}`, http.StatusNotFound)
}
