package feeds

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/knowledge"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/fetch"
	"briefbot/knowledge/ingest"
	"briefbot/knowledge/live"
	"briefbot/knowledge/web"
	"briefbot/schedule/scheduletest"
	"briefbot/store"
	"briefbot/store/sqlite"
)

var t0 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// fakeReader answers each Read with the next of its answers (the last one
// again once they run out), and records the requests.
type fakeReader struct {
	mu       sync.Mutex
	answers  []answer
	requests []fetch.Request
	known    []int // how many of the answer's documents were known
}

type answer struct {
	res *web.Result
	err error
}

func (r *fakeReader) Read(_ context.Context, req fetch.Request, known func(string) bool) (*web.Result, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.requests = append(r.requests, req)
	a := r.answers[min(len(r.requests), len(r.answers))-1]
	if a.err != nil {
		return nil, a.err
	}
	res := *a.res
	res.Docs = nil
	n := 0
	for _, d := range a.res.Docs {
		if known(d.ID) {
			n++
			continue
		}
		res.Docs = append(res.Docs, d)
	}
	r.known = append(r.known, n)
	return &res, nil
}

func doc(id, text string) *corpus.Document {
	return corpus.New(id, "https://news.example/"+id, corpus.Meta{Title: id, URL: "https://news.example/" + id}, []string{text})
}

func feedResult(etag string, docs ...*corpus.Document) answer {
	return answer{res: &web.Result{Feed: &web.Feed{Title: "Example News", Items: len(docs)}, Docs: docs,
		Validators: fetch.Request{ETag: etag}}}
}

func setup(t *testing.T, interval time.Duration, answers ...answer) (*Poller, *fakeReader, *scheduletest.Clock, store.Store, store.Feed) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f, err := st.AddFeed(context.Background(), store.Feed{URL: "https://news.example/rss", Interval: interval, AddedAt: t0, NextPoll: t0})
	if err != nil {
		t.Fatal(err)
	}
	r := &fakeReader{answers: answers}
	clock := scheduletest.New(t0)
	return &Poller{Store: st, Reader: r, Clock: clock, Jitter: func() float64 { return 1 }}, r, clock, st, f
}

func feedState(t *testing.T, st store.Store) store.Feed {
	t.Helper()
	feeds, err := st.Feeds(context.Background())
	if err != nil || len(feeds) != 1 {
		t.Fatalf("feeds %+v, %v", feeds, err)
	}
	return feeds[0]
}

func TestNewItemsAreStoredAndTheFeedWaitsItsInterval(t *testing.T) {
	a, b := doc("a", "The port reopened on Monday, officials said."), doc("b", "Grain exports rose in November.")
	p, r, clock, st, _ := setup(t, 0, feedResult(`"1"`, a), feedResult(`"2"`, a, b))
	stored := 0
	p.Stored = func() { stored++ }
	ctx := context.Background()
	next, err := p.PollDue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := t0.Add(DefaultInterval); !next.Equal(want) {
		t.Errorf("next poll %s, want %s (the default interval)", next, want)
	}
	f := feedState(t, st)
	if f.Title != "Example News" || f.Items != 1 || f.ETag != `"1"` || !f.LastFetched.Equal(t0) || stored != 1 {
		t.Errorf("after the first poll: %+v, stored %d", f, stored)
	}
	// Not due yet: nothing is fetched.
	clock.Set(t0.Add(29 * time.Minute))
	if _, err := p.PollDue(ctx); err != nil || len(r.requests) != 1 {
		t.Fatalf("polled %d times before the interval passed (%v)", len(r.requests), err)
	}
	clock.Set(t0.Add(30 * time.Minute))
	if _, err := p.PollDue(ctx); err != nil {
		t.Fatal(err)
	}
	if len(r.requests) != 2 || r.requests[1].ETag != `"1"` {
		t.Fatalf("requests %+v: want a second, conditional on the first ETag", r.requests)
	}
	if r.known[1] != 1 {
		t.Errorf("the stored item was not known to the second poll")
	}
	if f := feedState(t, st); f.Items != 2 || stored != 2 {
		t.Errorf("after the second poll: %d items, stored called %d times", f.Items, stored)
	}
	if hashes, _ := st.DocumentHashes(ctx); len(hashes) != 2 {
		t.Errorf("%d documents stored, want 2", len(hashes))
	}
}

