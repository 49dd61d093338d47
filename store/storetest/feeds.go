package storetest

import (
	"errors"
	"testing"
	"time"

	"briefbot/store"
)

func testFeeds(t *testing.T, st store.FeedStore) {
	a, err := st.AddFeed(ctx, store.Feed{URL: "https://a.example/rss", Interval: 30 * time.Minute, AddedBy: "u1", AddedAt: t0, NextPoll: t0})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddFeed(ctx, store.Feed{URL: "https://a.example/rss", AddedAt: t0}); !errors.Is(err, store.ErrFeedExists) {
		t.Errorf("the same URL again: %v, want %v", err, store.ErrFeedExists)
	}
	b, err := st.AddFeed(ctx, store.Feed{URL: "https://b.example/atom", Interval: 5 * time.Minute, AddedAt: t0, NextPoll: t0})
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || a.ID == b.ID || a.Interval != 30*time.Minute || !a.AddedAt.Equal(t0) || a.AddedBy != "u1" {
		t.Errorf("added %+v and %+v", a, b)
	}

	a.Title, a.ETag, a.LastModified, a.LastFetched = "A news", `"v2"`, "Sun, 08 Mar 2026 14:00:00 GMT", t0
	a.Items, a.Failures, a.LastError, a.NextPoll, a.PausedReason = 12, 3, "HTTP 500", t0.Add(time.Hour), "failed 3 times"
	if err := st.SaveFeed(ctx, a); err != nil {
		t.Fatal(err)
	}
	feeds, err := st.Feeds(ctx)
	if err != nil || len(feeds) != 2 {
		t.Fatalf("feeds %+v, %v", feeds, err)
	}
	if got := feeds[0]; got != a {
		t.Errorf("read back\n%+v\nwant\n%+v", got, a)
	}
	if err := st.RemoveFeed(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.RemoveFeed(ctx, b.ID); !errors.Is(err, store.ErrFeedNotFound) {
		t.Errorf("removed twice: %v", err)
	}
	if err := st.SaveFeed(ctx, b); !errors.Is(err, store.ErrFeedNotFound) {
		t.Errorf("saving a removed feed: %v", err)
	}
}

func testFeedClaims(t *testing.T, st store.FeedStore) {
	f, err := st.AddFeed(ctx, store.Feed{URL: "https://c.example/feed", Interval: 30 * time.Minute, AddedAt: t0, NextPoll: t0})
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := st.ClaimFeed(ctx, f.ID, t0.Add(-time.Second), time.Minute); ok {
		t.Error("claimed before it is due")
	}
	won := race(t, 8, func() (bool, error) { return st.ClaimFeed(ctx, f.ID, t0, time.Minute) })
	if won != 1 {
		t.Fatalf("%d of 8 concurrent claims won, want 1", won)
	}
	if ok, _ := st.ClaimFeed(ctx, f.ID, t0.Add(30*time.Second), time.Minute); ok {
		t.Error("claimed again within the lease")
	}
	if ok, _ := st.ClaimFeed(ctx, f.ID, t0.Add(2*time.Minute), time.Minute); !ok {
		t.Error("an expired lease is not taken over")
	}
	f.NextPoll = t0.Add(time.Hour)
	if err := st.SaveFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	if ok, _ := st.ClaimFeed(ctx, f.ID, t0.Add(59*time.Minute), time.Minute); ok {
		t.Error("claimed before the next poll")
	}
	if ok, _ := st.ClaimFeed(ctx, f.ID, t0.Add(time.Hour), time.Minute); !ok {
		t.Error("not claimed when due again (SaveFeed must release the claim)")
	}
	f.PausedReason = "gone"
	if err := st.SaveFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	if ok, _ := st.ClaimFeed(ctx, f.ID, t0.Add(2*time.Hour), time.Minute); ok {
		t.Error("a paused feed was claimed")
	}
}
