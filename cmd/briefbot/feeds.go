package main

import (
	"context"
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"briefbot/feeds"
	"briefbot/store"
)

// feedRow is one row of `briefbot feeds list --json`.
type feedRow struct {
	ID          int64  `json:"id"`
	URL         string `json:"url"`
	Title       string `json:"title"`
	LastFetched string `json:"last_fetched"`
	Items       int    `json:"items"`
	Paused      string `json:"paused"`
	Interval    int    `json:"interval_minutes"`
	LastError   string `json:"last_error"`
}

// runFeeds manages the feeds serve follows.
func runFeeds(ctx context.Context, env *environment, args []string) error {
	// Not newFlagSet: feeds reads no documents, so it takes no --docs.
	var stored storeFlags
	fs := newBareFlagSet("feeds")
	asJSON := fs.Bool("json", false, "print the contract's JSON (list)")
	interval := fs.Int("interval", 0, fmt.Sprintf("`MINUTES` between polls of the feed added (default %d, at least %d)",
		int(feeds.DefaultInterval/time.Minute), int(feeds.MinInterval/time.Minute)))
	stored.register(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if err := checkFeedsArgs(pos); err != nil {
		return err
	}
	st, _, err := stored.withEnv(env).open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	switch pos[0] {
	case "add":
		f, resumed, err := feeds.Follow(ctx, st, pos[1], time.Duration(*interval)*time.Minute, "", time.Now())
		if err != nil {
			return fmt.Errorf("%s: %w", pos[1], err)
		}
		verb := "Following"
		if resumed {
			verb = "Resumed"
		}
		fmt.Fprintf(env.stdout, "%s %s (feed %d), polled every %d minutes by serve.\n", verb, f.URL, f.ID, int(f.Interval/time.Minute))
		return nil
	case "remove":
		f, err := feeds.Find(ctx, st, pos[1])
		if err == nil {
			err = st.RemoveFeed(ctx, f.ID)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", pos[1], err)
		}
		fmt.Fprintf(env.stdout, "No longer following %s; what it stored stays.\n", f.URL)
		return nil
	case "list":
		return listFeeds(ctx, env, st, *asJSON)
	}
	return nil // checkFeedsArgs knows every action
}

// checkFeedsArgs reports a feeds command line that names no action it
// knows, or the wrong number of arguments for it.
func checkFeedsArgs(pos []string) error {
	if len(pos) == 0 {
		return usageError("missing the action: add, remove or list")
	}
	want := map[string]string{"add": "the URL of the feed", "remove": "the URL or ID of the feed", "list": ""}
	arg, ok := want[pos[0]]
	switch {
	case !ok:
		return usageError("unknown action %q: add, remove or list", pos[0])
	case arg == "" && len(pos) > 1:
		return usageError("%s takes no argument, got %q", pos[0], pos[1])
	case arg != "" && len(pos) == 1:
		return usageError("%s needs %s", pos[0], arg)
	case len(pos) > 2:
		return usageError("%s takes one argument, got %d", pos[0], len(pos)-1)
	}
	return nil
}

func listFeeds(ctx context.Context, env *environment, st store.FeedStore, asJSON bool) error {
	list, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	rows := make([]feedRow, len(list))
	for i, f := range list {
		rows[i] = feedRow{ID: f.ID, URL: f.URL, Title: f.Title, Items: f.Items, Paused: f.PausedReason,
			Interval: int(feeds.Interval(f.Interval) / time.Minute), LastError: f.LastError}
		if !f.LastFetched.IsZero() {
			rows[i].LastFetched = f.LastFetched.UTC().Format(time.RFC3339)
		}
	}
	if asJSON {
		return writeJSON(env.stdout, rows)
	}
	if len(rows) == 0 {
		fmt.Fprintln(env.stdout, "No feeds followed. Add one with: briefbot feeds add URL")
		return nil
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tURL\tTITLE\tEVERY\tLAST FETCHED\tITEMS\tSTATE")
	for _, r := range rows {
		state := "active"
		switch {
		case r.Paused != "":
			state = "paused: " + r.Paused
		case r.LastError != "":
			state = "failing: " + r.LastError
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d min\t%s\t%d\t%s\n", strconv.FormatInt(r.ID, 10), r.URL, orDash(r.Title),
			r.Interval, orDash(r.LastFetched), r.Items, state)
	}
	return tw.Flush()
}
