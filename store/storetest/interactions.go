package storetest

import (
	"testing"
	"time"

	"briefbot/store"
)

func testInteractions(t *testing.T, st store.Interactions) {
	if _, done, err := st.InteractionResult(ctx, "i1"); done || err != nil {
		t.Fatalf("an unknown interaction is done (%v)", err)
	}
	won := race(t, 6, func() (bool, error) { return st.ClaimInteraction(ctx, "i1", t0) })
	if won != 1 {
		t.Fatalf("%d of 6 claims of one interaction won, want 1", won)
	}
	if _, done, _ := st.InteractionResult(ctx, "i1"); done {
		t.Error("a claimed interaction is done before it finished")
	}
	if err := st.FinishInteraction(ctx, "i1", "Subscribed (No. 1)"); err != nil {
		t.Fatal(err)
	}
	if result, done, err := st.InteractionResult(ctx, "i1"); !done || result != "Subscribed (No. 1)" || err != nil {
		t.Errorf("result %q done %v (%v)", result, done, err)
	}
	if ok, _ := st.ClaimInteraction(ctx, "i2", t0); !ok {
		t.Error("another interaction could not be claimed")
	}
	later := t0.Add(store.InteractionMemory + time.Minute)
	if ok, _ := st.ClaimInteraction(ctx, "i3", later); !ok {
		t.Error("a third interaction could not be claimed")
	}
	if _, done, _ := st.InteractionResult(ctx, "i1"); done {
		t.Error("an interaction older than InteractionMemory is still remembered")
	}
}
