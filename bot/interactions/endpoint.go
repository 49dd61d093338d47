// Package interactions is the HTTP endpoint Discord posts interactions to:
// signatures verified, bodies, clients and connections bounded, answers
// given through package respond.
package interactions

import (
	"cmp"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot/respond"
)

// Config configures the HTTP interactions endpoint.
type Config struct {
	respond.Handling
	// PublicKey verifies Discord's signatures (see ParsePublicKey).
	PublicKey ed25519.PublicKey
	// Client reaches Discord's webhooks for deferred answers; nil means
	// discordgo's default. No bot token is needed.
	Client *http.Client
	// MaxBody bounds a request body; default 1 MiB.
	MaxBody int64
	// MaxAge bounds a signature timestamp's age; default 5 minutes.
	MaxAge time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Endpoint is the http.Handler Discord posts interactions to.
type Endpoint struct {
	cfg       Config
	responder *respond.Responder
}

const (
	defaultMaxBody = 1 << 20
	defaultMaxAge  = 5 * time.Minute
)

// New builds the endpoint.
func New(cfg Config) (*Endpoint, error) {
	if len(cfg.PublicKey) != ed25519.PublicKeySize {
		return nil, errors.New("interactions: a 32-byte public key is required")
	}
	if cfg.Dispatch == nil || cfg.Knowledge == nil {
		return nil, errors.New("interactions: Dispatch and Knowledge are required")
	}
	cfg.MaxBody = cmp.Or(cfg.MaxBody, defaultMaxBody)
	cfg.MaxAge = cmp.Or(cfg.MaxAge, defaultMaxAge)
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	// A session with no token: webhook edits are authorised by the
	// interaction token in their URL.
	s, err := discordgo.New("")
	if err != nil {
		return nil, err
	}
	if cfg.Client != nil {
		s.Client = cfg.Client
	}
	return &Endpoint{cfg: cfg, responder: respond.New(cfg.Handling, s)}, nil
}

func (h *Endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, err := verifiedBody(r, h.cfg.PublicKey, h.cfg.MaxBody, h.cfg.MaxAge, h.cfg.Now())
	var i discordgo.Interaction
	if err == nil {
		err = json.Unmarshal(body, &i)
	}
	if err != nil {
		rej := asRejection(err)
		h.responder.Metrics.Failed("http_" + rej.reason)
		// A body that never arrived is a client gone or stalled (one line
		// per connection of a flood): counted, and logged only for debugging.
		level := slog.LevelWarn
		if rej.reason == "unreadable_body" {
			level = slog.LevelDebug
		}
		h.responder.Logger.Log(r.Context(), level, "interaction rejected", "reason", rej.reason, "detail", rej.detail, "remote", r.RemoteAddr)
		http.Error(w, rej.reason, rej.status)
		return
	}
	if i.Type == discordgo.InteractionPing {
		writeInteractionResponse(w, respond.PongResponse())
		return
	}
	answered := false
	taken := h.responder.Respond(&i, func(first *discordgo.InteractionResponse) error {
		answered = true
		return writeInteractionResponse(w, first)
	})
	switch {
	case !taken:
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
	case !answered:
		http.Error(w, "unsupported interaction type", http.StatusBadRequest)
	}
}

// writeInteractionResponse answers in the HTTP reply: JSON, or multipart
// when the answer carries files.
func writeInteractionResponse(w http.ResponseWriter, resp *discordgo.InteractionResponse) error {
	contentType, body := "application/json", []byte(nil)
	var err error
	if resp.Data != nil && len(resp.Data.Files) > 0 {
		contentType, body, err = discordgo.MultipartBodyWithJSON(resp, resp.Data.Files)
	} else {
		body, err = json.Marshal(respond.WireBody(resp))
	}
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return err
	}
	w.Header().Set("Content-Type", contentType)
	_, err = w.Write(body)
	return err
}

// Drain stops taking interactions and waits, at most grace, for deferred
// answers still being delivered.
func (h *Endpoint) Drain(grace time.Duration) { h.responder.Drain(grace) }
