// Package parallel runs the independent steps of a build on all CPUs.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers is how many goroutines For runs at most: one per CPU.
func Workers() int { return max(1, runtime.GOMAXPROCS(0)) }

// For calls do(worker, i) for every i in [0, n), from up to Workers()
// goroutines that each take the next i when free. A worker index is never
// used by two calls at once, so scratch space may be kept per worker.
func For(n int, do func(worker, i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range min(Workers(), max(1, n)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				do(w, i)
			}
		})
	}
	wg.Wait()
}
