package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// AnswerPageMemory is how long the buttons of an answer keep working: a
// public answer's "More" may be pressed days after it was posted.
const AnswerPageMemory = 7 * 24 * time.Hour

// AnswerPages is the part of Store that keeps what the buttons of a paged
// answer need, so that any replica, or the same one after a restart,
// answers them.
type AnswerPages interface {
	// PutAnswerPage records the options the answer named key was asked
	// with, replacing an older record of the same key. It forgets records
	// older than AnswerPageMemory.
	PutAnswerPage(ctx context.Context, key string, options map[string]string, now time.Time) error
	// AnswerPage returns the options recorded under key, unless they are
	// older than AnswerPageMemory.
	AnswerPage(ctx context.Context, key string, now time.Time) (options map[string]string, ok bool, err error)
}

// EncodeOptions writes an answer's options as both databases keep them.
func EncodeOptions(options map[string]string) (string, error) {
	data, err := json.Marshal(options)
	return string(data), err
}

// DecodeOptions reads the options EncodeOptions wrote for key.
func DecodeOptions(key, text string) (map[string]string, error) {
	var options map[string]string
	if err := json.Unmarshal([]byte(text), &options); err != nil {
		return nil, fmt.Errorf("answer page %s: %w", key, err)
	}
	return options, nil
}