func TestScheduleOnAFakeClock(t *testing.T) {
	p, r, clock, _, _ := setup(t, 10*time.Minute, answer{res: &web.Result{NotModified: true}})
	ctx, cancel := context.WithCancel(context.Background())
	clock.StopAfter(t0.Add(time.Hour), cancel)
	if err := p.Run(ctx); err != nil {
		t.Fatal(err)
	}
	// Polled at 0, 10, ..., 60 minutes: every ten, none in between.
	if len(r.requests) != 7 {
		t.Errorf("%d polls in an hour at a 10-minute interval, want 7", len(r.requests))
	}
	for _, w := range clock.Waited() {
		if w > DefaultPoll {
			t.Errorf("waited %s, more than the longest pause %s", w, DefaultPoll)
		}
	}
}

func TestIntervalHasAFloor(t *testing.T) {
	if Interval(time.Minute) != MinInterval || Interval(0) != DefaultInterval || Interval(time.Hour) != time.Hour {
		t.Error("Interval")
	}
}

func TestFailuresBackOffAndPause(t *testing.T) {
	p, r, clock, st, _ := setup(t, 0, answer{err: errors.New("https://news.example/rss: HTTP 500 Internal Server Error")})
	ctx := context.Background()
	var gaps []time.Duration
	last := t0
	for range DefaultMaxFailures {
		if _, err := p.PollDue(ctx); err != nil {
			t.Fatal(err)
		}
		f := feedState(t, st)
		gaps = append(gaps, f.NextPoll.Sub(last))
		last = f.NextPoll
		clock.Set(f.NextPoll)
	}
	for i := 1; i < len(gaps); i++ {
		if gaps[i] < gaps[i-1] || gaps[i] > maxBackoff {
			t.Errorf("backoff %v does not grow to at most %s", gaps, maxBackoff)
		}
	}
	f := feedState(t, st)
	if !f.Paused() || !strings.Contains(f.PausedReason, "failed 8 times in a row, last: https://news.example/rss: HTTP 500") {
		t.Fatalf("after %d failures: %+v", DefaultMaxFailures, f)
	}
	clock.Set(t0.Add(1000 * time.Hour))
	if _, err := p.PollDue(ctx); err != nil || len(r.requests) != DefaultMaxFailures {
		t.Errorf("a paused feed was polled (%d requests, %v)", len(r.requests), err)
	}
}

func TestJitterSpreadsRetriesAndRetryAfterIsHonoured(t *testing.T) {
	busy := &fetch.StatusError{Code: 429, Status: "429 Too Many Requests", RetryAfter: 3 * time.Hour}
	p, _, _, st, _ := setup(t, 0, answer{err: fmt.Errorf("x: %w", busy)})
	p.Jitter = func() float64 { return 0 }
	if _, err := p.PollDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	if f := feedState(t, st); !f.NextPoll.Equal(t0.Add(3 * time.Hour)) {
		t.Errorf("next poll %s, want Retry-After's 3h", f.NextPoll.Sub(t0))
	}
	p2, _, _, st2, _ := setup(t, 0, answer{err: errors.New("connection refused")})
	p2.Jitter = func() float64 { return 0 }
	if _, err := p2.PollDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	if f := feedState(t, st2); !f.NextPoll.Equal(t0.Add(firstBackoff / 2)) {
		t.Errorf("with no jitter the first retry is after %s, want half the first backoff", f.NextPoll.Sub(t0))
	}
}

func TestGoneFeedIsPausedAtOnce(t *testing.T) {
	p, _, _, st, _ := setup(t, 0, answer{err: &fetch.StatusError{Code: 410, Status: "410 Gone"}})
	if _, err := p.PollDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	if f := feedState(t, st); f.PausedReason != "the feed is gone (HTTP 410)" {
		t.Errorf("paused %q", f.PausedReason)
	}
}

