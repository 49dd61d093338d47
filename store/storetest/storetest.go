// Package storetest is the behaviour every store.Store must show, as one
// suite that each implementation (SQLite and PostgreSQL) runs, a subtest
// per concern, each given only the interfaces it tests.
package storetest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"briefbot/store"
)

// Run runs the suite; newStore returns an empty store for one subtest and
// arranges its cleanup.
func Run(t *testing.T, newStore func(t *testing.T) store.Store) {
	t.Run("subscriptions", func(t *testing.T) { testSubscriptions(t, newStore(t)) })
	t.Run("pause and resume", func(t *testing.T) { testPause(t, newStore(t)) })
	t.Run("run claimed once per local date", func(t *testing.T) { testClaimOnce(t, newStore(t)) })
	t.Run("expired lease taken over", func(t *testing.T) { testLease(t, newStore(t)) })
	t.Run("concurrent claims", func(t *testing.T) { testConcurrentClaims(t, newStore(t)) })
	t.Run("last run", func(t *testing.T) { testLastRun(t, newStore(t)) })
	t.Run("documents first seen and changed", func(t *testing.T) { testDocuments(t, newStore(t)) })
	t.Run("library of ingested documents", func(t *testing.T) { testLibrary(t, newStore(t)) })
	t.Run("interactions done once", func(t *testing.T) { testInteractions(t, newStore(t)) })
	t.Run("followed feeds", func(t *testing.T) { testFeeds(t, newStore(t)) })
	t.Run("feed claimed by one poll", func(t *testing.T) { testFeedClaims(t, newStore(t)) })
	t.Run("answer pages kept, then forgotten", func(t *testing.T) { testAnswerPages(t, newStore(t)) })
}

// subscribedRuns is what the tests of runs need: subscriptions to run.
type subscribedRuns interface {
	store.Subscriptions
	store.Runs
}

var (
	ctx = context.Background()
	t0  = time.Date(2026, 3, 8, 14, 0, 0, 0, time.UTC)
)

