package schedule

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"briefbot/schedule/scheduletest"
	"briefbot/store"
)

// TestDaylightSavingChanges runs the scheduler, waking at least hourly,
// across both changes of New York and London and checks one post per local
// date, at the local time asked for (or, for a time the change skips, when
// clocks change).
func TestDaylightSavingChanges(t *testing.T) {
	cases := []struct {
		zone, clock string
		from, to    time.Time // UTC
		wantLocal   []string  // local time of each post
	}{
		{"America/New_York", "09:00", utc(2026, 3, 6, 12), utc(2026, 3, 10, 0),
			[]string{"2026-03-06 09:00 EST", "2026-03-07 09:00 EST", "2026-03-08 09:00 EDT", "2026-03-09 09:00 EDT"}},
		{"America/New_York", "02:30", utc(2026, 3, 7, 0), utc(2026, 3, 10, 0),
			[]string{"2026-03-07 02:30 EST", "2026-03-08 03:00 EDT", "2026-03-09 02:30 EDT"}},
		{"America/New_York", "01:30", utc(2026, 10, 31, 0), utc(2026, 11, 3, 0),
			[]string{"2026-10-31 01:30 EDT", "2026-11-01 01:30 EDT", "2026-11-02 01:30 EST"}},
		{"Europe/London", "09:00", utc(2026, 3, 28, 0), utc(2026, 3, 31, 0),
			[]string{"2026-03-28 09:00 GMT", "2026-03-29 09:00 BST", "2026-03-30 09:00 BST"}},
		{"Europe/London", "01:30", utc(2026, 3, 28, 0), utc(2026, 3, 30, 12),
			[]string{"2026-03-28 01:30 GMT", "2026-03-29 02:00 BST", "2026-03-30 01:30 BST"}},
		{"Europe/London", "09:00", utc(2026, 10, 24, 0), utc(2026, 10, 27, 0),
			[]string{"2026-10-24 09:00 BST", "2026-10-25 09:00 GMT", "2026-10-26 09:00 GMT"}},
	}
	for _, c := range cases {
		t.Run(c.zone+" "+c.clock, func(t *testing.T) {
			r := newRig(t, c.from)
			r.subscribe(t, c.clock, c.zone, c.from.Add(-48*time.Hour))
			r.clock.Set(c.from)
			r.sched.Tick(context.Background()) // the day before: already posted in this story
			before := len(r.poster.posts())
			r.runUntil(t, time.Hour, c.to)
			loc := mustZone(t, c.zone)
			var got []string
			for _, p := range r.poster.posts()[before:] {
				got = append(got, p.at.In(loc).Format("2006-01-02 15:04 MST"))
				if p.Late() {
					t.Errorf("post at %s marked late", p.at)
				}
			}
			if strings.Join(got, "; ") != strings.Join(c.wantLocal, "; ") {
				t.Errorf("posted at\n  %s\nwant\n  %s", strings.Join(got, "; "), strings.Join(c.wantLocal, "; "))
			}
		})
	}
}

// utc is an instant in UTC: hours, and minutes if given.
func utc(y int, m time.Month, d, h int, minute ...int) time.Time {
	return time.Date(y, m, d, h, append(minute, 0)[0], 0, 0, time.UTC)
}

func TestLateWithinGraceThenOnTime(t *testing.T) {
	created := utc(2026, 5, 1, 8)
	r := newRig(t, created)
	r.subscribe(t, "09:00", "UTC", created)
	r.tickAt(utc(2026, 5, 1, 11)) // down from before 09:00 until 11:00
	r.tickAt(utc(2026, 5, 1, 11).Add(time.Minute))
	r.tickAt(utc(2026, 5, 2, 9))
	posts := r.poster.posts()
	if len(posts) != 2 {
		t.Fatalf("%d posts, want 2 (one late, one on time)", len(posts))
	}
	if p := posts[0]; !p.Late() || p.Due.Format(time.RFC3339) != "2026-05-01T09:00:00Z" {
		t.Errorf("missed briefing posted with late=%v due %v", p.Late(), p.Due)
	}
	if p := posts[1]; p.Late() || p.Briefing.Since != "2026-05-01T11:00:00Z" {
		t.Errorf("next briefing late=%v since %q, want on time and since the late post", p.Late(), p.Briefing.Since)
	}
	if posts[0].Nonce == posts[1].Nonce {
		t.Error("two dates share a nonce")
	}
}

