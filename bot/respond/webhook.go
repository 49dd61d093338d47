package respond

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot/render"
)

// webhooks delivers deferred answers through interaction webhooks.
// discordgo files every webhook edit under one rate-limit bucket, behind a
// lock that ignores the request's context, so with Discord slow the answers
// of different interactions would go out one at a time and miss their
// deadlines. Discord limits webhooks per route and per token (the "major
// parameter"); these follow the buckets Discord names in its replies
// (X-RateLimit-Bucket), so that answers to different interactions go out
// in parallel and a request's deadline covers its wait for a bucket.
type webhooks struct {
	client    *http.Client
	userAgent string
	limits    *routeLimits
}

func newWebhooks(client *http.Client, userAgent string) *webhooks {
	return &webhooks{client: client, userAgent: userAgent, limits: newRouteLimits(time.Now)}
}

// The routes a deferred answer uses, for the rate limits: their token is the
// major parameter.
const (
	routeEditOriginal = "PATCH /webhooks/{app}/{token}/messages/@original"
	routeFollowUp     = "POST /webhooks/{app}/{token}"
)

// editOriginal replaces the interaction's deferred message.
func (w *webhooks) editOriginal(ctx context.Context, i *discordgo.Interaction, edit *discordgo.WebhookEdit) error {
	return w.send(ctx, http.MethodPatch, routeEditOriginal, i, discordgo.EndpointWebhookMessage(i.AppID, i.Token, "@original"), edit, edit.Files)
}

// followUp posts a new message after the interaction. A 429 is retried
// (Discord did not create the message), any other failure is not, so that
// a lost reply cannot become a duplicate.
func (w *webhooks) followUp(ctx context.Context, i *discordgo.Interaction, params *discordgo.WebhookParams) error {
	return w.send(ctx, http.MethodPost, routeFollowUp, i, discordgo.EndpointWebhookToken(i.AppID, i.Token)+"?wait=true", params, params.Files)
}

// maxRateLimitRetries bounds the retries after a 429; the deadline of ctx
// bounds them too.
const maxRateLimitRetries = 3

// send makes one webhook request, waiting for its bucket first. Its errors
// never carry the URL: it holds the interaction token, which lets anyone
// who reads it edit the answer for fifteen minutes.
func (w *webhooks) send(ctx context.Context, method, route string, i *discordgo.Interaction, endpoint string, payload any, files []*discordgo.File) error {
	contentType, body := "application/json", []byte(nil)
	var err error
	if len(files) > 0 {
		contentType, body, err = discordgo.MultipartBodyWithJSON(payload, files)
	} else {
		body, err = json.Marshal(payload)
	}
	if err != nil {
		return fmt.Errorf("%s: encoding: %w", route, err)
	}
	major := i.AppID + "/" + i.Token
	for attempt := 0; ; attempt++ {
		if err := w.limits.wait(ctx, route, major); err != nil {
			return fmt.Errorf("%s: %w", route, err)
		}
		req, err := http.NewRequestWithContext(ctx, method, endpoint, bytes.NewReader(body))
		if err != nil {
			return fmt.Errorf("%s: %w", route, withoutURL(err))
		}
		req.Header.Set("Content-Type", contentType)
		req.Header.Set("User-Agent", w.userAgent)
		resp, err := w.client.Do(req)
		if err != nil {
			return fmt.Errorf("%s: %w", route, withoutURL(err))
		}
		reply, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		w.limits.update(route, major, resp.StatusCode, resp.Header)
		switch {
		case resp.StatusCode == http.StatusTooManyRequests && attempt < maxRateLimitRetries:
			continue
		case resp.StatusCode >= 300:
			return fmt.Errorf("%s: HTTP %d: %s", route, resp.StatusCode, discordMessage(reply))
		}
		return nil
	}
}

