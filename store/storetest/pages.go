package storetest

import (
	"maps"
	"testing"
	"time"

	"briefbot/store"
)

func testAnswerPages(t *testing.T, st store.AnswerPages) {
	if _, ok, err := st.AnswerPage(ctx, "k1", t0); ok || err != nil {
		t.Fatalf("an unknown answer page is found (%v)", err)
	}
	asked := map[string]string{"question": "Who said \"talks\"?\nnewline, ünicode", "public": "true"}
	if err := st.PutAnswerPage(ctx, "k1", asked, t0); err != nil {
		t.Fatal(err)
	}
	if got, ok, err := st.AnswerPage(ctx, "k1", t0.Add(time.Hour)); !ok || err != nil || !maps.Equal(got, asked) {
		t.Errorf("read back %v %v (%v), want %v", got, ok, err, asked)
	}
	// The same answer asked again is kept from then on.
	later := t0.Add(store.AnswerPageMemory - time.Hour)
	if err := st.PutAnswerPage(ctx, "k1", asked, later); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := st.AnswerPage(ctx, "k1", t0.Add(store.AnswerPageMemory+time.Hour)); !ok {
		t.Error("an answer asked again was forgotten from its first time")
	}
	if err := st.PutAnswerPage(ctx, "k2", map[string]string{}, later); err != nil {
		t.Fatal(err)
	}
	expired := later.Add(store.AnswerPageMemory + time.Minute)
	if _, ok, _ := st.AnswerPage(ctx, "k2", expired); ok {
		t.Error("an answer page older than AnswerPageMemory is still found")
	}
	if err := st.PutAnswerPage(ctx, "k3", asked, expired); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := st.AnswerPage(ctx, "k1", later); ok {
		t.Error("expired answer pages are not forgotten when new ones are kept")
	}
}
