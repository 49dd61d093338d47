package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/bot/render"
	"briefbot/knowledge"
	"briefbot/schedule"
	"briefbot/store"
)

// maxSubscriptionsPerGuild bounds what one server can ask the scheduler to
// post, and keeps /unsubscribe's choices within Discord's 25.
const maxSubscriptionsPerGuild = 25

// SubscriptionCommands returns /subscribe, /unsubscribe and /subscriptions,
// kept in st; now is the clock (time.Now in production).
func SubscriptionCommands(st SubscriptionStore, now func() time.Time) []bot.Command {
	s := subscriptions{store: st, now: now}
	return []bot.Command{s.subscribeCommand(), s.unsubscribeCommand(), s.listCommand()}
}

// SubscriptionStore is what the subscription commands keep: the
// subscriptions, and the interactions handled, so that a retried one
// changes nothing twice.
type SubscriptionStore interface {
	store.Subscriptions
	store.Interactions
}

// subscriptions holds what the three commands share.
type subscriptions struct {
	store SubscriptionStore
	now   func() time.Time
}

// managersOnly hides a command from members without Manage Server; the
// handlers check the permission again, as server settings can override it.
func managersOnly(spec *discordgo.ApplicationCommand) *discordgo.ApplicationCommand {
	perm := int64(discordgo.PermissionManageGuild)
	guildOnly := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	spec.DefaultMemberPermissions, spec.Contexts = &perm, &guildOnly
	return spec
}

func (s subscriptions) subscribeCommand() bot.Command {
	channel := &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionChannel, Name: "channel", Required: true,
		Description:  "Where the briefing is posted",
		ChannelTypes: []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews},
	}
	return bot.Command{
		Spec: managersOnly(slash("subscribe", "Post the daily briefing in a channel at a local time",
			channel,
			stringOption("time", "Local time of day, HH:MM on a 24-hour clock (e.g. 09:00)", true, false),
			stringOption("timezone", "IANA timezone, e.g. Europe/London", true, true),
			stringOption("actor", "Only what concerns this actor", false, true))),
		Handle: idempotent(s.store, s.now)(s.subscribe),
		Complete: func(ctx context.Context, kb *knowledge.Base, req bot.Request) bot.Response {
			if req.Focused == "actor" {
				return completeActor(ctx, kb, req)
			}
			return completeTimezone(req)
		},
	}
}

func (s subscriptions) subscribe(ctx context.Context, kb *knowledge.Base, req bot.Request) bot.Response {
	if refusal := managerRefusal(req); refusal != "" {
		return bot.Notice(refusal)
	}
	sub := store.Subscription{GuildID: req.GuildID, ChannelID: option(req.Options, "channel"),
		Time: option(req.Options, "time"), Timezone: option(req.Options, "timezone"),
		Actor: option(req.Options, "actor"), CreatedBy: req.UserID, CreatedAt: s.now()}
	if sub.ChannelID == "" {
		return bot.Notice("Please choose the channel the briefing goes to.")
	}
	if _, _, err := schedule.ParseClock(sub.Time); err != nil {
		return bot.Notice("Please give the time as HH:MM on a 24-hour clock, for example 09:00 or 17:30.")
	}
	if !validTimezone(sub.Timezone) {
		return bot.Notice("“" + render.EscapeCut(sub.Timezone, render.MaxName) + "” is not a timezone I know. Please pick one from the list, for example Europe/London.")
	}
	var actorNote string
	if sub.Actor != "" {
		if match := kb.Actor(sub.Actor).Match; match != nil {
			sub.Actor = match.Name
		} else {
			actorNote = "\nNo actor called “" + render.EscapeCut(sub.Actor, render.MaxName) + "” is in the documents yet; the briefing will say so until one is."
		}
	}
	existing, err := s.store.Subscriptions(ctx, req.GuildID)
	if err != nil {
		return storeTrouble(ctx, err)
	}
	if len(existing) >= maxSubscriptionsPerGuild {
		return bot.Notice(fmt.Sprintf("This server already has %d briefing subscriptions, the most it may have. Remove one with /unsubscribe first.", len(existing)))
	}
	sub.Time = canonicalClock(sub.Time)
	for _, e := range existing {
		if e.ChannelID == sub.ChannelID && e.Time == sub.Time && e.Timezone == sub.Timezone && strings.EqualFold(e.Actor, sub.Actor) {
			return s.resubscribe(ctx, e)
		}
	}
	sub, err = s.store.AddSubscription(ctx, sub)
	if err != nil {
		return storeTrouble(ctx, err)
	}
	next, _ := schedule.NextRun(sub.Time, sub.Timezone, s.now())
	return bot.Notice(fmt.Sprintf("Subscribed (No. %d): %s in <#%s> every day at %s %s. Next: %s.%s",
		sub.ID, briefingName(sub.Actor), sub.ChannelID, sub.Time, sub.Timezone, discordTime(next), actorNote))
}

// resubscribe answers /subscribe for a briefing that exists: a paused one
// is resumed (the channel or permission was fixed), an active one is left.
func (s subscriptions) resubscribe(ctx context.Context, sub store.Subscription) bot.Response {
	if !sub.Paused() {
		return bot.Notice(fmt.Sprintf("That briefing is already subscribed (No. %d).", sub.ID))
	}
	if err := s.store.ResumeSubscription(ctx, sub.ID); err != nil {
		return storeTrouble(ctx, err)
	}
	next, _ := schedule.NextRun(sub.Time, sub.Timezone, s.now())
	return bot.Notice(fmt.Sprintf("Resumed No. %d, paused because %s. Next: %s.",
		sub.ID, render.EscapeCut(sub.PausedReason, 300), discordTime(next)))
}

// managerRefusal explains why the user may not change subscriptions, or
// returns "" when they may.
func managerRefusal(req bot.Request) string {
	switch {
	case req.GuildID == "":
		return "Briefing subscriptions belong to a server: please use this command in a server channel."
	case !req.CanManageGuild:
		return "Only members with the Manage Server permission can change briefing subscriptions."
	}
	return ""
}

// validTimezone accepts IANA names only: not "Local", which would follow
// the server the bot runs on, nor the empty name, which means UTC.
func validTimezone(name string) bool {
	if name == "" || name == "Local" {
		return false
	}
	_, err := time.LoadLocation(name)
	return err == nil
}

// canonicalClock writes a valid time as HH:MM ("9:05" -> "09:05").
func canonicalClock(s string) string {
	h, m, err := schedule.ParseClock(s)
	if err != nil {
		return s
	}
	return fmt.Sprintf("%02d:%02d", h, m)
}

func briefingName(actor string) string {
	if actor == "" {
		return "the daily briefing"
	}
	return "the daily briefing on " + render.EscapeCut(actor, render.MaxName)
}

// discordTime shows an instant in each reader's own timezone.
func discordTime(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return fmt.Sprintf("<t:%d:F> (<t:%d:R>)", t.Unix(), t.Unix())
}

// storeTrouble answers when the subscription store fails.
func storeTrouble(ctx context.Context, err error) bot.Response {
	bot.Logger(ctx).Error("subscription store", "err", err)
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return bot.Notice("That took too long. Please try again.")
	}
	return bot.Notice("Sorry, the subscriptions could not be read or saved just now. The error has been logged.")
}
