package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"briefbot/bot"
	"briefbot/knowledge"
	"briefbot/store"
)

func (s subscriptions) unsubscribeCommand() bot.Command {
	return bot.Command{
		Spec: managersOnly(slash("unsubscribe", "Stop a daily briefing",
			stringOption("subscription", "The subscription to stop (see /subscriptions)", true, true))),
		Handle: idempotent(s.store, s.now)(s.unsubscribe),
		Complete: func(ctx context.Context, _ *knowledge.Base, req bot.Request) bot.Response {
			return s.completeSubscription(ctx, req)
		},
	}
}

func (s subscriptions) unsubscribe(ctx context.Context, _ *knowledge.Base, req bot.Request) bot.Response {
	if refusal := managerRefusal(req); refusal != "" {
		return bot.Notice(refusal)
	}
	id, err := strconv.ParseInt(option(req.Options, "subscription"), 10, 64)
	if err != nil {
		return bot.Notice("Please pick the subscription to stop from the list (or give its number from /subscriptions).")
	}
	sub, err := s.store.Subscription(ctx, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && sub.GuildID != req.GuildID) {
		return bot.Notice(fmt.Sprintf("This server has no subscription No. %d. See /subscriptions.", id))
	}
	if err != nil {
		return storeTrouble(ctx, err)
	}
	if err := s.store.DeleteSubscription(ctx, req.GuildID, id); err != nil && !errors.Is(err, store.ErrNotFound) {
		return storeTrouble(ctx, err)
	}
	return bot.Notice(fmt.Sprintf("Stopped No. %d: %s in <#%s> at %s %s.", sub.ID, briefingName(sub.Actor), sub.ChannelID, sub.Time, sub.Timezone))
}

// completeSubscription offers the server's subscriptions, by number.
func (s subscriptions) completeSubscription(ctx context.Context, req bot.Request) bot.Response {
	if req.GuildID == "" {
		return bot.NoChoices()
	}
	subs, err := s.store.Subscriptions(ctx, req.GuildID)
	if err != nil {
		return bot.NoChoices()
	}
	var l choiceList
	for _, sub := range subs {
		l.add(subscriptionLabel(sub), strconv.FormatInt(sub.ID, 10))
	}
	return l.response()
}

// subscriptionLabel names a subscription in plain text (autocomplete shows
// no markdown and no channel mentions).
func subscriptionLabel(sub store.Subscription) string {
	label := fmt.Sprintf("No. %d · %s %s · channel %s", sub.ID, sub.Time, sub.Timezone, sub.ChannelID)
	if sub.Actor != "" {
		label += " · " + sub.Actor
	}
	if sub.Paused() {
		label += " · paused"
	}
	return label
}
