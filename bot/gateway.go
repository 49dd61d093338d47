package bot

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
)

// GatewayConfig configures the gateway transport.
type GatewayConfig struct {
	Handling
	// Token is the bot token, with or without its "Bot " prefix.
	Token string
	// ApplicationID is the application the commands belong to; when empty,
	// the one READY reports.
	ApplicationID string
	// GuildID, when set, registers the commands in that guild only, where
	// they appear at once (for development); otherwise globally.
	GuildID string
	// Commands are registered by bulk overwrite when the gateway starts.
	Commands []Command
	// Client and Dialer reach Discord; nil means discordgo's defaults.
	// Tests point them at a fake.
	Client *http.Client
	Dialer *websocket.Dialer
	// ReconnectDelay is the first pause between failed reconnects, doubled
	// up to two minutes; default one second.
	ReconnectDelay time.Duration
	// ShutdownGrace bounds how long shutdown waits for answers in flight;
	// default 10 s.
	ShutdownGrace time.Duration
}

// Gateway serves commands over a discordgo websocket session.
type Gateway struct {
	cfg          GatewayConfig
	session      *discordgo.Session
	responder    *responder
	ready        chan *discordgo.Ready
	disconnected chan struct{}
}

const (
	defaultShutdownGrace = 10 * time.Second
	maxReconnectDelay    = 2 * time.Minute
)

// NewGateway prepares a session; Run connects it.
func NewGateway(cfg GatewayConfig) (*Gateway, error) {
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
	s, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("gateway: %w", err)
	}
	if cfg.Client != nil {
		s.Client = cfg.Client
	}
	if cfg.Dialer != nil {
		s.Dialer = cfg.Dialer
	}
	// Slash commands, autocomplete and buttons arrive with no intent at all.
	s.Identify.Intents = discordgo.IntentsNone
	s.StateEnabled = false
	// Reconnects are ours: discordgo's own loop never looks at close codes
	// and would retry a revoked token forever.
	s.ShouldReconnectOnError = false

	g := &Gateway{
		cfg:          cfg,
		session:      s,
		responder:    newResponder(cfg.Handling, s),
		ready:        make(chan *discordgo.Ready, 1),
		disconnected: make(chan struct{}, 1),
	}
	s.AddHandler(g.onInteraction)
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { signal(g.ready, r) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) { signal(g.disconnected, struct{}{}) })
	return g, nil
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
	if err := g.register(ctx, appID); err != nil {
		return err
	}
	log.Info("gateway serving", "application", appID, "guild", g.cfg.GuildID, "commands", len(g.cfg.Commands))

	for {
		select {
		case <-ctx.Done():
			return nil
		case <-g.disconnected:
			log.Warn("gateway disconnected, reconnecting")
			if err := g.connect(ctx); err != nil {
				return err
			}
			g.responder.Metrics.reconnected()
		}
	}
}

// close finishes the answers in flight, then closes the session.
func (g *Gateway) close() {
	g.responder.drain(cmp.Or(g.cfg.ShutdownGrace, defaultShutdownGrace))
	if err := g.session.Close(); err != nil {
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
	_, err := g.session.ApplicationCommandBulkOverwrite(appID, g.cfg.GuildID, specs, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("gateway: registering commands: %w", err)
	}
	return nil
}

func (g *Gateway) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	taken := g.responder.respond(ic.Interaction, func(first *discordgo.InteractionResponse) error {
		if first.Data != nil && len(first.Data.Files) > 0 {
			return s.InteractionRespond(ic.Interaction, first) // multipart
		}
		endpoint := discordgo.EndpointInteractionResponse(ic.ID, ic.Token)
		_, err := s.RequestWithBucketID("POST", endpoint, wireBody(first), endpoint)
		return err
	})
	if !taken {
		g.responder.Logger.Info("shutting down, interaction ignored", "interaction", ic.ID)
	}
}
