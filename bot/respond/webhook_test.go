package respond

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"
)

func limitHeaders(bucket, remaining, resetAfter string) http.Header {
	h := http.Header{}
	h.Set("X-RateLimit-Bucket", bucket)
	h.Set("X-RateLimit-Remaining", remaining)
	h.Set("X-RateLimit-Reset-After", resetAfter)
	return h
}

// TestRouteLimits: a bucket is per route and major parameter, learnt from
// Discord's headers; a request whose deadline comes before its bucket frees
// fails at once instead of holding a goroutine until then.
func TestRouteLimits(t *testing.T) {
	l := newRouteLimits(time.Now)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()

	l.update(routeEditOriginal, "app/a", http.StatusOK, limitHeaders("hash", "0", "30"))
	if err := l.wait(ctx, routeEditOriginal, "app/a"); !errors.Is(err, errPastDeadline) {
		t.Errorf("exhausted bucket, deadline first: %v, want errPastDeadline", err)
	}
	// The follow-up route shares the bucket once Discord has named it so.
	l.update(routeFollowUp, "app/b", http.StatusOK, limitHeaders("hash", "3", "30"))
	if err := l.wait(ctx, routeFollowUp, "app/a"); !errors.Is(err, errPastDeadline) {
		t.Errorf("the follow-up of a token whose bucket is spent: %v, want errPastDeadline", err)
	}
	// Another token is another bucket: not held up.
	if err := l.wait(ctx, routeEditOriginal, "app/c"); err != nil {
		t.Errorf("another token waited: %v", err)
	}
	// A window that ends before the deadline is waited for.
	l.update(routeEditOriginal, "app/d", http.StatusOK, limitHeaders("hash", "0", "0.05"))
	if err := l.wait(ctx, routeEditOriginal, "app/d"); err != nil {
		t.Errorf("short window: %v", err)
	}
	// A 429 holds the bucket for Retry-After; a global one holds them all.
	h := http.Header{}
	h.Set("Retry-After", "30")
	l.update(routeEditOriginal, "app/e", http.StatusTooManyRequests, h)
	if err := l.wait(ctx, routeEditOriginal, "app/e"); !errors.Is(err, errPastDeadline) {
		t.Errorf("after a 429: %v, want errPastDeadline", err)
	}
	h.Set("X-RateLimit-Global", "true")
	l.update(routeEditOriginal, "app/f", http.StatusTooManyRequests, h)
	if err := l.wait(ctx, routeFollowUp, "app/g"); !errors.Is(err, errPastDeadline) {
		t.Errorf("after a global 429: %v, want errPastDeadline", err)
	}
}

// TestRouteLimitsForget: buckets of past windows are forgotten, so one per
// interaction token does not grow memory without bound.
func TestRouteLimitsForget(t *testing.T) {
	now := time.Unix(1_000_000, 0)
	l := newRouteLimits(func() time.Time { return now })
	for k := range 3 * maxBuckets {
		l.update(routeEditOriginal, "app/"+strconv.Itoa(k), http.StatusOK, limitHeaders("hash", "4", "1"))
		now = now.Add(time.Millisecond)
	}
	if n := len(l.buckets); n > maxBuckets {
		t.Errorf("%d buckets remembered, at most %d wanted", n, maxBuckets)
	}
}
