package gateway

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// fatalCloseCodes are the gateway close codes after which reconnecting
// cannot help: the configuration must change first.
var fatalCloseCodes = map[int]string{
	4004: "authentication failed (check the bot token)",
	4010: "invalid shard",
	4011: "sharding required",
	4012: "invalid API version",
	4013: "invalid intents",
	4014: "disallowed intents",
}

// fatalClose explains err when it is a close frame that forbids retrying.
func fatalClose(err error) (string, bool) {
	var ce *websocket.CloseError
	if !errors.As(err, &ce) {
		return "", false
	}
	why, fatal := fatalCloseCodes[ce.Code]
	return fmt.Sprintf("gateway closed with %d: %s", ce.Code, why), fatal
}

// errOpenTimeout reports a connection attempt abandoned by openWithin.
var errOpenTimeout = errors.New("gateway: connection attempt timed out")

// defaultGiveUpAfter bounds the connection attempts of a gateway whose
// token Discord never accepted: a wrong token with no network to tell, or
// no network at all, ends with a message instead of retrying forever.
const defaultGiveUpAfter = 5 * time.Minute

// connect opens the websocket (resuming when the current session can),
// retrying with a doubling pause until it works, the close code is fatal,
// ctx ends, or, when no connection ever succeeded, GiveUpAfter has passed.
// The first attempt is immediate. After a failed attempt the session is
// dropped, so the next one identifies afresh: a session Discord has
// expired is never resumed in a loop.
func (g *Gateway) connect(ctx context.Context) error {
	delay := cmp.Or(g.cfg.ReconnectDelay, time.Second)
	giveUp := cmp.Or(g.cfg.GiveUpAfter, defaultGiveUpAfter)
	start := time.Now()
	var wait time.Duration
	for attempt := 1; ; attempt++ {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		if g.socket == nil {
			g.socket = g.newSocket()
		}
		err := openWithin(g.socket, cmp.Or(g.cfg.OpenTimeout, defaultOpenTimeout))
		if err == nil || errors.Is(err, discordgo.ErrWSAlreadyOpen) {
			g.accepted = true
			return nil
		}
		if why, fatal := fatalClose(err); fatal {
			g.responder.Metrics.Failed("gateway_fatal")
			return errors.New(why)
		}
		g.socket = nil
		g.responder.Metrics.Failed("gateway_connect")
		reason := connectFailure(err)
		if !g.accepted && time.Since(start)+delay > giveUp {
			return fmt.Errorf("gateway: gave up connecting to Discord after %s and %d attempts: %s (%v); "+
				"Discord never accepted the bot token: check the network, and DISCORD_TOKEN or --token",
				time.Since(start).Round(time.Second), attempt, reason, err)
		}
		attrs := []any{"reason", reason, "err", err, "attempt", attempt, "retry_in", delay.String()}
		if !g.accepted {
			attrs = append(attrs, "gives_up_at", start.Add(giveUp).UTC().Format(time.RFC3339))
		}
		g.responder.Logger.Error("gateway: cannot connect to Discord, retrying", attrs...)
		wait, delay = delay, min(2*delay, maxReconnectDelay)
	}
}

// connectFailure says in words why a connection attempt failed.
func connectFailure(err error) string {
	var dns *net.DNSError
	var op *net.OpError
	var closed *websocket.CloseError
	var rest *discordgo.RESTError
	switch {
	case errors.Is(err, errOpenTimeout):
		return "Discord did not answer in time"
	case errors.As(err, &dns):
		return "Discord's address cannot be resolved (no network or no DNS)"
	case errors.As(err, &op):
		return "Discord cannot be reached (no network, or a firewall)"
	case errors.As(err, &closed):
		return fmt.Sprintf("Discord closed the connection (%d)", closed.Code)
	case errors.As(err, &rest) && rest.Response != nil:
		return fmt.Sprintf("Discord answered HTTP %d", rest.Response.StatusCode)
	}
	return "the connection failed"
}

// openWithin opens s, giving up after timeout. discordgo deadlocks inside
// Open when Discord answers a RESUME with INVALID_SESSION (Open holds the
// session lock its invalid-session handling takes), so a stuck attempt is
// abandoned with its session; that goroutine stays blocked. An attempt that
// succeeds after all is closed, so that two sessions never both serve.
func openWithin(s *discordgo.Session, timeout time.Duration) error {
	done := make(chan error, 1)
	go func() { done <- s.Open() }()
	select {
	case err := <-done:
		return err
	case <-time.After(timeout):
		go func() {
			if <-done == nil {
				_ = s.Close()
			}
		}()
		return errOpenTimeout
	}
}
