package feeds

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"briefbot/knowledge/fetch"
	"briefbot/store"
)

// Follow adds the feed at rawURL, due at once, polled every interval
// (Interval's default and floor apply). A feed already followed but paused
// is resumed, and resumed says so; one followed and active is
// store.ErrFeedExists.
func Follow(ctx context.Context, st store.FeedStore, rawURL string, interval time.Duration, by string, now time.Time) (f store.Feed, resumed bool, err error) {
	u, err := fetch.CheckURL(rawURL)
	if err != nil {
		return store.Feed{}, false, err
	}
	f, err = st.AddFeed(ctx, store.Feed{URL: u.String(), Interval: Interval(interval), AddedBy: by, AddedAt: now, NextPoll: now})
	if !errors.Is(err, store.ErrFeedExists) {
		return f, false, err
	}
	if f, err = Find(ctx, st, u.String()); err != nil {
		return f, false, err
	}
	if !f.Paused() {
		return f, false, store.ErrFeedExists
	}
	f.PausedReason, f.Failures, f.LastError, f.NextPoll = "", 0, "", now
	if interval != 0 {
		f.Interval = Interval(interval)
	}
	return f, true, st.SaveFeed(ctx, f)
}

// Find returns the followed feed named by ref: its id, or its URL.
func Find(ctx context.Context, st store.FeedStore, ref string) (store.Feed, error) {
	ref = strings.TrimSpace(ref)
	feeds, err := st.Feeds(ctx)
	if err != nil {
		return store.Feed{}, err
	}
	id, _ := strconv.ParseInt(ref, 10, 64)
	for _, f := range feeds {
		if f.ID == id || f.URL == ref {
			return f, nil
		}
	}
	return store.Feed{}, store.ErrFeedNotFound
}
