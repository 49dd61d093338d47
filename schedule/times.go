package schedule

import (
	"fmt"
	"strings"
	"time"
)

// ParseClock reads a time of day written "HH:MM" (24-hour clock, "9:05"
// accepted) into hours and minutes.
func ParseClock(s string) (hour, minute int, err error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, 0, fmt.Errorf("time %q: write it as HH:MM on a 24-hour clock, e.g. 09:00 or 17:30", s)
	}
	return t.Hour(), t.Minute(), nil
}

// dueAt is the instant of hour:minute on the local date of day in loc. On
// a day whose clocks go forward past that time (02:30 on a spring-forward
// night) it is the first valid instant after the gap, the moment of the
// change; on a day when the time occurs twice, it is the one Go's
// time.Date picks, and the run, claimed per local date, happens once.
func dueAt(day time.Time, hour, minute int, loc *time.Location) time.Time {
	y, m, d := day.Date()
	t := time.Date(y, m, d, hour, minute, 0, 0, loc)
	if t.Hour() == hour && t.Minute() == minute {
		return t
	}
	start, end := t.ZoneBounds()
	asked := time.Date(y, m, d, hour, minute, 0, 0, time.UTC)
	if wallClock(t).After(asked) {
		return start // t was placed after the gap: the gap ends where its zone starts
	}
	return end // t was placed before the gap, which ends where its zone ends
}

// wallClock reads t's local date and time as if they were UTC, to compare
// wall clocks across offsets.
func wallClock(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// localDay returns noon of t's local date in loc: a stable handle for
// stepping through dates, far from any midnight or daylight-saving change.
func localDay(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 12, 0, 0, 0, loc)
}

// addDays steps a localDay handle by n calendar days.
func addDays(day time.Time, n int) time.Time {
	y, m, d := day.Date()
	return time.Date(y, m, d+n, 12, 0, 0, 0, day.Location())
}

// NextRun is the next time after now that a briefing at clock ("HH:MM") in
// timezone is due.
func NextRun(clock, timezone string, now time.Time) (time.Time, error) {
	hour, minute, err := ParseClock(clock)
	if err != nil {
		return time.Time{}, err
	}
	loc, err := time.LoadLocation(timezone)
	if err != nil {
		return time.Time{}, fmt.Errorf("timezone %q: %w", timezone, err)
	}
	day := localDay(now, loc)
	for {
		if due := dueAt(day, hour, minute, loc); due.After(now) {
			return due, nil
		}
		day = addDays(day, 1)
	}
}

// Nonce names the post of one subscription's briefing for one local date.
// It is the same for every attempt, so that Discord, which enforces it,
// keeps a single message when a retry follows a post whose reply was lost.
// Discord allows at most 25 characters: enough for ids of 15 digits.
func Nonce(subscriptionID int64, localDate string) string {
	return fmt.Sprintf("b%d-%s", subscriptionID, strings.ReplaceAll(localDate, "-", ""))
}
