// Package bot is briefbot's command model: a Handler takes a Request and
// returns a Response, a Router finds the command a request names, and
// Middleware wraps handlers the way net/http handlers wrap one another.
// Only the transports (gateway, interactions, console) talk to Discord.
package bot

import (
	"context"

	"github.com/bwmarrin/discordgo"

	"briefbot/knowledge"
)

// RequestKind says what the user did.
type RequestKind int

// The kinds of request a handler can receive.
const (
	SlashCommand   RequestKind = iota // a slash command was run
	Autocomplete                      // an option is being typed
	Component                         // a button was pressed
	MessageCommand                    // a message context-menu command was run
)

// Request is one user interaction, independent of the transport.
type Request struct {
	Kind RequestKind
	// Name is the command's name; for a Component, the command that made
	// the message, with the button's action in Action.
	Name   string
	Action string
	// Subcommand is the subcommand chosen, for a command that has them.
	Subcommand string
	// Options holds option values as text, by option name.
	Options map[string]string
	// Focused is the option being typed, for Autocomplete.
	Focused string
	// TargetText is the content of the message a MessageCommand was run on.
	TargetText string
	// TargetMessageID and TargetAttachments are that message's id and the
	// files attached to it.
	TargetMessageID   string
	TargetAttachments []Attachment
	// CustomID is the custom id of the button pressed, for a Component.
	// The route fills Name, Action and Options from it.
	CustomID string

	InteractionID string
	UserID        string
	GuildID       string
	ChannelID     string
	// CanManageGuild reports the Manage Server permission of the user.
	CanManageGuild bool
}

// Attachment is a file attached to a message.
type Attachment struct {
	Filename    string
	URL         string
	ContentType string
	Size        int
}

// Response is what a handler answers. Transports turn it into an
// interaction response, a webhook edit, or console text, always with
// mentions disabled, so that text quoted from a document pings nobody.
type Response struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Files      []*discordgo.File
	// Ephemeral answers are seen only by the user who asked.
	Ephemeral bool
	// Choices answer an Autocomplete request.
	Choices []*discordgo.ApplicationCommandOptionChoice
	// Update replaces the message a button was on (a "More" page) instead
	// of posting a new message.
	Update bool

	// Refused is the outcome a refusal is counted under (rate_limited,
	// busy), set by the serving middleware that refused; empty for an
	// answer.
	Refused string
}

// Handler answers one request from the knowledge base kb.
type Handler func(ctx context.Context, kb *knowledge.Base, req Request) Response

// Command is one command: how Discord registers it and how it is answered.
type Command struct {
	Spec *discordgo.ApplicationCommand
	// Handle answers SlashCommand, MessageCommand and Component requests.
	Handle Handler
	// Complete answers Autocomplete requests; nil when no option completes.
	Complete Handler
}
