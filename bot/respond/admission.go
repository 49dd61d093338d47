package respond

import (
	"context"
	"time"
)

// busyText is the polite refusal of work beyond capacity.
const busyText = "I'm busy answering other questions right now. Please try again in a minute."

// admission bounds the handlers running at once and the requests waiting
// for their turn. Handlers are CPU-bound: running more than a few per core
// only makes every answer late, the acknowledgements included, while a
// queue without bound turns a burst into memory and answers nobody waits
// for any more. A request finding the queue full, or waiting longer than
// its patience, is refused with busyText.
type admission struct {
	running  chan struct{} // one token per handler running
	waiting  chan struct{} // one token per request in the queue
	patience time.Duration
	metrics  *Metrics
}

func newAdmission(running, waiting int, patience time.Duration, metrics *Metrics) *admission {
	return &admission{running: make(chan struct{}, running), waiting: make(chan struct{}, waiting),
		patience: patience, metrics: metrics}
}

// enter waits for a turn to run; ok is false when the request is refused.
// leave must follow an admitted request.
func (a *admission) enter(ctx context.Context) (ok bool) {
	select {
	case a.running <- struct{}{}:
		a.metrics.running.Inc()
		return true
	default:
	}
	select {
	case a.waiting <- struct{}{}:
	default:
		return false // the queue is full
	}
	a.metrics.waiting.Inc()
	defer func() {
		<-a.waiting
		a.metrics.waiting.Dec()
	}()
	timer := time.NewTimer(a.patience)
	defer timer.Stop()
	select {
	case a.running <- struct{}{}:
		a.metrics.running.Inc()
		return true
	case <-timer.C:
	case <-ctx.Done():
	}
	return false
}

func (a *admission) leave() {
	<-a.running
	a.metrics.running.Dec()
}
