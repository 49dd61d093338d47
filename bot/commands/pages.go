package commands

import (
	"context"
	"time"

	"briefbot/bot"
	"briefbot/knowledge"
)

// AnswerPages keeps what the buttons of paged answers need beyond this
// process: the store, shared by every replica and kept across restarts.
type AnswerPages interface {
	PutAnswerPage(ctx context.Context, key string, options map[string]string, now time.Time) error
	AnswerPage(ctx context.Context, key string, now time.Time) (map[string]string, bool, error)
}

type (
	answerPagesKey struct{}
	recentKey      struct{} // the commands' *lru of recent answers
)

// KeepingPages makes paged answers keep their buttons' options in pages as
// well as in the commands' recent answers, so that another replica, or this
// one after a restart, answers the buttons.
func KeepingPages(pages AnswerPages) bot.Middleware {
	return func(next bot.Handler) bot.Handler {
		return func(ctx context.Context, kb *knowledge.Base, req bot.Request) bot.Response {
			return next(context.WithValue(ctx, answerPagesKey{}, pages), kb, req)
		}
	}
}

// remembering gives handlers recent, the memory of recent answers that
// their buttons re-derive pages from.
func remembering(recent *lru) bot.Middleware {
	return func(next bot.Handler) bot.Handler {
		return func(ctx context.Context, kb *knowledge.Base, req bot.Request) bot.Response {
			return next(context.WithValue(ctx, recentKey{}, recent), kb, req)
		}
	}
}

// rememberAnswer records the options of the answer named key. A store that
// fails costs the buttons on other replicas only: the answer is still given.
func rememberAnswer(ctx context.Context, key string, opts map[string]string) {
	recentAnswers(ctx).put(key, opts)
	if pages, ok := ctx.Value(answerPagesKey{}).(AnswerPages); ok {
		if err := pages.PutAnswerPage(ctx, key, opts, time.Now()); err != nil {
			bot.Logger(ctx).Warn("keeping an answer's pages", "key", key, "err", err)
		}
	}
}

// recallAnswer finds the options of the answer named key: in this process,
// or else in the store.
func recallAnswer(ctx context.Context, key string) (map[string]string, bool) {
	recent := recentAnswers(ctx)
	if opts, ok := recent.get(key); ok {
		return opts, true
	}
	pages, ok := ctx.Value(answerPagesKey{}).(AnswerPages)
	if !ok {
		return nil, false
	}
	opts, ok, err := pages.AnswerPage(ctx, key, time.Now())
	if err != nil {
		bot.Logger(ctx).Warn("reading an answer's pages", "key", key, "err", err)
	}
	if ok {
		recent.put(key, opts)
	}
	return opts, ok
}

// recentAnswers is the commands' memory of recent answers; nil, which
// remembers nothing, outside Commands.
func recentAnswers(ctx context.Context) *lru {
	recent, _ := ctx.Value(recentKey{}).(*lru)
	return recent
}
