package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
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

// connect opens the websocket (resuming when the current session can),
// retrying with a doubling pause until it works, the close code is fatal,
// or ctx ends. The first attempt is immediate. After a failed attempt the
// session is dropped, so the next one identifies afresh: a session Discord
// has expired is never resumed in a loop.
func (g *Gateway) connect(ctx context.Context) error {
	delay := cmp.Or(g.cfg.ReconnectDelay, time.Second)
	var wait time.Duration
	for {
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
			return nil
		}
		if why, fatal := fatalClose(err); fatal {
			g.responder.Metrics.failed("gateway_fatal")
			return errors.New(why)
		}
		g.socket = nil
		g.responder.Metrics.failed("gateway_connect")
		g.responder.Logger.Error("gateway connect failed", "err", err, "retry_in", delay)
		wait, delay = delay, min(2*delay, maxReconnectDelay)
	}
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
