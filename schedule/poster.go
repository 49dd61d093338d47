package schedule

import (
	"context"
	"errors"
	"time"

	"briefbot/knowledge/briefing"
)

// Poster delivers a briefing to a channel. It reports a failure that
// retrying cannot mend as a *Refusal; any other error is taken as transient
// (a 5xx, the network).
type Poster interface {
	PostBriefing(ctx context.Context, p Post) error
}

// Post is a briefing due in a channel. A retry of the same run carries the
// same Nonce. Due is when a briefing posted late (after downtime) was due,
// in the subscriber's timezone; zero when it goes out on time.
type Post struct {
	ChannelID string
	Briefing  briefing.Briefing
	Nonce     string
	Due       time.Time
}

// Late reports whether the briefing goes out after its time.
func (p Post) Late() bool { return !p.Due.IsZero() }

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
