package parallel

import (
	"sync/atomic"
	"testing"
)

func TestForCallsEveryIndexOnceAndNoWorkerTwiceAtOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		calls := make([]atomic.Int32, n)
		busy := make([]atomic.Int32, Workers())
		For(n, func(w, i int) {
			if busy[w].Add(1) != 1 {
				t.Errorf("worker %d runs two calls at once", w)
			}
			calls[i].Add(1)
			busy[w].Add(-1)
		})
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d called %d times", n, i, c)
			}
		}
	}
}
