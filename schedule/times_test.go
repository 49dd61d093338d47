package schedule

import (
	"testing"
	"time"
)

func TestDueAtAcrossDaylightSaving(t *testing.T) {
	ny, london := mustZone(t, "America/New_York"), mustZone(t, "Europe/London")
	cases := []struct {
		name         string
		loc          *time.Location
		date         string
		hour, minute int
		want         string // RFC 3339
	}{
		{"NY before spring forward", ny, "2026-03-07", 9, 0, "2026-03-07T09:00:00-05:00"},
		{"NY after spring forward", ny, "2026-03-08", 9, 0, "2026-03-08T09:00:00-04:00"},
		{"NY time in the gap runs when clocks change", ny, "2026-03-08", 2, 30, "2026-03-08T03:00:00-04:00"},
		{"NY gap's edge", ny, "2026-03-08", 3, 0, "2026-03-08T03:00:00-04:00"},
		{"NY before fall back", ny, "2026-10-31", 9, 0, "2026-10-31T09:00:00-04:00"},
		{"NY after fall back", ny, "2026-11-01", 9, 0, "2026-11-01T09:00:00-05:00"},
		{"London before spring forward", london, "2026-03-28", 9, 0, "2026-03-28T09:00:00Z"},
		{"London after spring forward", london, "2026-03-29", 9, 0, "2026-03-29T09:00:00+01:00"},
		{"London time in the gap", london, "2026-03-29", 1, 15, "2026-03-29T02:00:00+01:00"},
		{"London after fall back", london, "2026-10-25", 9, 0, "2026-10-25T09:00:00Z"},
	}
	for _, c := range cases {
		day, _ := time.ParseInLocation(time.DateOnly, c.date, c.loc)
		got := dueAt(localDay(day, c.loc), c.hour, c.minute, c.loc)
		if got.Format(time.RFC3339) != c.want {
			t.Errorf("%s: %s, want %s", c.name, got.Format(time.RFC3339), c.want)
		}
	}
}

func TestNextRun(t *testing.T) {
	now := time.Date(2026, 3, 8, 13, 0, 0, 0, time.UTC) // 09:00 EDT exactly
	next, err := NextRun("09:00", "America/New_York", now)
	if err != nil || !next.Equal(time.Date(2026, 3, 9, 13, 0, 0, 0, time.UTC)) {
		t.Errorf("next after a run's own instant: %v (%v), want the next day", next, err)
	}
	next, _ = NextRun("09:00", "America/New_York", now.Add(-time.Minute))
	if !next.Equal(now) {
		t.Errorf("next a minute before: %v, want %v", next, now)
	}
	for _, bad := range [][2]string{{"25:00", "UTC"}, {"9am", "UTC"}, {"", "UTC"}, {"09:00", "Mars/Olympus"}, {"09:00", "../../etc/passwd"}} {
		if _, err := NextRun(bad[0], bad[1], now); err == nil {
			t.Errorf("NextRun(%q, %q) accepted", bad[0], bad[1])
		}
	}
}

func TestNonceFitsDiscord(t *testing.T) {
	n := Nonce(999_999_999_999_999, "2026-03-08")
	if len(n) > 25 {
		t.Errorf("nonce %q has %d characters, Discord allows 25", n, len(n))
	}
	if Nonce(1, "2026-03-08") == Nonce(1, "2026-03-09") || Nonce(1, "2026-03-08") == Nonce(11, "2026-03-08") {
		t.Error("nonces of different runs collide")
	}
}
