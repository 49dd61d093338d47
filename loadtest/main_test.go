package main

import (
	"math"
	"testing"
	"time"
)

func TestHistogramQuantileCountsOnlyWhatCameSince(t *testing.T) {
	buckets := []float64{0, 0.001, 0.01, 0.1, math.Inf(1)}
	before := histogram{Counts: []uint64{5, 0, 0, 1}, Buckets: buckets}
	after := histogram{Counts: []uint64{5, 99, 0, 2}, Buckets: buckets}
	run := after.since(before)
	for _, c := range []struct {
		q    float64
		want time.Duration
	}{
		{0.5, 10 * time.Millisecond}, // the upper bound of [1 ms, 10 ms)
		{0.99, 10 * time.Millisecond},
		{1, 100 * time.Millisecond}, // the unbounded bucket: its lower bound
	} {
		if got := run.quantile(c.q); got != c.want {
			t.Errorf("quantile(%v) = %v, want %v", c.q, got, c.want)
		}
	}
	if before.Counts[1] != 0 || after.Counts[1] != 99 {
		t.Errorf("since changed its operands: %v, %v", before.Counts, after.Counts)
	}
	if got := (histogram{Counts: []uint64{0, 0}, Buckets: buckets[:3]}).quantile(1); got != 0 {
		t.Errorf("quantile of nothing = %v, want 0", got)
	}
}
