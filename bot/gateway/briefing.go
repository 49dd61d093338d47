package gateway

import (
	"context"
	"errors"
	"net/http"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/bot/render"
	"briefbot/schedule"
)

// BriefingPoster posts scheduled briefings through the gateway's session,
// with Discord's enforced nonce and no automatic retry (Gateway.Post): the
// scheduler decides about retries and passes the same nonce each time.
type BriefingPoster struct {
	Gateway *Gateway
}

var _ schedule.Poster = BriefingPoster{}

// PostBriefing implements schedule.Poster.
func (p BriefingPoster) PostBriefing(ctx context.Context, post schedule.Post) error {
	_, err := p.Gateway.Post(ctx, post.ChannelID, ScheduledBriefing(post), post.Nonce)
	return classifyPostError(err)
}

// The Discord error codes that mean the bot can no longer post in a
// channel: the subscription is paused rather than retried daily.
const (
	codeUnknownChannel     = 10003
	codeMissingAccess      = 50001
	codeMissingPermissions = 50013
)

// classifyPostError turns Discord's refusals into *schedule.Refusal: a gone
// channel or a missing permission pauses the subscription; another 4xx
// (other than 429) fails this run only. Everything else (5xx, 429, the
// network) is left as a transient error for the scheduler to retry.
func classifyPostError(err error) error {
	var rest *discordgo.RESTError
	if err == nil || !errors.As(err, &rest) || rest.Response == nil {
		return err
	}
	code := 0
	if rest.Message != nil {
		code = rest.Message.Code
	}
	status := rest.Response.StatusCode
	switch {
	case code == codeUnknownChannel || (code == 0 && status == http.StatusNotFound):
		return &schedule.Refusal{Reason: "the channel no longer exists (Discord: Unknown Channel)", Pause: true, Err: err}
	case code == codeMissingAccess:
		return &schedule.Refusal{Reason: "the bot cannot see the channel (Discord: Missing Access)", Pause: true, Err: err}
	case code == codeMissingPermissions || (code == 0 && status == http.StatusForbidden):
		return &schedule.Refusal{Reason: "the bot may not post in the channel (Discord: Missing Permissions)", Pause: true, Err: err}
	case status >= 400 && status < 500 && status != http.StatusTooManyRequests:
		return &schedule.Refusal{Reason: "Discord refused the message", Err: err}
	}
	return err
}

// ScheduledBriefing is a briefing as the scheduler posts it (see
// render.BriefingPost).
func ScheduledBriefing(post schedule.Post) bot.Response {
	content, embeds, files := render.BriefingPost(post.Briefing, post.Due)
	return bot.Response{Content: content, Embeds: embeds, Files: files}
}
