package schedule

import (
	"context"
	"errors"

	"briefbot/knowledge/briefing"
)

// Poster delivers a briefing to a channel. A retry of the same run passes
// the same nonce. It reports a failure that retrying cannot mend as a
// *Refusal; any other error is taken as transient (a 5xx, the network).
type Poster interface {
	PostBriefing(ctx context.Context, channelID string, b briefing.Briefing, nonce string) error
}

// Refusal is a post Discord refused for good.
type Refusal struct {
	// Reason says why, for people: it is shown in /subscriptions.
	Reason string
	// Pause is set when the channel is gone or the bot may not post in it:
	// the subscription is paused rather than failing every day.
	Pause bool
	Err   error
}

func (r *Refusal) Error() string {
	if r.Err == nil {
		return r.Reason
	}
	return r.Reason + ": " + r.Err.Error()
}

func (r *Refusal) Unwrap() error { return r.Err }

// refusal returns err as a *Refusal when it is one.
func refusal(err error) (*Refusal, bool) {
	var r *Refusal
	ok := errors.As(err, &r)
	return r, ok
}
