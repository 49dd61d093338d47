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

// connect opens the session (resuming when discordgo kept a session id),
// retrying with a doubling pause until it works, the close code is fatal,
// or ctx ends. The first retry is immediate.
func (g *Gateway) connect(ctx context.Context) error {
	delay := cmp.Or(g.cfg.ReconnectDelay, time.Second)
	var wait time.Duration
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		err := g.session.Open()
		if err == nil || errors.Is(err, discordgo.ErrWSAlreadyOpen) {
			return nil
		}
		if why, fatal := fatalClose(err); fatal {
			g.responder.Metrics.failed("gateway_fatal")
			return errors.New(why)
		}
		g.responder.Metrics.failed("gateway_connect")
		g.responder.Logger.Error("gateway connect failed", "err", err, "retry_in", delay)
		wait, delay = delay, min(2*delay, maxReconnectDelay)
	}
}
