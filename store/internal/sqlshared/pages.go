package sqlshared

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"briefbot/store"
)

// PutAnswerPage implements store.AnswerPages, forgetting pages older than
// store.AnswerPageMemory.
func (t Tables) PutAnswerPage(ctx context.Context, key string, options map[string]string, now time.Time) error {
	text, err := encodeOptions(options)
	if err != nil {
		return fmt.Errorf("answer page %s: %w", key, err)
	}
	if _, err := t.DB.ExecContext(ctx, t.bind(`DELETE FROM answer_pages WHERE created_at < ?`),
		now.Add(-store.AnswerPageMemory).UnixMilli()); err != nil {
		return fmt.Errorf("forgetting old answer pages: %w", err)
	}
	if _, err := t.DB.ExecContext(ctx, t.bind(`INSERT INTO answer_pages (answer_key, options, created_at) VALUES (?, ?, ?)
		ON CONFLICT (answer_key) DO UPDATE SET options = excluded.options, created_at = excluded.created_at`),
		key, text, now.UnixMilli()); err != nil {
		return fmt.Errorf("recording answer page %s: %w", key, err)
	}
	return nil
}

// AnswerPage implements store.AnswerPages.
func (t Tables) AnswerPage(ctx context.Context, key string, now time.Time) (map[string]string, bool, error) {
	var text string
	err := t.DB.QueryRowContext(ctx, t.bind(`SELECT options FROM answer_pages WHERE answer_key = ? AND created_at >= ?`),
		key, now.Add(-store.AnswerPageMemory).UnixMilli()).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("reading answer page %s: %w", key, err)
	}
	options, err := decodeOptions(key, text)
	return options, err == nil, err
}

// encodeOptions writes an answer's options as both databases keep them.
func encodeOptions(options map[string]string) (string, error) {
	data, err := json.Marshal(options)
	return string(data), err
}

// decodeOptions reads the options encodeOptions wrote for key.
func decodeOptions(key, text string) (map[string]string, error) {
	var options map[string]string
	if err := json.Unmarshal([]byte(text), &options); err != nil {
		return nil, fmt.Errorf("answer page %s: %w", key, err)
	}
	return options, nil
}
