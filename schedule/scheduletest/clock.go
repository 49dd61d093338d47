// Package scheduletest provides a fake clock for driving a scheduler
// through days and daylight-saving changes in tests.
package scheduletest

import (
	"sync"
	"time"
)

// Clock stands still until Set moves it; After moves it at once by the
// duration waited, so a backoff or a wait for the next briefing passes
// instantly. It is safe for concurrent use.
type Clock struct {
	mu     sync.Mutex
	now    time.Time
	waited []time.Duration
	until  time.Time
	stop   func()
}

// New returns a clock showing t.
func New(t time.Time) *Clock { return &Clock{now: t} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// After advances the clock by d and delivers the new time at once.
func (c *Clock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.waited = append(c.waited, d)
	c.now = c.now.Add(d)
	if c.stop != nil && c.now.After(c.until) {
		c.stop()
	}
	ch := make(chan time.Time, 1)
	ch <- c.now
	return ch
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// StopAfter calls stop once an After moves the clock past until: the way
// to end a scheduler's Run loop at a simulated time.
func (c *Clock) StopAfter(until time.Time, stop func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.until, c.stop = until, stop
}

// Waited returns every duration After was asked to wait, in order.
func (c *Clock) Waited() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.waited...)
}
