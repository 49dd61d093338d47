package schedule

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"briefbot/store"
)

// handle claims one due run and posts it, or records it as missed when it
// is past the grace window. A run another process holds is left alone.
func (s *Scheduler) handle(ctx context.Context, log *slog.Logger, sub store.Subscription, r run) {
	log = log.With("date", r.date, "due", r.due)
	now := s.cfg.Clock.Now()
	claimed, err := s.cfg.Store.ClaimRun(ctx, sub.ID, r.date, now, s.cfg.Lease)
	if err != nil {
		log.Error("scheduler: claiming run", "err", err)
		return
	}
	if !claimed {
		return
	}
	if lateness := now.Sub(r.due); lateness > s.cfg.Grace {
		log.Warn("scheduler: briefing missed, too late to post, skipped", "late_by", lateness.Round(time.Minute))
		s.finish(ctx, log, sub, r, store.Missed)
		return
	}
	s.post(ctx, log, sub, r)
}

// post composes and delivers a claimed run, then records how it ended.
func (s *Scheduler) post(ctx context.Context, log *slog.Logger, sub store.Subscription, r run) {
	since, err := s.since(ctx, sub, r)
	if err != nil {
		log.Error("scheduler: reading last briefing", "err", err)
		s.release(log, sub, r)
		return
	}
	now := s.cfg.Clock.Now()
	b, err := s.cfg.Compose(ctx, sub, since, now)
	if err != nil {
		log.Error("scheduler: composing briefing", "err", err)
		s.release(log, sub, r)
		return
	}
	p := Post{ChannelID: sub.ChannelID, Briefing: b, Nonce: Nonce(sub.ID, r.date)}
	outcome := store.Posted
	if now.Sub(r.due) > s.cfg.LateAfter {
		outcome = store.Late
		p.Due = r.due.In(r.loc)
	}
	err = s.deliver(ctx, log, p)
	refused, isRefusal := refusal(err)
	switch {
	case err == nil:
		log.Info("scheduler: briefing posted", "outcome", outcome)
		s.finish(ctx, log, sub, r, outcome)
	case isRefusal && refused.Pause:
		log.Warn("scheduler: subscription paused", "reason", refused.Reason, "err", err)
		if err := s.cfg.Store.PauseSubscription(ctx, sub.ID, refused.Reason, s.cfg.Clock.Now()); err != nil {
			log.Error("scheduler: pausing subscription", "err", err)
		}
		// Released, not finished: if the subscription is resumed the same
		// day, the briefing can still go out.
		s.release(log, sub, r)
	case isRefusal:
		log.Error("scheduler: briefing refused", "err", err)
		s.finish(ctx, log, sub, r, store.Failed)
	default:
		log.Warn("scheduler: briefing not posted, will try again", "err", err)
		s.release(log, sub, r)
	}
}

// since is when the subscription's last briefing went out, or a day before
// this one is due for its first.
func (s *Scheduler) since(ctx context.Context, sub store.Subscription, r run) (time.Time, error) {
	last, ok, err := s.cfg.Store.LastRun(ctx, sub.ID, store.Posted, store.Late)
	if err != nil || !ok {
		return r.due.AddDate(0, 0, -1), err
	}
	return last.FinishedAt, nil
}

// deliver posts with exponential backoff on transient errors; a refusal or
// cancellation ends it at once.
func (s *Scheduler) deliver(ctx context.Context, log *slog.Logger, p Post) error {
	wait := s.cfg.Backoff
	for attempt := 0; ; attempt++ {
		err := s.cfg.Poster.PostBriefing(ctx, p)
		if _, refused := refusal(err); err == nil || refused || attempt == s.cfg.Retries {
			return err
		}
		log.Info("scheduler: post failed, retrying", "attempt", attempt+1, "wait", wait, "err", err)
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-s.cfg.Clock.After(wait):
		}
		wait = min(2*wait, maxBackoff)
	}
}

// finish records the run's outcome. A failure here leaves the claim to
// expire, and the run may then be posted again: the nonce keeps that to
// one message when it happens within Discord's nonce window.
func (s *Scheduler) finish(ctx context.Context, log *slog.Logger, sub store.Subscription, r run, o store.Outcome) {
	if err := s.cfg.Store.FinishRun(context.WithoutCancel(ctx), sub.ID, r.date, o, s.cfg.Clock.Now()); err != nil {
		log.Error("scheduler: finishing run", "outcome", o, "err", err)
	}
}

// release gives the claim back so a later pass tries again, even while
// shutting down.
func (s *Scheduler) release(log *slog.Logger, sub store.Subscription, r run) {
	if err := s.cfg.Store.ReleaseRun(context.Background(), sub.ID, r.date); err != nil {
		log.Error("scheduler: releasing run", "err", err)
	}
}