func TestOneProcessPollsAFeed(t *testing.T) {
	p, r, _, st, _ := setup(t, 0, feedResult(`"1"`, doc("a", "Text.")))
	other := &Poller{Store: st, Reader: r, Clock: p.Clock}
	var wg sync.WaitGroup
	for _, q := range []*Poller{p, other, p, other} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := q.PollDue(context.Background()); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if len(r.requests) != 1 {
		t.Errorf("the feed was fetched %d times by 4 concurrent passes, want 1", len(r.requests))
	}
}

func TestFollowResumesAPausedFeed(t *testing.T) {
	_, _, _, st, f := setup(t, 0)
	ctx := context.Background()
	if _, _, err := Follow(ctx, st, f.URL, 0, "u", t0); !errors.Is(err, store.ErrFeedExists) {
		t.Errorf("following an active feed again: %v", err)
	}
	if _, _, err := Follow(ctx, st, "ftp://x.example/feed", 0, "u", t0); err == nil {
		t.Error("an ftp URL was followed")
	}
	f.PausedReason, f.Failures = "failed", 8
	if err := st.SaveFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	got, resumed, err := Follow(ctx, st, f.URL, 2*time.Minute, "u", t0.Add(time.Hour))
	if err != nil || !resumed || got.Paused() || got.Failures != 0 || got.Interval != MinInterval || !got.NextPoll.Equal(t0.Add(time.Hour)) {
		t.Errorf("resumed %v: %+v, %v", resumed, got, err)
	}
	if byID, err := Find(ctx, st, strconv.FormatInt(f.ID, 10)); err != nil || byID.URL != f.URL {
		t.Errorf("find by id: %+v, %v", byID, err)
	}
	if _, err := Find(ctx, st, "https://other.example/"); !errors.Is(err, store.ErrFeedNotFound) {
		t.Errorf("find unknown: %v", err)
	}
}

// TestPolledItemsReachTheKnowledgeBase follows a poll through the live
// library: the new article is served and recorded as first seen at the
// poll, which the next briefing's "new since" reads.
func TestPolledItemsReachTheKnowledgeBase(t *testing.T) {
	a := doc("port-strike", "The port strike ended on Tuesday, the union leader Ana Silva said.")
	p, _, _, st, _ := setup(t, 0, feedResult(`"1"`, a))
	ctx := context.Background()
	w, err := live.New(ctx, live.Config{Library: st, Fallback: ingest.Seeds(), Build: knowledge.New, Store: st,
		Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Base().Docs()) != 5 {
		t.Fatalf("before the poll: %d documents, want the 5 seeds", len(w.Base().Docs()))
	}
	p.Stored = w.Wake
	if _, err := p.PollDue(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	docs := w.Base().Docs()
	if len(docs) != 1 || docs[0].ID != "port-strike" {
		t.Fatalf("after the poll: %d documents", len(docs))
	}
	changed, err := store.ChangedTimes(ctx, st)
	if err != nil || !changed["port-strike"].Equal(t0) {
		t.Errorf("first seen %v (%v), want %s", changed["port-strike"], err, t0)
	}
}

func TestAFeedClaimedElsewhereIsLeftAlone(t *testing.T) {
	p, r, clock, st, f := setup(t, 0, feedResult(`"1"`))
	if ok, err := st.ClaimFeed(context.Background(), f.ID, t0, 3*time.Minute); !ok || err != nil {
		t.Fatal("the other process's claim", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	clock.StopAfter(t0.Add(5*time.Minute), cancel)
	if err := p.Run(ctx); err != nil {
		t.Fatal(err)
	}
	// Each pass waits the full pause (no busy loop while the other process
	// holds the feed), and the feed is taken over once the lease ran out.
	for _, w := range clock.Waited() {
		if w != DefaultPoll {
			t.Errorf("waited %s, want %s", w, DefaultPoll)
		}
	}
	if len(r.requests) != 1 {
		t.Errorf("%d requests, want 1 after the lease ran out", len(r.requests))
	}
}
