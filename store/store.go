// Package store keeps what the bot must remember across restarts: briefing
// subscriptions, the runs that posted them, when each document was first
// seen, the documents ingested, handled interactions, followed feeds and
// the options of paged answers. Store is the contract, one interface per
// concern; the sqlite and postgres packages implement it and pass the same
// suite, storetest.Run.
package store

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned for a subscription that does not exist (or belongs
// to another guild).
var ErrNotFound = errors.New("subscription not found")

// Subscription is a daily briefing posted to one channel at a local time.
type Subscription struct {
	ID        int64
	GuildID   string
	ChannelID string
	// Time is the local time of day, "HH:MM" (24-hour clock).
	Time string
	// Timezone is an IANA zone name such as "Europe/London".
	Timezone string
	// Actor limits the briefing to one actor; empty for all.
	Actor     string
	CreatedBy string
	CreatedAt time.Time
	// PausedReason says why posting stopped (a deleted channel, a missing
	// permission); empty while the subscription is active.
	PausedReason string
	PausedAt     time.Time
}

// Paused reports whether the subscription is paused.
func (s Subscription) Paused() bool { return s.PausedReason != "" }

// Outcome is how a run ended.
type Outcome string

// The outcomes of a finished run.
const (
	Posted Outcome = "posted" // posted on time
	Late   Outcome = "late"   // posted late, within the grace window
	Missed Outcome = "missed" // too late to post: logged and skipped
	Failed Outcome = "failed" // Discord refused the post for good
)

// Run is one subscription's briefing for one local date.
type Run struct {
	SubscriptionID int64
	LocalDate      string // YYYY-MM-DD in the subscription's timezone
	ClaimedAt      time.Time
	FinishedAt     time.Time // zero while the run is claimed but unfinished
	Outcome        Outcome
	// Attempts counts the claims taken, more than one when a claim left by
	// a dead process was taken over after its lease.
	Attempts int
}

// SeenDocument records when a document was first seen, and when its
// content last changed (equal to FirstSeen until it changes).
type SeenDocument struct {
	ID        string
	Hash      string
	FirstSeen time.Time
	ChangedAt time.Time
}

// Store is the bot's persistent memory, every concern at once: what a
// process serving the bot opens, and what each implementation passes
// storetest.Run with. Code that uses a few of its methods declares an
// interface of those. Implementations are safe for concurrent use, also by
// several processes sharing one database: ClaimRun is the only guard
// against posting a briefing twice.
type Store interface {
	Subscriptions
	Runs
	Seen
	Library
	Interactions
	FeedStore
	AnswerPages

	Close() error
}

// Subscriptions keeps the daily briefings asked for.
type Subscriptions interface {
	// AddSubscription stores s (its ID and CreatedAt are assigned) and
	// returns it as stored.
	AddSubscription(ctx context.Context, s Subscription) (Subscription, error)
	// Subscriptions lists a guild's subscriptions, or every one when
	// guildID is empty, oldest first.
	Subscriptions(ctx context.Context, guildID string) ([]Subscription, error)
	// Subscription returns one subscription, or ErrNotFound.
	Subscription(ctx context.Context, id int64) (Subscription, error)
	// DeleteSubscription deletes a guild's subscription and its runs, or
	// returns ErrNotFound.
	DeleteSubscription(ctx context.Context, guildID string, id int64) error
	// PauseSubscription stops posting, remembering why.
	PauseSubscription(ctx context.Context, id int64, reason string, at time.Time) error
	// ResumeSubscription clears a pause.
	ResumeSubscription(ctx context.Context, id int64) error
}

// Runs keeps the briefings posted, one run per subscription and local date.
type Runs interface {
	// ClaimRun takes the run of (subscription, local date) for the caller
	// until now+lease. It returns false when the run is finished, or held
	// by another claim whose lease has not expired: exactly one caller
	// posts each briefing, and a claim left by a crashed process can be
	// taken over once its lease has run out.
	ClaimRun(ctx context.Context, subscriptionID int64, localDate string, now time.Time, lease time.Duration) (bool, error)
	// FinishRun marks a claimed run done with its outcome.
	FinishRun(ctx context.Context, subscriptionID int64, localDate string, outcome Outcome, now time.Time) error
	// ReleaseRun gives up an unfinished claim so that the run is tried
	// again (after transient failures).
	ReleaseRun(ctx context.Context, subscriptionID int64, localDate string) error
	// LastRun returns the subscription's latest finished run with the
	// given outcomes (any outcome when none are given).
	LastRun(ctx context.Context, subscriptionID int64, outcomes ...Outcome) (Run, bool, error)
}

// Seen keeps when each document served was first seen and last changed.
type Seen interface {
	// SeeDocuments records documents by id and content hash: a new id is
	// first seen now, a known id whose hash differs has changed now.
	SeeDocuments(ctx context.Context, docs map[string]string, now time.Time) error
	// SeenDocuments returns every document recorded, by id.
	SeenDocuments(ctx context.Context) (map[string]SeenDocument, error)
}

// ChangedTimes returns when each recorded document was added or last
// changed, by id: the Seen map a briefing's "new since" section reads.
func ChangedTimes(ctx context.Context, st Seen) (map[string]time.Time, error) {
	seen, err := st.SeenDocuments(ctx)
	if err != nil {
		return nil, err
	}
	times := make(map[string]time.Time, len(seen))
	for id, d := range seen {
		times[id] = d.ChangedAt
	}
	return times, nil
}
