package store

import (
	"context"
	"errors"
	"time"
)

// Errors of the feed list.
var (
	ErrFeedNotFound = errors.New("feed not found")
	ErrFeedExists   = errors.New("feed already followed")
)

// Feed is a feed that serve polls, and the state of its polling.
type Feed struct {
	ID       int64
	URL      string
	Title    string // as the feed names itself, once fetched
	Interval time.Duration
	AddedBy  string
	AddedAt  time.Time

	// The validators of the last answer, sent with the next request.
	ETag, LastModified string
	// LastFetched is when the feed last answered; zero before.
	LastFetched time.Time
	// Items counts the documents stored from the feed.
	Items int
	// Failures counts the polls that failed in a row, LastError the
	// reason of the last one.
	Failures  int
	LastError string
	// NextPoll is when the feed is due.
	NextPoll time.Time
	// PausedReason says why polling stopped; empty while it goes on.
	PausedReason string
}

// Paused reports whether polling the feed has stopped.
func (f Feed) Paused() bool { return f.PausedReason != "" }

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
