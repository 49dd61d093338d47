package commands

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/bot/render"
	"briefbot/knowledge"
	"briefbot/schedule"
	"briefbot/store"
)

func (s subscriptions) listCommand() bot.Command {
	return bot.Command{
		Spec:   slash("subscriptions", "This server's daily briefings: where, when, next run, and any pause"),
		Handle: s.list,
	}
}

func (s subscriptions) list(ctx context.Context, _ *knowledge.Base, req bot.Request) bot.Response {
	if req.GuildID == "" {
		return bot.Notice("Briefing subscriptions belong to a server: please use this command in a server channel.")
	}
	subs, err := s.store.Subscriptions(ctx, req.GuildID)
	if err != nil {
		return storeTrouble(ctx, err)
	}
	var entries []string
	for _, sub := range subs {
		entries = append(entries, s.describe(sub))
	}
	return listedPrivately("Daily briefings", entries,
		"No briefing is subscribed in this server. A member with Manage Server can add one with /subscribe.",
		"Times are shown in your own timezone. Stop one with /unsubscribe.")
}

// listedPrivately answers, to the one who asked, an embed listing entries
// (each its own paragraph) with a footer, or saying empty when there are
// none.
func listedPrivately(title string, entries []string, empty, footer string) bot.Response {
	e := &discordgo.MessageEmbed{Title: title, Color: render.ColorFound}
	if len(entries) == 0 {
		e.Color = render.ColorNotFound
		e.Description = empty
		return bot.Response{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}
	}
	e.Description = render.Truncate(strings.Join(entries, ""), render.MaxDescription)
	e.Footer = &discordgo.MessageEmbedFooter{Text: footer}
	return bot.Response{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}
}

// describe is one subscription's paragraph: where and when, the next run,
// and why it is paused.
func (s subscriptions) describe(sub store.Subscription) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**No. %d** · <#%s> · %s %s", sub.ID, sub.ChannelID, sub.Time, render.EscapeCut(sub.Timezone, render.MaxName))
	if sub.Actor != "" {
		b.WriteString(" · on " + render.EscapeCut(sub.Actor, render.MaxName))
	}
	b.WriteByte('\n')
	if sub.Paused() {
		fmt.Fprintf(&b, "⏸️ **Paused** since %s: %s. Fix the channel or the bot's permissions, then run the same /subscribe again to resume.\n",
			discordTime(sub.PausedAt), render.EscapeCut(sub.PausedReason, 300))
	} else if next, err := schedule.NextRun(sub.Time, sub.Timezone, s.now()); err == nil {
		b.WriteString("Next: " + discordTime(next) + "\n")
	}
	b.WriteByte('\n')
	return b.String()
}
