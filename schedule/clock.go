package schedule

import (
	"time"
	// The zone database is built in, so subscriptions keep their local time
	// on hosts (slim containers) without /usr/share/zoneinfo.
	_ "time/tzdata"
)

// Clock is the scheduler's time: the system's in production, a fake one in
// tests, so that days and daylight-saving changes pass in microseconds.
type Clock interface {
	Now() time.Time
	// After delivers the time once d has passed.
	After(d time.Duration) <-chan time.Time
}

// SystemClock is the real clock.
type SystemClock struct{}

// Now implements Clock.
func (SystemClock) Now() time.Time { return time.Now() }

// After implements Clock.
func (SystemClock) After(d time.Duration) <-chan time.Time { return time.After(d) }
