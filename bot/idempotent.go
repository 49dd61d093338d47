package bot

import (
	"context"
	"time"

	"briefbot/knowledge"
)

// replayWait bounds how long a replayed interaction waits for the first
// delivery's answer: well inside Discord's three seconds.
const (
	replayWait = 2 * time.Second
	replayPoll = 50 * time.Millisecond
)

// once makes a side-effecting handler idempotent on the interaction id:
// the first delivery acts and its answer is stored; a replay (Discord's
// retry, or a copy sent to another replica) gets the same answer without
// acting again. Requests without an id (the console) just run. It is a
// Middleware for the commands that change something, not for the route.
func (s subscriptions) once(handle Handler) Handler {
	return func(ctx context.Context, kb *knowledge.Base, req Request) Response {
		if req.InteractionID == "" {
			return handle(ctx, kb, req)
		}
		claimed, err := s.store.ClaimInteraction(ctx, req.InteractionID, s.now())
		if err != nil {
			return storeTrouble(ctx, err)
		}
		if !claimed {
			return s.replay(ctx, req.InteractionID)
		}
		resp := handle(ctx, kb, req)
		if err := s.store.FinishInteraction(context.WithoutCancel(ctx), req.InteractionID, resp.Content); err != nil {
			loggerFrom(ctx).Error("recording an interaction's answer", "interaction", req.InteractionID, "err", err)
		}
		return resp
	}
}

// replay answers a repeated interaction with the first delivery's answer,
// waiting a little for it when that delivery is still at work.
func (s subscriptions) replay(ctx context.Context, id string) Response {
	deadline := time.Now().Add(replayWait)
	for {
		result, done, err := s.store.InteractionResult(ctx, id)
		if err != nil {
			return storeTrouble(ctx, err)
		}
		if done {
			return notice(result)
		}
		if time.Now().After(deadline) {
			return notice("This command is already being handled; see /subscriptions for the result.")
		}
		select {
		case <-ctx.Done():
			return storeTrouble(ctx, ctx.Err())
		case <-time.After(replayPoll):
		}
	}
}