func add(t *testing.T, st store.Subscriptions, guild, channel string) store.Subscription {
	t.Helper()
	sub, err := st.AddSubscription(ctx, store.Subscription{GuildID: guild, ChannelID: channel, Time: "09:00",
		Timezone: "Europe/London", Actor: "Taliban", CreatedBy: "u1", CreatedAt: t0})
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

func testSubscriptions(t *testing.T, st store.Subscriptions) {
	a := add(t, st, "g1", "c1")
	b := add(t, st, "g1", "c2")
	add(t, st, "g2", "c3")
	if a.ID == 0 || a.ID == b.ID {
		t.Fatalf("ids %d and %d, want distinct non-zero", a.ID, b.ID)
	}
	got, err := st.Subscription(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got != a {
		t.Errorf("read back %+v, want %+v", got, a)
	}
	if subs, _ := st.Subscriptions(ctx, "g1"); len(subs) != 2 || subs[0].ID != a.ID || subs[1].ID != b.ID {
		t.Errorf("guild g1 lists %+v, want a then b", subs)
	}
	if subs, _ := st.Subscriptions(ctx, ""); len(subs) != 3 {
		t.Errorf("all subscriptions: %d, want 3", len(subs))
	}
	if subs, err := st.Subscriptions(ctx, "nobody"); err != nil || subs == nil || len(subs) != 0 {
		t.Errorf("unknown guild lists %v (%v), want an empty list", subs, err)
	}
	if err := st.DeleteSubscription(ctx, "g2", a.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleting another guild's subscription: %v, want ErrNotFound", err)
	}
	if err := st.DeleteSubscription(ctx, "g1", a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Subscription(ctx, a.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted subscription read: %v, want ErrNotFound", err)
	}
	if err := st.DeleteSubscription(ctx, "g1", a.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleting twice: %v, want ErrNotFound", err)
	}
}

func testPause(t *testing.T, st store.Subscriptions) {
	sub := add(t, st, "g1", "c1")
	if sub.Paused() {
		t.Fatal("a new subscription is paused")
	}
	reason := "the channel no longer exists"
	if err := st.PauseSubscription(ctx, sub.ID, reason, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	got, _ := st.Subscription(ctx, sub.ID)
	if got.PausedReason != reason || !got.PausedAt.Equal(t0.Add(time.Hour)) {
		t.Errorf("paused as %q at %v", got.PausedReason, got.PausedAt)
	}
	if err := st.ResumeSubscription(ctx, sub.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Subscription(ctx, sub.ID); got.Paused() || !got.PausedAt.IsZero() {
		t.Errorf("still paused after resume: %+v", got)
	}
	if err := st.PauseSubscription(ctx, 9999, reason, t0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("pausing a missing subscription: %v, want ErrNotFound", err)
	}
}

func claim(t *testing.T, st store.Runs, id int64, date string, at time.Time) bool {
	t.Helper()
	ok, err := st.ClaimRun(ctx, id, date, at, 5*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

func testClaimOnce(t *testing.T, st subscribedRuns) {
	sub := add(t, st, "g1", "c1")
	if !claim(t, st, sub.ID, "2026-03-08", t0) {
		t.Fatal("first claim refused")
	}
	if claim(t, st, sub.ID, "2026-03-08", t0.Add(time.Minute)) {
		t.Error("a live claim was taken twice")
	}
	if !claim(t, st, sub.ID, "2026-03-09", t0) {
		t.Error("the next date could not be claimed")
	}
	if err := st.FinishRun(ctx, sub.ID, "2026-03-08", store.Posted, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if claim(t, st, sub.ID, "2026-03-08", t0.Add(24*time.Hour)) {
		t.Error("a finished run was claimed again, even long after")
	}
	if err := st.FinishRun(ctx, sub.ID, "2026-03-08", store.Posted, t0); err == nil {
		t.Error("a run was finished twice")
	}
	if err := st.ReleaseRun(ctx, sub.ID, "2026-03-09"); err != nil {
		t.Fatal(err)
	}
	if !claim(t, st, sub.ID, "2026-03-09", t0.Add(time.Second)) {
		t.Error("a released run could not be claimed again")
	}
}

func testLease(t *testing.T, st subscribedRuns) {
	sub := add(t, st, "g1", "c1")
	claim(t, st, sub.ID, "2026-03-08", t0)
	if claim(t, st, sub.ID, "2026-03-08", t0.Add(5*time.Minute-time.Millisecond)) {
		t.Error("claim taken before its lease ran out")
	}
	if !claim(t, st, sub.ID, "2026-03-08", t0.Add(5*time.Minute)) {
		t.Fatal("an expired claim could not be taken over")
	}
	if err := st.FinishRun(ctx, sub.ID, "2026-03-08", store.Late, t0.Add(6*time.Minute)); err != nil {
		t.Fatal(err)
	}
	r, ok, err := st.LastRun(ctx, sub.ID)
	if err != nil || !ok || r.Attempts != 2 || r.Outcome != store.Late {
		t.Errorf("last run %+v %v %v, want 2 attempts, late", r, ok, err)
	}
}

func testConcurrentClaims(t *testing.T, st subscribedRuns) {
	sub := add(t, st, "g1", "c1")
	won := race(t, 8, func() (bool, error) { return st.ClaimRun(ctx, sub.ID, "2026-03-08", t0, time.Minute) })
	if won != 1 {
		t.Errorf("%d of 8 concurrent claims won, want exactly 1", won)
	}
}

// race runs try n times at once and counts the tries that won.
func race(t *testing.T, n int, try func() (bool, error)) int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	won := 0
	for range n {
		wg.Go(func() {
			ok, err := try()
			if err != nil {
				t.Error(err)
			}
			if ok {
				mu.Lock()
				won++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return won
}

func testLastRun(t *testing.T, st subscribedRuns) {
	sub := add(t, st, "g1", "c1")
	if _, ok, err := st.LastRun(ctx, sub.ID); ok || err != nil {
		t.Fatalf("a new subscription has a last run (%v)", err)
	}
	for i, o := range []store.Outcome{store.Posted, store.Missed, store.Late, store.Failed} {
		date := t0.AddDate(0, 0, i).Format(time.DateOnly)
		claim(t, st, sub.ID, date, t0.AddDate(0, 0, i))
		if err := st.FinishRun(ctx, sub.ID, date, o, t0.AddDate(0, 0, i)); err != nil {
			t.Fatal(err)
		}
	}
	claim(t, st, sub.ID, "2026-03-20", t0.AddDate(0, 0, 12)) // unfinished: never a last run
	if r, _, _ := st.LastRun(ctx, sub.ID); r.LocalDate != "2026-03-11" || r.Outcome != store.Failed {
		t.Errorf("last run of any outcome: %+v", r)
	}
	r, ok, _ := st.LastRun(ctx, sub.ID, store.Posted, store.Late)
	if !ok || r.LocalDate != "2026-03-10" || !r.FinishedAt.Equal(t0.AddDate(0, 0, 2)) {
		t.Errorf("last posted run: %+v", r)
	}
	if err := st.DeleteSubscription(ctx, "g1", sub.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := st.LastRun(ctx, sub.ID); ok {
		t.Error("runs outlived their subscription")
	}
}

func testDocuments(t *testing.T, st store.Seen) {
	if err := st.SeeDocuments(ctx, map[string]string{"a": "h1", "b": "h2"}, t0); err != nil {
		t.Fatal(err)
	}
	later := t0.Add(time.Hour)
	if err := st.SeeDocuments(ctx, map[string]string{"a": "h1", "b": "h3", "c": "h4"}, later); err != nil {
		t.Fatal(err)
	}
	seen, err := st.SeenDocuments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]store.SeenDocument{
		"a": {ID: "a", Hash: "h1", FirstSeen: t0, ChangedAt: t0},
		"b": {ID: "b", Hash: "h3", FirstSeen: t0, ChangedAt: later},
		"c": {ID: "c", Hash: "h4", FirstSeen: later, ChangedAt: later},
	}
	if len(seen) != len(want) {
		t.Fatalf("seen %v, want %v", seen, want)
	}
	for id, w := range want {
		g := seen[id]
		if g.ID != w.ID || g.Hash != w.Hash || !g.FirstSeen.Equal(w.FirstSeen) || !g.ChangedAt.Equal(w.ChangedAt) {
			t.Errorf("document %s: %+v, want %+v", id, g, w)
		}
	}
}
