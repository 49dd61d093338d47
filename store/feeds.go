package store

import (
	"context"
	"time"

	"briefbot/store/internal/sqlshared"
)

// Errors of the feed list.
var (
	ErrFeedNotFound = sqlshared.ErrFeedNotFound
	ErrFeedExists   = sqlshared.ErrFeedExists
)

// Feed is a feed that serve polls, and the state of its polling: its URL,
// Title (as the feed names itself, once fetched) and Interval; the
// validators of the last answer (ETag, LastModified), sent with the next
// request; when it last answered (LastFetched), the documents stored from
// it (Items), the polls that failed in a row (Failures, LastError), when
// it is due (NextPoll), and why polling stopped (PausedReason, empty while
// it goes on).
type Feed = sqlshared.Feed

// FeedStore keeps the followed feeds.
type FeedStore interface {
	// AddFeed follows f.URL (ID assigned), or returns ErrFeedExists.
	AddFeed(ctx context.Context, f Feed) (Feed, error)
	// Feeds lists the followed feeds, oldest first.
	Feeds(ctx context.Context) ([]Feed, error)
	// RemoveFeed stops following a feed, or returns ErrFeedNotFound.
	RemoveFeed(ctx context.Context, id int64) error
	// ClaimFeed takes a due, unpaused feed for the caller until now+lease:
	// false when it is not due, paused, or claimed by another poll whose
	// lease has not run out. Of several processes, one polls a feed.
	ClaimFeed(ctx context.Context, id int64, now time.Time, lease time.Duration) (bool, error)
	// SaveFeed stores the state of a poll (validators, times, counts,
	// failures, pause, title) and releases the claim.
	SaveFeed(ctx context.Context, f Feed) error
}
