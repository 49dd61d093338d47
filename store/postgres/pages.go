package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"briefbot/store"
	"briefbot/store/internal/sqlshared"
)

// PutAnswerPage implements store.Store.
func (s *Store) PutAnswerPage(ctx context.Context, key string, options map[string]string, now time.Time) error {
	text, err := sqlshared.EncodeOptions(options)
	if err != nil {
		return fmt.Errorf("answer page %s: %w", key, err)
	}
	if _, err := s.pool.Exec(ctx, `DELETE FROM answer_pages WHERE created_at < $1`,
		now.Add(-store.AnswerPageMemory).UnixMilli()); err != nil {
		return fmt.Errorf("forgetting old answer pages: %w", err)
	}
	if _, err := s.pool.Exec(ctx, `INSERT INTO answer_pages (answer_key, options, created_at) VALUES ($1, $2, $3)
		ON CONFLICT (answer_key) DO UPDATE SET options = excluded.options, created_at = excluded.created_at`,
		key, text, now.UnixMilli()); err != nil {
		return fmt.Errorf("recording answer page %s: %w", key, err)
	}
	return nil
}

// AnswerPage implements store.Store.
func (s *Store) AnswerPage(ctx context.Context, key string, now time.Time) (map[string]string, bool, error) {
	var text string
	err := s.pool.QueryRow(ctx, `SELECT options FROM answer_pages WHERE answer_key = $1 AND created_at >= $2`,
		key, now.Add(-store.AnswerPageMemory).UnixMilli()).Scan(&text)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("reading answer page %s: %w", key, err)
	}
	options, err := sqlshared.DecodeOptions(key, text)
	return options, err == nil, err
}
