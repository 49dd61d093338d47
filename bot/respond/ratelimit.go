package respond

import (
	"sync"
	"time"
)

// RateLimit is a per-user token bucket: Burst requests at once, refilled at
// PerMinute a minute. It remembers at most MaxUsers users, so a flood of
// distinct ids cannot grow memory without bound.
type RateLimit struct {
	PerMinute float64
	Burst     float64
	MaxUsers  int

	mu      sync.Mutex
	buckets map[string]*bucket
	now     func() time.Time
}

type bucket struct {
	tokens float64
	seen   time.Time
}

// NewRateLimit allows burst requests at once and perMinute sustained, per
// user, tracking up to maxUsers users.
func NewRateLimit(perMinute, burst float64, maxUsers int) *RateLimit {
	return &RateLimit{PerMinute: perMinute, Burst: burst, MaxUsers: maxUsers,
		buckets: map[string]*bucket{}, now: time.Now}
}

// DefaultRateLimit is what Serve uses: a burst of 10 commands, then 20 a
// minute, per user, remembering up to 10,000 users.
func DefaultRateLimit() *RateLimit { return NewRateLimit(20, 10, 10000) }

// Allow takes one token from user's bucket, reporting false when it is empty.
// A nil RateLimit allows everything.
func (l *RateLimit) Allow(user string) bool {
	if l == nil {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, ok := l.buckets[user]
	if !ok {
		l.makeRoom(now)
		b = &bucket{tokens: l.Burst, seen: now}
		l.buckets[user] = b
	}
	b.tokens = min(l.Burst, b.tokens+now.Sub(b.seen).Minutes()*l.PerMinute)
	b.seen = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// makeRoom forgets users whose bucket has refilled (they lose nothing), and
// if the table is still full, arbitrary users (they merely get a fresh
// bucket) down to three quarters, so that sweeps stay rare under a flood.
func (l *RateLimit) makeRoom(now time.Time) {
	if len(l.buckets) < l.MaxUsers {
		return
	}
	for user, b := range l.buckets {
		if b.tokens+now.Sub(b.seen).Minutes()*l.PerMinute >= l.Burst {
			delete(l.buckets, user)
		}
	}
	target := l.MaxUsers - l.MaxUsers/4
	for user := range l.buckets {
		if len(l.buckets) < target {
			return
		}
		delete(l.buckets, user)
	}
}
