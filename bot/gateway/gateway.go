// Package gateway serves the commands over Discord's gateway, one discordgo
// websocket session per shard: it registers the commands, reconnects, and
// posts scheduled briefings over REST.
package gateway

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"briefbot/bot"
	"briefbot/bot/respond"
	"briefbot/schedule"
)

// Config configures the gateway transport.
type Config struct {
	respond.Handling
	// Token is the bot token, with or without its "Bot " prefix.
	Token string
	// ApplicationID is the application the commands belong to; when empty,
	// the one READY reports.
	ApplicationID string
	// GuildID, when set, registers the commands in that guild only, where
	// they appear at once (for development); otherwise globally.
	GuildID string
	// Commands are registered by bulk overwrite when the gateway starts.
	Commands []bot.Command
	// Client and Dialer reach Discord; nil means discordgo's defaults.
	// Tests point them at a fake.
	Client *http.Client
	Dialer *websocket.Dialer
	// ReconnectDelay is the first pause between failed reconnects, doubled
	// up to two minutes; default one second.
	ReconnectDelay time.Duration
	// OpenTimeout bounds one connection attempt (see openWithin); default 10 s.
	OpenTimeout time.Duration
	// GiveUpAfter bounds how long the gateway keeps trying to connect
	// while Discord has never accepted the token; default five minutes.
	// Once it has, reconnects go on until they succeed.
	GiveUpAfter time.Duration
	// ShutdownGrace bounds how long shutdown waits for answers in flight;
	// default 10 s.
	ShutdownGrace time.Duration
	// Shard is the gateway shard this session identifies as; the zero
	// Shard runs unsharded. Only shard 0 registers the commands, once for
	// the whole bot.
	Shard schedule.Shard
}

// Gateway serves commands over a discordgo websocket session.
type Gateway struct {
	cfg   Config
	token string
	// rest makes every REST call (registration, answers, posts); it never
	// opens a websocket, so it outlives the websocket sessions.
	rest *discordgo.Session
	// socket is the current websocket session; only Run's goroutine
	// touches it. nil means the next connection identifies afresh.
	socket       *discordgo.Session
	responder    *respond.Responder
	ready        chan *discordgo.Ready
	disconnected chan struct{}
	// accepted is set once a connection succeeded: the token is good, and
	// a later outage is waited out however long it lasts.
	accepted bool
}

const (
	defaultOpenTimeout = 10 * time.Second
	maxReconnectDelay  = 2 * time.Minute
)

// New prepares the transport; Run connects it.
func New(cfg Config) (*Gateway, error) {
	if cfg.Token == "" {
		return nil, errors.New("gateway: no bot token")
	}
	if cfg.Dispatch == nil || cfg.Knowledge == nil {
		return nil, errors.New("gateway: Dispatch and Knowledge are required")
	}
	token := cfg.Token
	if !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	g := &Gateway{
		cfg:          cfg,
		token:        token,
		ready:        make(chan *discordgo.Ready, 1),
		disconnected: make(chan struct{}, 1),
	}
	g.rest = g.newSession()
	g.responder = respond.New(cfg.Handling, g.rest)
	return g, nil
}

// newSession is a discordgo session with the configured token and transport.
func (g *Gateway) newSession() *discordgo.Session {
	s, _ := discordgo.New(g.token) // New never fails
	if g.cfg.Client != nil {
		s.Client = g.cfg.Client
	}
	if g.cfg.Dialer != nil {
		s.Dialer = g.cfg.Dialer
	}
	return s
}

// newSocket is a websocket session that will IDENTIFY when opened.
func (g *Gateway) newSocket() *discordgo.Session {
	s := g.newSession()
	// Slash commands, autocomplete and buttons arrive with no intent at all.
	s.Identify.Intents = discordgo.IntentsNone
	if g.cfg.Shard.Sharded() {
		s.ShardID, s.ShardCount = g.cfg.Shard.ID, g.cfg.Shard.Count
	}
	s.StateEnabled = false
	// Reconnects are ours: discordgo's own loop never looks at close codes
	// and would retry a revoked token forever.
	s.ShouldReconnectOnError = false
	s.AddHandler(g.onInteraction)
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { signal(g.ready, r) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) { signal(g.disconnected, struct{}{}) })
	return s
}

// signal sends v unless a value is already waiting.
func signal[T any](ch chan T, v T) {
	select {
	case ch <- v:
	default:
	}
}

// Run connects, registers the commands and serves until ctx is cancelled
// (then finishes the answers in flight and closes the session, returning
// nil) or Discord refuses the bot for good (returning why).
func (g *Gateway) Run(ctx context.Context) error {
	err := g.serve(ctx)
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return nil
	}
	return err
}

func (g *Gateway) serve(ctx context.Context) error {
	log := g.responder.Logger
	if err := g.connect(ctx); err != nil {
		return err
	}
	defer g.close()

	appID, err := g.applicationID(ctx)
	if err != nil {
		return err
	}
	if g.cfg.Shard.ID == 0 {
		if err := g.register(ctx, appID); err != nil {
			return err
		}
	}
	log.Info("gateway serving", "application", appID, "guild", g.cfg.GuildID, "commands", len(g.cfg.Commands),
		"shard", g.cfg.Shard.ID, "shards", max(g.cfg.Shard.Count, 1))

	for {
		select {
		case <-ctx.Done():
			return nil
		case <-g.disconnected:
			log.Warn("gateway disconnected, reconnecting")
			if err := g.connect(ctx); err != nil {
				return err
			}
			g.responder.Metrics.Reconnected()
		}
	}
}

// close finishes the answers in flight, then closes the session.
func (g *Gateway) close() {
	g.responder.Drain(cmp.Or(g.cfg.ShutdownGrace, respond.DefaultShutdownGrace))
	if g.socket == nil {
		return
	}
	if err := g.socket.Close(); err != nil {
		g.responder.Logger.Warn("closing gateway session", "err", err)
	}
}

// applicationID is the configured application, or the one READY announced.
func (g *Gateway) applicationID(ctx context.Context) (string, error) {
	if g.cfg.ApplicationID != "" {
		return g.cfg.ApplicationID, nil
	}
	select {
	case r := <-g.ready:
		if r.Application == nil || r.Application.ID == "" {
			return "", errors.New("gateway: READY carried no application id; set the application id")
		}
		return r.Application.ID, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// register replaces the application's commands with ours in one request.
func (g *Gateway) register(ctx context.Context, appID string) error {
	specs := make([]*discordgo.ApplicationCommand, 0, len(g.cfg.Commands))
	for _, c := range g.cfg.Commands {
		specs = append(specs, c.Spec)
	}
	_, err := g.rest.ApplicationCommandBulkOverwrite(appID, g.cfg.GuildID, specs, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("gateway: registering commands: %w", err)
	}
	return nil
}

func (g *Gateway) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	taken := g.responder.Respond(ic.Interaction, func(first *discordgo.InteractionResponse) error {
		if first.Data != nil && len(first.Data.Files) > 0 {
			return g.rest.InteractionRespond(ic.Interaction, first) // multipart
		}
		endpoint := discordgo.EndpointInteractionResponse(ic.ID, ic.Token)
		_, err := g.rest.RequestWithBucketID("POST", endpoint, respond.WireBody(first), endpoint)
		return err
	})
	if !taken {
		g.responder.Logger.Info("shutting down, interaction ignored", "interaction", ic.ID)
	}
}
