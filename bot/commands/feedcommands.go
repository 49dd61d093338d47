package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/bot/render"
	"briefbot/feeds"
	"briefbot/knowledge"
	"briefbot/knowledge/fetch"
	"briefbot/store"
)

// FeedCommands returns /feeds (add, remove, list): the feeds serve polls
// into the knowledge base, kept in st; now is the clock.
func FeedCommands(st FeedStore, now func() time.Time) []bot.Command {
	s := feedList{store: st, now: now}
	minMinutes := float64(feeds.MinInterval / time.Minute)
	interval := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionInteger, Name: "interval",
		Description: fmt.Sprintf("Minutes between checks (default %d, at least %d)", int(feeds.DefaultInterval/time.Minute), int(minMinutes)),
		MinValue:    &minMinutes, MaxValue: 7 * 24 * 60}
	sub := func(name, description string, options ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand,
			Name: name, Description: description, Options: options}
	}
	return []bot.Command{{
		Spec: managersOnly(slash("feeds", "The RSS, Atom and JSON feeds whose new articles join the knowledge base",
			sub("add", "Follow a feed (or a page): its new articles are added as they appear",
				stringOption("url", "The feed's address, http or https", true, false), interval),
			sub("remove", "Stop following a feed; what it added stays",
				stringOption("feed", "The feed to stop following (see /feeds list)", true, true)),
			sub("list", "The followed feeds: last fetched, articles added, and any pause"))),
		Handle: idempotent(st, now)(s.feeds),
		Complete: func(ctx context.Context, _ *knowledge.Base, req bot.Request) bot.Response {
			return completeFeed(ctx, st, req)
		},
	}}
}

// FeedStore is what /feeds keeps: the followed feeds, and the
// interactions handled.
type FeedStore interface {
	store.FeedStore
	store.Interactions
}

// feedList holds what the /feeds subcommands share.
type feedList struct {
	store FeedStore
	now   func() time.Time
}

func (s feedList) feeds(ctx context.Context, _ *knowledge.Base, req bot.Request) bot.Response {
	if req.GuildID == "" {
		return bot.Notice("Feeds are managed from a server: please use this command in a server channel.")
	}
	if !req.CanManageGuild {
		return bot.Notice("Only members with the Manage Server permission can change the followed feeds.")
	}
	switch req.Subcommand {
	case "add":
		return s.addFeed(ctx, req)
	case "remove":
		return s.removeFeed(ctx, req)
	}
	return s.listFeeds(ctx)
}

func (s feedList) addFeed(ctx context.Context, req bot.Request) bot.Response {
	raw := option(req.Options, "url")
	if _, err := fetch.CheckURL(raw); err != nil {
		return bot.Notice("“" + render.EscapeCut(raw, render.MaxName) + "” is not an address I can follow: " + err.Error() + ".")
	}
	every := time.Duration(intValue(req.Options, "interval")) * time.Minute
	f, resumed, err := feeds.Follow(ctx, s.store, raw, every, req.UserID, s.now())
	switch {
	case errors.Is(err, store.ErrFeedExists):
		return bot.Notice(fmt.Sprintf("That feed is already followed (No. %d). See /feeds list.", f.ID))
	case err != nil:
		return storeTrouble(ctx, err)
	}
	verb := "Following"
	if resumed {
		verb = "Resumed"
	}
	return bot.Notice(fmt.Sprintf("%s No. %d: %s, checked every %d minutes. Its new articles join the knowledge base and the next briefing's “New since the last briefing”.",
		verb, f.ID, feedLink(f.URL), int(f.Interval/time.Minute)))
}

func (s feedList) removeFeed(ctx context.Context, req bot.Request) bot.Response {
	ref := option(req.Options, "feed")
	f, err := feeds.Find(ctx, s.store, ref)
	if err == nil {
		err = s.store.RemoveFeed(ctx, f.ID)
	}
	switch {
	case errors.Is(err, store.ErrFeedNotFound):
		return bot.Notice("No followed feed is “" + render.EscapeCut(ref, render.MaxName) + "”. See /feeds list.")
	case err != nil:
		return storeTrouble(ctx, err)
	}
	return bot.Notice(fmt.Sprintf("Stopped following No. %d: %s. The articles it added stay in the knowledge base.", f.ID, feedLink(f.URL)))
}

func (s feedList) listFeeds(ctx context.Context) bot.Response {
	list, err := s.store.Feeds(ctx)
	if err != nil {
		return storeTrouble(ctx, err)
	}
	var entries []string
	for _, f := range list {
		entries = append(entries, describeFeed(f))
	}
	return listedPrivately("Followed feeds", entries,
		"No feed is followed. A member with Manage Server can add one with /feeds add.",
		"Stop one with /feeds remove. Adding a paused feed again resumes it.")
}

// describeFeed is one feed's paragraph: what it is, when it was last
// fetched, what it added, and why it is paused or failing.
func describeFeed(f store.Feed) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**No. %d** · ", f.ID)
	if f.Title != "" {
		b.WriteString(render.EscapeCut(f.Title, render.MaxName) + " · ")
	}
	fmt.Fprintf(&b, "%s\nEvery %d min · ", feedLink(f.URL), int(feeds.Interval(f.Interval)/time.Minute))
	if f.LastFetched.IsZero() {
		b.WriteString("not fetched yet")
	} else {
		fmt.Fprintf(&b, "last fetched <t:%d:R>", f.LastFetched.Unix())
	}
	fmt.Fprintf(&b, " · %s added\n", render.Plural(f.Items, "article"))
	switch {
	case f.Paused():
		fmt.Fprintf(&b, "⏸️ **Paused**: %s. Run /feeds add with the same address to resume.\n", render.EscapeCut(f.PausedReason, 300))
	case f.LastError != "":
		fmt.Fprintf(&b, "⚠️ Failing (%d in a row): %s. Next try <t:%d:R>.\n", f.Failures, render.EscapeCut(f.LastError, 300), f.NextPoll.Unix())
	}
	b.WriteByte('\n')
	return b.String()
}

// completeFeed offers the followed feeds, by number.
func completeFeed(ctx context.Context, st store.FeedStore, req bot.Request) bot.Response {
	list, err := st.Feeds(ctx)
	if err != nil || req.GuildID == "" {
		return bot.NoChoices()
	}
	typed := strings.ToLower(option(req.Options, req.Focused))
	var l choiceList
	for _, f := range list {
		label := fmt.Sprintf("No. %d · %s", f.ID, strings.TrimSpace(f.Title+" "+f.URL))
		if typed == "" || strings.Contains(strings.ToLower(label), typed) {
			l.add(label, strconv.FormatInt(f.ID, 10))
		}
	}
	return l.response()
}

// feedLink shows a feed's address as a link without a preview, or as
// escaped text when it cannot be one safely.
func feedLink(raw string) string {
	if link := render.SafeURL(raw); link != "" && !strings.ContainsAny(link, "<>") {
		return "<" + link + ">"
	}
	return render.EscapeCut(raw, render.MaxLinkURL)
}
