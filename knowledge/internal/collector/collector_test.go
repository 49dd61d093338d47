package collector

import (
	"runtime/debug"
	"testing"
)

func current() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

func TestOverlappingHoldsRestoreTheProgramsSetting(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	build := Hold(50)
	if got := current(); got != 50 {
		t.Fatalf("during a build: %d, want 50", got)
	}
	read := Hold(Off)
	if got := current(); got != Off {
		t.Fatalf("a read under way: %d, want off", got)
	}
	build()
	if got := current(); got != Off {
		t.Fatalf("the build ended, the read goes on: %d, want off", got)
	}
	other := Hold(50)
	read()
	read() // a second release changes nothing
	if got := current(); got != 50 {
		t.Fatalf("the read ended, another build goes on: %d, want 50", got)
	}
	other()
	if got := current(); got != 100 {
		t.Fatalf("all ended: %d, want the program's 100", got)
	}
}

func TestTheProgramsLowerSettingStays(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(20))
	release := Hold(50)
	if got := current(); got != 20 {
		t.Errorf("GOGC=20 and a build: %d, want 20", got)
	}
	release()
	debug.SetGCPercent(Off)
	release = Hold(50)
	if got := current(); got != Off {
		t.Errorf("GOGC=off and a build: %d, want off", got)
	}
	release()
}
