package respond

import (
	"fmt"
	"testing"
	"time"
)

func TestRateLimitBurstThenRefill(t *testing.T) {
	now := time.Unix(0, 0)
	l := NewRateLimit(6, 2, 10) // one token every 10 s
	l.now = func() time.Time { return now }
	for k, want := range []bool{true, true, false} {
		if got := l.Allow("u"); got != want {
			t.Fatalf("request %d allowed=%t, want %t", k, got, want)
		}
	}
	if !l.Allow("other") {
		t.Error("one user's burst limited another user")
	}
	now = now.Add(9 * time.Second)
	if l.Allow("u") {
		t.Error("allowed before a token refilled")
	}
	now = now.Add(2 * time.Second)
	if !l.Allow("u") {
		t.Error("refused after a token refilled")
	}
}

func TestRateLimitMemoryIsBounded(t *testing.T) {
	l := NewRateLimit(1, 1, 100)
	for k := range 10000 {
		l.Allow(fmt.Sprint("user-", k))
		if len(l.buckets) > 100 {
			t.Fatalf("%d users remembered, limit 100", len(l.buckets))
		}
	}
}

func TestNilRateLimitAllows(t *testing.T) {
	var l *RateLimit
	if !l.Allow("u") {
		t.Error("nil limit refused")
	}
}
