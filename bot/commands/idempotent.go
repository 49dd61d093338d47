package commands

import (
	"context"
	"time"

	"briefbot/bot"
	"briefbot/knowledge"
	"briefbot/store"
)

// replayWait bounds how long a replayed interaction waits for the first
// delivery's answer: well inside Discord's three seconds.
const (
	replayWait = 2 * time.Second
	replayPoll = 50 * time.Millisecond
)

// idempotent makes a side-effecting command idempotent on the interaction
// id: the first delivery acts and its answer is stored in st; a replay
// (Discord's retry, or a copy sent to another replica) gets the same answer
// without acting again. Requests without an id (the console) just run. It
// wraps the commands that change something, not the whole route: a replayed
// question is merely answered twice.
func idempotent(st store.Interactions, now func() time.Time) bot.Middleware {
	return func(next bot.Handler) bot.Handler {
		return func(ctx context.Context, kb *knowledge.Base, req bot.Request) bot.Response {
			if req.InteractionID == "" {
				return next(ctx, kb, req)
			}
			claimed, err := st.ClaimInteraction(ctx, req.InteractionID, now())
			if err != nil {
				return storeTrouble(ctx, err)
			}
			if !claimed {
				return replay(ctx, st, req.InteractionID)
			}
			resp := next(ctx, kb, req)
			if err := st.FinishInteraction(context.WithoutCancel(ctx), req.InteractionID, resp.Content); err != nil {
				bot.Logger(ctx).Error("recording an interaction's answer", "interaction", req.InteractionID, "err", err)
			}
			return resp
		}
	}
}

// replay answers a repeated interaction with the first delivery's answer,
// waiting a little for it when that delivery is still at work.
func replay(ctx context.Context, st store.Interactions, id string) bot.Response {
	deadline := time.Now().Add(replayWait)
	for {
		result, done, err := st.InteractionResult(ctx, id)
		if err != nil {
			return storeTrouble(ctx, err)
		}
		if done {
			return bot.Notice(result)
		}
		if time.Now().After(deadline) {
			return bot.Notice("This command is already being handled; see /subscriptions for the result.")
		}
		select {
		case <-ctx.Done():
			return storeTrouble(ctx, ctx.Err())
		case <-time.After(replayPoll):
		}
	}
}