// withoutURL unwraps a client error from the url.Error that names the URL.
func withoutURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// discordMessage is the message of a Discord error body, or its start.
func discordMessage(body []byte) string {
	var e struct {
		Message string `json:"message"`
		Code    int    `json:"code"`
	}
	if json.Unmarshal(body, &e) == nil && e.Message != "" {
		return fmt.Sprintf("%s (code %d)", e.Message, e.Code)
	}
	return render.Truncate(string(body), 200)
}

// routeLimits tracks Discord's rate-limit buckets. A route is mapped to the
// bucket Discord names for it once a reply has said so; a bucket's state
// is kept per major parameter.
type routeLimits struct {
	now func() time.Time

	mu      sync.Mutex
	named   map[string]string       // route -> X-RateLimit-Bucket
	buckets map[string]*routeBucket // bucket (or route) + major parameter
	global  time.Time               // every request waits until then
}

type routeBucket struct {
	remaining int
	reset     time.Time
}

// maxBuckets bounds the buckets remembered: each interaction token makes
// its own, and those whose window has passed are forgotten beyond this.
const maxBuckets = 4096

func newRouteLimits(now func() time.Time) *routeLimits {
	return &routeLimits{now: now, named: map[string]string{}, buckets: map[string]*routeBucket{}}
}

func (l *routeLimits) keyLocked(route, major string) string {
	if b, ok := l.named[route]; ok {
		return b + " " + major
	}
	return route + " " + major
}

// errPastDeadline: the bucket frees only after the request's deadline.
var errPastDeadline = errors.New("rate limited until after the deadline")

// wait blocks until a request on route may go, taking one from its bucket.
// It fails at once when the bucket frees only after ctx's deadline.
func (l *routeLimits) wait(ctx context.Context, route, major string) error {
	for {
		l.mu.Lock()
		now := l.now()
		until := l.global
		b := l.buckets[l.keyLocked(route, major)]
		if b != nil && b.remaining <= 0 && b.reset.After(until) {
			until = b.reset
		}
		if !until.After(now) {
			if b != nil {
				if !b.reset.After(now) {
					delete(l.buckets, l.keyLocked(route, major)) // a new window
				} else {
					b.remaining--
				}
			}
			l.mu.Unlock()
			return nil
		}
		l.mu.Unlock()
		if deadline, ok := ctx.Deadline(); ok && deadline.Before(until) {
			return errPastDeadline
		}
		timer := time.NewTimer(until.Sub(now))
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-timer.C:
		}
	}
}

// update reads the rate-limit headers of a reply to route.
func (l *routeLimits) update(route, major string, status int, h http.Header) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if name := h.Get("X-RateLimit-Bucket"); name != "" {
		l.named[route] = name
	}
	if status == http.StatusTooManyRequests {
		retry := now.Add(seconds(h.Get("Retry-After")))
		if h.Get("X-RateLimit-Global") == "true" {
			l.global = retry
			return
		}
		l.put(l.keyLocked(route, major), &routeBucket{remaining: 0, reset: retry}, now)
		return
	}
	remaining, err := strconv.Atoi(h.Get("X-RateLimit-Remaining"))
	if err != nil {
		return
	}
	l.put(l.keyLocked(route, major), &routeBucket{remaining: remaining, reset: now.Add(seconds(h.Get("X-RateLimit-Reset-After")))}, now)
}

// put records a bucket, forgetting those whose window has passed when
// there are too many.
func (l *routeLimits) put(key string, b *routeBucket, now time.Time) {
	if len(l.buckets) >= maxBuckets {
		for k, old := range l.buckets {
			if !old.reset.After(now) {
				delete(l.buckets, k)
			}
		}
	}
	if len(l.buckets) < maxBuckets || l.buckets[key] != nil {
		l.buckets[key] = b
	}
}

// seconds reads a header holding seconds, possibly fractional.
func seconds(v string) time.Duration {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 {
		return 0
	}
	return time.Duration(f * float64(time.Second))
}
