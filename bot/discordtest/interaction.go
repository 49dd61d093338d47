package discordtest

import (
	"fmt"
	"strconv"
	"sync/atomic"
	"testing"
)

// Ids the fake's interactions carry; each comes from a user of its own
// unless From says otherwise.
const (
	GuildID   = "200000000000000001"
	ChannelID = "200000000000000002"
)

// Interaction types and application command types, as Discord numbers them.
const (
	typeApplicationCommand = 2
	typeComponent          = 3
	typeAutocomplete       = 4
	commandChatInput       = 1
	commandMessage         = 3
)

// Option value types (application command option types).
const (
	OptionString  = 3
	OptionInteger = 4
	OptionBoolean = 5
	OptionUser    = 6
	OptionChannel = 7
	OptionRole    = 8
	OptionNumber  = 10
)

// Interaction is an INTERACTION_CREATE payload, as JSON-ready maps.
type Interaction map[string]any

var lastID atomic.Int64

func newInteraction(typ int, data map[string]any) Interaction {
	n := lastID.Add(1)
	return Interaction{
		"id": strconv.FormatInt(700000000000000000+n, 10), "token": fmt.Sprintf("token-%d", n),
		"application_id": AppID, "type": typ, "version": 1, "data": data,
		"guild_id": GuildID, "channel_id": ChannelID,
	}.From(strconv.FormatInt(600000000000000000+n, 10), 0)
}

// Option is one option of a command as Discord sends it.
func Option(name string, typ int, value any) map[string]any {
	return map[string]any{"name": name, "type": typ, "value": value}
}

// SlashCommand is a chat-input command invocation.
func SlashCommand(name string, options ...map[string]any) Interaction {
	return newInteraction(typeApplicationCommand, map[string]any{
		"id": "800000000000000001", "name": name, "type": commandChatInput, "options": options})
}

// Autocomplete is the user typing into option focused of command name.
func Autocomplete(name, focused, typed string, others ...map[string]any) Interaction {
	opt := Option(focused, OptionString, typed)
	opt["focused"] = true
	return newInteraction(typeAutocomplete, map[string]any{
		"id": "800000000000000001", "name": name, "type": commandChatInput,
		"options": append([]map[string]any{opt}, others...)})
}

// Button is a press on the button customID of a message the bot posted.
func Button(customID string) Interaction {
	i := newInteraction(typeComponent, map[string]any{"custom_id": customID, "component_type": 2})
	i["message"] = map[string]any{"id": "300000000000000001", "channel_id": ChannelID, "content": ""}
	return i
}

// TargetMessageID is the id of the message a MessageCommand is run on.
const TargetMessageID = "300000000000000009"

// MessageCommand is a context-menu command run on a message with content
// and attachments (see Attach).
func MessageCommand(name, content string, attachments ...map[string]any) Interaction {
	return newInteraction(typeApplicationCommand, map[string]any{
		"id": "800000000000000002", "name": name, "type": commandMessage, "target_id": TargetMessageID,
		"resolved": map[string]any{"messages": map[string]any{TargetMessageID: map[string]any{
			"id": TargetMessageID, "channel_id": ChannelID, "content": content, "attachments": attachments,
			"author": map[string]any{"id": "600000000000000002", "username": "someone"}}}}})
}

// From makes the interaction come from user with the given permission bits.
func (i Interaction) From(user string, permissions int64) Interaction {
	i["member"] = map[string]any{"permissions": strconv.FormatInt(permissions, 10),
		"user": map[string]any{"id": user, "username": "user-" + user}}
	return i
}

// ID is the interaction's id.
func (i Interaction) ID() string { return i["id"].(string) }

// Token is the interaction's token.
func (i Interaction) Token() string { return i["token"].(string) }

// Interact sends the interaction to the bot over the gateway.
func (s *Server) Interact(t testing.TB, i Interaction) {
	t.Helper()
	s.Dispatch(t, "INTERACTION_CREATE", i)
}
