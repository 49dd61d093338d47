// Package collector lets work that allocates in a known pattern set the
// garbage collector's target (debug.SetGCPercent) while it runs, and puts
// the program's own setting back when the last such work ends, however
// their runs overlap.
package collector

import (
	"runtime/debug"
	"sync"
)

// Off is the target that stops collection (as GOGC=off does); a memory
// limit (GOMEMLIMIT) still has the collector run.
const Off = -1

var state struct {
	sync.Mutex
	held  map[int]int // target -> holds under way
	saved int         // the setting from before the first hold
}

// Hold sets the collector's target to percent until release is called.
// While several holds overlap, the lowest target holds, Off lowest of all;
// the program's own setting stays when it is lower still.
func Hold(percent int) (release func()) {
	state.Lock()
	defer state.Unlock()
	if len(state.held) == 0 {
		state.held = map[int]int{}
		state.saved = debug.SetGCPercent(100)
		debug.SetGCPercent(state.saved)
	}
	state.held[percent]++
	apply()
	var once sync.Once
	return func() {
		once.Do(func() {
			state.Lock()
			defer state.Unlock()
			if state.held[percent]--; state.held[percent] == 0 {
				delete(state.held, percent)
			}
			if len(state.held) == 0 {
				debug.SetGCPercent(state.saved)
				return
			}
			apply()
		})
	}
}

// apply sets the lowest of the targets held and the program's own.
func apply() {
	target := state.saved
	for p := range state.held {
		target = min(target, p)
	}
	debug.SetGCPercent(target)
}
