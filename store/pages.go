package store

import (
	"context"
	"time"
)

// AnswerPageMemory is how long the buttons of an answer keep working: a
// public answer's "More" may be pressed days after it was posted.
const AnswerPageMemory = 7 * 24 * time.Hour

// AnswerPages keeps what the buttons of a paged answer need, so that any
// replica, or the same one after a restart, answers them.
type AnswerPages interface {
	// PutAnswerPage records the options the answer named key was asked
	// with, replacing an older record of the same key. It forgets records
	// older than AnswerPageMemory.
	PutAnswerPage(ctx context.Context, key string, options map[string]string, now time.Time) error
	// AnswerPage returns the options recorded under key, unless they are
	// older than AnswerPageMemory.
	AnswerPage(ctx context.Context, key string, now time.Time) (options map[string]string, ok bool, err error)
}
