package bottest

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"briefbot/bot/discordtest"
	"briefbot/bot/interactions"
	"briefbot/bot/respond"
)

// Endpoint is an HTTP interactions endpoint under test, with its signing key.
type Endpoint struct {
	t        testing.TB
	Private  ed25519.PrivateKey
	Server   http.Handler // the listener's mux
	Fake     *discordtest.Server
	Metrics  *respond.Metrics
	Endpoint *interactions.Endpoint
}

// EndpointOption changes the configuration NewEndpoint uses.
type EndpointOption func(*interactions.Config)

// WithLogger logs to l.
func WithLogger(l *slog.Logger) EndpointOption {
	return func(c *interactions.Config) { c.Logger = l }
}

// NewEndpoint is an endpoint over Commands, answering through a fake
// Discord.
func NewEndpoint(t testing.TB, opts ...EndpointOption) *Endpoint {
	public, private, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	fake := discordtest.New(t)
	metrics := respond.NewMetrics()
	key, err := interactions.ParsePublicKey(hex.EncodeToString(public))
	if err != nil {
		t.Fatal(err)
	}
	cfg := interactions.Config{
		Handling:  respond.Handling{Dispatch: Dispatch(), Knowledge: NoKnowledge, Metrics: metrics, AckWithin: AckWithin},
		PublicKey: key, Client: fake.Client(), MaxBody: 4096,
	}
	for _, o := range opts {
		o(&cfg)
	}
	inter, err := interactions.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &Endpoint{t: t, Private: private, Server: interactions.Mux(inter, metrics), Fake: fake, Metrics: metrics, Endpoint: inter}
}

// Post signs body as Discord does, with a timestamp at the given offset from
// now, and returns the reply.
func (e *Endpoint) Post(body []byte, age time.Duration, key ed25519.PrivateKey) *httptest.ResponseRecorder {
	stamp := strconv.FormatInt(time.Now().Add(-age).Unix(), 10)
	sig := ed25519.Sign(key, append([]byte(stamp), body...))
	req := httptest.NewRequest("POST", "/interactions", bytes.NewReader(body))
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
	req.Header.Set("X-Signature-Timestamp", stamp)
	rec := httptest.NewRecorder()
	e.Server.ServeHTTP(rec, req)
	return rec
}

// Interact posts interaction i, signed.
func (e *Endpoint) Interact(i any) *httptest.ResponseRecorder {
	body, err := json.Marshal(i)
	if err != nil {
		e.t.Fatal(err)
	}
	return e.Post(body, 0, e.Private)
}
