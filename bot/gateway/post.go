package gateway

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/bot/respond"
)

// postedMessage is a channel message with a nonce Discord enforces: a
// second POST with the same nonce (within minutes) returns the first message
// instead of creating another. discordgo's MessageSend has no such fields.
type postedMessage struct {
	*discordgo.WebhookParams
	Nonce        string `json:"nonce"`
	EnforceNonce bool   `json:"enforce_nonce"`
}

// Post sends resp to a channel outside any interaction (a scheduled
// briefing). It is never retried automatically, since a POST that failed
// with a 5xx may still have created the message; a caller that retries
// passes the same nonce (at most 25 characters), and Discord then keeps a
// single message.
func (g *Gateway) Post(ctx context.Context, channelID string, resp bot.Response, nonce string) (*discordgo.Message, error) {
	msg := respond.NewMessage(resp)
	msg.Flags = 0 // only interaction answers can be ephemeral
	body := postedMessage{WebhookParams: msg, Nonce: nonce, EnforceNonce: nonce != ""}
	endpoint := discordgo.EndpointChannelMessages(channelID)
	opts := []discordgo.RequestOption{discordgo.WithContext(ctx), discordgo.WithRestRetries(0)}

	var raw []byte
	var err error
	if len(msg.Files) > 0 {
		contentType, multipart, merr := discordgo.MultipartBodyWithJSON(body, msg.Files)
		if merr != nil {
			return nil, fmt.Errorf("posting to channel %s: %w", channelID, merr)
		}
		raw, err = g.rest.RequestRaw("POST", endpoint, contentType, multipart, endpoint, 0, opts...)
	} else {
		raw, err = g.rest.RequestWithBucketID("POST", endpoint, body, endpoint, opts...)
	}
	if err != nil {
		g.responder.Metrics.Failed("post")
		return nil, fmt.Errorf("posting to channel %s: %w", channelID, err)
	}
	var posted discordgo.Message
	if err := discordgo.Unmarshal(raw, &posted); err != nil {
		return nil, fmt.Errorf("posting to channel %s: reading reply: %w", channelID, err)
	}
	return &posted, nil
}
