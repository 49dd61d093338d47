package respond

import (
	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
)

// noMentions is sent with every message: an empty parse list pings nobody,
// so a quoted "@everyone" or role mention in a document stays inert.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func messageFlags(ephemeral bool) discordgo.MessageFlags {
	if ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

// messageResponse is the immediate answer carrying resp: a new message
// (type 4), or for a button with resp.Update, the button's message replaced
// (type 7).
func messageResponse(resp bot.Response) *discordgo.InteractionResponse {
	kind := discordgo.InteractionResponseChannelMessageWithSource
	if resp.Update {
		kind = discordgo.InteractionResponseUpdateMessage
	}
	return &discordgo.InteractionResponse{
		Type: kind,
		Data: &discordgo.InteractionResponseData{
			Content:         resp.Content,
			Embeds:          resp.Embeds,
			Components:      resp.Components,
			Files:           resp.Files,
			Flags:           messageFlags(resp.Ephemeral),
			AllowedMentions: noMentions(),
		},
	}
}

// deferredResponse acknowledges an interaction whose answer comes later.
// A command gets a "thinking" message (type 5) whose ephemerality is fixed
// here, as an edit cannot change it; a button gets a silent acknowledgement
// (type 6), its answer then edits the button's message or follows up.
func deferredResponse(req bot.Request) *discordgo.InteractionResponse {
	if req.Kind == bot.Component {
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: messageFlags(deferEphemeral(req))},
	}
}

// deferEphemeral guesses, before the handler has answered, whether the answer
// will be ephemeral: answers are private unless the user asked for "public".
func deferEphemeral(req bot.Request) bool {
	return req.Options["public"] != "true"
}

// choicesResponse answers an autocomplete request (type 8).
func choicesResponse(resp bot.Response) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: resp.Choices},
	}
}

// autocompleteBody is an autocomplete answer as sent: discordgo omits an
// empty choice list, but Discord requires "choices", if only [].
type autocompleteBody struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data struct {
		Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	} `json:"data"`
}

// WireBody is what to send for r: r itself, except for autocomplete.
func WireBody(r *discordgo.InteractionResponse) any {
	if r.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		return r
	}
	var body autocompleteBody
	body.Type = r.Type
	body.Data.Choices = r.Data.Choices
	if body.Data.Choices == nil {
		body.Data.Choices = []*discordgo.ApplicationCommandOptionChoice{}
	}
	return body
}

// PongResponse answers Discord's PING on the HTTP endpoint.
func PongResponse() *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}
}

// originalEdit replaces the deferred "thinking" message with resp.
func originalEdit(resp bot.Response) *discordgo.WebhookEdit {
	embeds := resp.Embeds
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	components := resp.Components
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	return &discordgo.WebhookEdit{
		Content:         &resp.Content,
		Embeds:          &embeds,
		Components:      &components,
		Files:           resp.Files,
		AllowedMentions: noMentions(),
	}
}

// NewMessage is resp posted as a new message: a follow-up after a deferred
// button, or a channel post outside any interaction.
func NewMessage(resp bot.Response) *discordgo.WebhookParams {
	return &discordgo.WebhookParams{
		Content:         resp.Content,
		Embeds:          resp.Embeds,
		Components:      resp.Components,
		Files:           resp.Files,
		Flags:           messageFlags(resp.Ephemeral),
		AllowedMentions: noMentions(),
	}
}
