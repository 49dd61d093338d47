package commands

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
)

// Button actions, the second part of a custom id.
const (
	ActionMore     = "more"
	actionShare    = "share"
	actionUp       = "up"
	actionDown     = "down"
	recentCapacity = 1024 // the recent answers Commands remember
	maxCustomID    = 100  // Discord's limit on a custom id
)

// answerKey names a command run with opts; the same question gets the same
// key, so repeats share one remembered entry; a button carries only the
// key, which keeps custom ids short.
func answerKey(command string, opts map[string]string) string {
	h := sha256.New()
	h.Write([]byte(command))
	for _, k := range slices.Sorted(maps.Keys(opts)) {
		fmt.Fprintf(h, "\x00%s\x00%s", k, opts[k])
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// buttons are the components of page n of pages: "More" while pages remain,
// "Share in channel" on a private answer, and feedback when asked for.
func buttons(command, key string, n, pages int, ephemeral, feedback bool) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	if n+1 < pages {
		row = append(row, discordgo.Button{
			Label: fmt.Sprintf("More (%d/%d)", n+2, pages), Style: discordgo.PrimaryButton,
			CustomID: bot.CustomID(command, ActionMore, key, n),
		})
	}
	if ephemeral {
		row = append(row, discordgo.Button{
			Label: "Share in channel", Style: discordgo.SecondaryButton,
			CustomID: bot.CustomID(command, actionShare, key, n),
		})
	}
	if feedback {
		row = append(row,
			discordgo.Button{Label: "👍", Style: discordgo.SecondaryButton, CustomID: bot.CustomID(command, actionUp, key, n)},
			discordgo.Button{Label: "👎", Style: discordgo.SecondaryButton, CustomID: bot.CustomID(command, actionDown, key, n)})
	}
	if len(row) == 0 {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// logFeedback records a 👍 or 👎 with what it was about.
func logFeedback(ctx context.Context, req bot.Request, opts map[string]string) {
	bot.Logger(ctx).Info("feedback",
		"command", req.Name, "vote", req.Action, "page", req.Options[bot.OptionPage],
		"user", req.UserID, "guild", req.GuildID, "options", opts)
}
