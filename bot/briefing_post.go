package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/knowledge/briefing"
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

// ScheduledBriefing renders a briefing as one message: as many pages of the
// /briefing view as fit Discord's limits (10 embeds, 6000 characters across
// them), and, when not every page fits, the whole briefing attached as a
// Markdown file.
func ScheduledBriefing(post schedule.Post) Response {
	b := post.Briefing
	v := briefingView(b)
	pages := v.layout()
	resp := Response{Content: "📰 **Daily briefing**"}
	var notes []string
	if post.Late() {
		resp.Content += fmt.Sprintf(" · ⏰ **Late**: due <t:%d:f>, posted after the bot was down", post.Due.Unix())
		notes = append(notes, "**Late:** this briefing was due at "+post.Due.Format(time.RFC3339)+" and is posted after downtime.")
	}
	total := 0
	for i, p := range pages {
		e := v.embed(p, i, len(pages))
		size := embedLen(e)
		if len(resp.Embeds) == maxEmbeds || total+size > maxEmbedsTotal {
			break
		}
		resp.Embeds = append(resp.Embeds, e)
		total += size
	}
	if len(resp.Embeds) < len(pages) {
		resp.Content += "\nThe full briefing is attached."
		resp.Files = []*discordgo.File{{
			Name: "briefing-" + fileDate(b.Generated) + ".md", ContentType: "text/markdown; charset=utf-8",
			Reader: strings.NewReader(briefing.Markdown(b, notes...)),
		}}
	}
	return resp
}

// embedLen counts an embed's text as Discord does for its 6000-character
// limit across a message's embeds.
func embedLen(e *discordgo.MessageEmbed) int {
	n := textLen(e.Title) + textLen(e.Description)
	if e.Footer != nil {
		n += textLen(e.Footer.Text)
	}
	if e.Author != nil {
		n += textLen(e.Author.Name)
	}
	for _, f := range e.Fields {
		n += textLen(f.Name) + textLen(f.Value)
	}
	return n
}

// fileDate is the day of an RFC 3339 stamp, for the attachment's name.
func fileDate(generated string) string {
	if len(generated) >= 10 && !strings.ContainsAny(generated[:10], `/\. `) {
		return generated[:10]
	}
	return "today"
}