func TestOldMissesLoggedAndSkipped(t *testing.T) {
	created := utc(2026, 5, 1, 8)
	r := newRig(t, created)
	sub := r.subscribe(t, "09:00", "UTC", created)
	r.tickAt(utc(2026, 5, 4, 10)) // down for three days
	r.tickAt(utc(2026, 5, 4, 10).Add(time.Minute))
	posts := r.poster.posts()
	if len(posts) != 1 || !posts[0].Late() || posts[0].Due.Format(time.RFC3339) != "2026-05-04T09:00:00Z" {
		t.Fatalf("posts %+v, want only today's, late", posts)
	}
	if n := strings.Count(r.logs.String(), "briefing missed, too late"); n != 3 {
		t.Errorf("%d misses logged, want 3 (May 1-3):\n%s", n, r.logs)
	}
	r.tickAt(utc(2026, 5, 4, 16)) // 7 h late: beyond the 6 h grace
	if last, _, _ := r.store.LastRun(context.Background(), sub.ID); last.LocalDate != "2026-05-04" || last.Outcome != store.Late {
		t.Errorf("last run %+v", last)
	}

	fresh := newRig(t, created)
	fresh.subscribe(t, "09:00", "UTC", created)
	fresh.tickAt(utc(2026, 5, 1, 15, 30))
	if len(fresh.poster.posts()) != 0 || !strings.Contains(fresh.logs.String(), "briefing missed, too late") {
		t.Errorf("a briefing 6.5 h late was posted (%d posts) or not logged", len(fresh.poster.posts()))
	}
}

func TestNoBriefingBeforeSubscribing(t *testing.T) {
	r := newRig(t, utc(2026, 5, 1, 10))
	r.subscribe(t, "09:00", "UTC", utc(2026, 5, 1, 10))
	r.tickEvery(30*time.Minute, utc(2026, 5, 1, 23))
	if n := len(r.poster.posts()); n != 0 {
		t.Errorf("%d posts for a time already past when subscribing, want 0", n)
	}
}

func TestPausedOnMissingPermission(t *testing.T) {
	r := newRig(t, utc(2026, 5, 1, 8))
	sub := r.subscribe(t, "09:00", "UTC", utc(2026, 5, 1, 8))
	r.poster.fail = func(int) error {
		return &Refusal{Reason: "the bot may not post in this channel (Missing Permissions)", Pause: true}
	}
	r.tickAt(utc(2026, 5, 1, 9))
	got, _ := r.store.Subscription(context.Background(), sub.ID)
	if !got.Paused() || !strings.Contains(got.PausedReason, "Missing Permissions") {
		t.Fatalf("subscription %+v, want paused with the reason", got)
	}
	r.tickEvery(time.Hour, utc(2026, 5, 3, 12))
	if r.poster.attempts != 1 {
		t.Errorf("%d attempts, want 1: a paused subscription is not retried", r.poster.attempts)
	}
	r.poster.fail = nil
	if err := r.store.ResumeSubscription(context.Background(), sub.ID); err != nil {
		t.Fatal(err)
	}
	r.tickAt(utc(2026, 5, 4, 9))
	if len(r.poster.posts()) != 1 {
		t.Errorf("%d posts after resuming, want 1", len(r.poster.posts()))
	}
}

func TestRefusedPostNotRetried(t *testing.T) {
	r := newRig(t, utc(2026, 5, 1, 8))
	sub := r.subscribe(t, "09:00", "UTC", utc(2026, 5, 1, 8))
	r.poster.fail = func(int) error { return &Refusal{Reason: "Discord rejected the message"} }
	r.tickEvery(10*time.Minute, utc(2026, 5, 1, 12))
	if r.poster.attempts != 1 {
		t.Errorf("%d attempts, want 1", r.poster.attempts)
	}
	if last, _, _ := r.store.LastRun(context.Background(), sub.ID); last.Outcome != store.Failed {
		t.Errorf("run outcome %q, want failed", last.Outcome)
	}
	if got, _ := r.store.Subscription(context.Background(), sub.ID); got.Paused() {
		t.Error("a refused message paused the subscription")
	}
}

func TestTransientErrorsBackOff(t *testing.T) {
	r := newRig(t, utc(2026, 5, 1, 8))
	r.subscribe(t, "09:00", "UTC", utc(2026, 5, 1, 8))
	r.poster.fail = func(n int) error {
		if n <= 3 {
			return errors.New("502 Bad Gateway")
		}
		return nil
	}
	r.tickAt(utc(2026, 5, 1, 9))
	if len(r.poster.posts()) != 1 || r.poster.attempts != 4 {
		t.Fatalf("%d posts after %d attempts, want 1 after 4", len(r.poster.posts()), r.poster.attempts)
	}
	want := []time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second}
	if got := r.clock.Waited(); len(got) != len(want) || got[0] != want[0] || got[2] != want[2] {
		t.Errorf("waited %v, want %v", got, want)
	}
}

func TestOutageLongerThanRetriesTriesAgainLater(t *testing.T) {
	r := newRig(t, utc(2026, 5, 1, 8))
	r.subscribe(t, "09:00", "UTC", utc(2026, 5, 1, 8))
	down := true
	r.poster.fail = func(int) error {
		if down {
			return errors.New("dial tcp: connection refused")
		}
		return nil
	}
	r.tickAt(utc(2026, 5, 1, 9))
	if r.poster.attempts != DefaultRetries+1 || len(r.poster.posts()) != 0 {
		t.Fatalf("%d attempts, %d posts", r.poster.attempts, len(r.poster.posts()))
	}
	down = false
	r.tickAt(utc(2026, 5, 1, 9, 20))
	r.tickAt(utc(2026, 5, 1, 9, 30))
	if posts := r.poster.posts(); len(posts) != 1 || !posts[0].Late() {
		t.Errorf("posts %+v, want one, late", posts)
	}
}

// TestRestartAfterCrash: a process dies in the middle of a run (after
// claiming, before or after posting, never having finished); a second
// process on the same database takes the run over once the lease has
// expired, and exactly one message exists in the end.
func TestRestartAfterCrash(t *testing.T) {
	for _, postedBeforeCrash := range []bool{false, true} {
		name := map[bool]string{false: "died before posting", true: "died after posting"}[postedBeforeCrash]
		t.Run(name, func(t *testing.T) {
			due := utc(2026, 5, 1, 9)
			first := newRig(t, due)
			sub := first.subscribe(t, "09:00", "UTC", due.Add(-time.Hour))
			discord := first.poster // one Discord, seen by both processes
			crashing := &crashPoster{next: discord, postFirst: postedBeforeCrash}
			first.sched.cfg.Poster = crashing
			crashed := make(chan struct{})
			go func() {
				defer close(crashed)
				first.sched.Tick(context.Background())
			}()
			<-crashed

			second := openRig(t, first.dir, scheduletest.New(due.Add(time.Minute)), discord)
			second.sched.Tick(context.Background())
			if n := len(discord.posts()); n != boolInt(postedBeforeCrash) {
				t.Fatalf("%d messages while the dead claim's lease runs, want %d", n, boolInt(postedBeforeCrash))
			}
			second.tickEvery(time.Minute, due.Add(DefaultLease+3*time.Minute))
			second.tickAt(due.Add(24 * time.Hour))
			posts := discord.posts()
			if len(posts) != 2 || posts[0].Nonce != Nonce(sub.ID, "2026-05-01") {
				t.Fatalf("%d messages (%+v), want one for each of two days", len(posts), posts)
			}
			if last, _, _ := second.store.LastRun(context.Background(), sub.ID); last.Attempts != 1 || last.LocalDate != "2026-05-02" {
				t.Errorf("last run %+v", last)
			}
			r, _, _ := second.store.LastRun(context.Background(), sub.ID, store.Posted)
			if r.LocalDate != "2026-05-02" {
				t.Errorf("last posted run %+v", r)
			}
		})
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// crashPoster ends its goroutine in the middle of a post, as a killed
// process would: nothing after it runs, the claim is never finished.
type crashPoster struct {
	next      *fakePoster
	postFirst bool
}

func (c *crashPoster) PostBriefing(ctx context.Context, p Post) error {
	if c.postFirst {
		_ = c.next.PostBriefing(ctx, p)
	}
	runtime.Goexit()
	return nil
}

func TestRunPostsDailyAtLocalTime(t *testing.T) {
	start := time.Date(2026, 3, 27, 12, 0, 0, 0, time.UTC)
	r := newRig(t, start)
	r.subscribe(t, "09:00", "Europe/London", start)
	r.runUntil(t, 24*time.Hour, start.Add(3*24*time.Hour))
	loc := mustZone(t, "Europe/London")
	var got []string
	for _, p := range r.poster.posts() {
		got = append(got, p.at.In(loc).Format("01-02 15:04 MST"))
	}
	if want := "03-28 09:00 GMT; 03-29 09:00 BST; 03-30 09:00 BST"; strings.Join(got, "; ") != want {
		t.Errorf("Run posted at %s, want %s", strings.Join(got, "; "), want)
	}
}
