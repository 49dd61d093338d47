package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Button actions, the second part of a custom id.
const (
	actionMore     = "more"
	actionShare    = "share"
	actionUp       = "up"
	actionDown     = "down"
	optionKey      = "key"  // Component option: the answer's key (see rememberAnswer)
	optionPage     = "page" // Component option: the page the button was on
	recentCapacity = 1024   // the recent answers a route remembers
	maxCustomID    = 100    // Discord's limit on a custom id
)

// customID is "command:action:key:page", e.g. "ask:more:3f9a1c2b7d4e5f60:0":
// command names hold no colon, and the whole stays far under 100 characters.
func customID(command, action, key string, page int) string {
	return fmt.Sprintf("%s:%s:%s:%d", command, action, key, page)
}

// parseCustomID reads a custom id made by customID.
func parseCustomID(id string) (command, action string, opts map[string]string, ok bool) {
	parts := strings.Split(id, ":")
	if len(parts) != 4 || parts[0] == "" || parts[1] == "" {
		return "", "", nil, false
	}
	if _, err := strconv.Atoi(parts[3]); err != nil {
		return "", "", nil, false
	}
	return parts[0], parts[1], map[string]string{optionKey: parts[2], optionPage: parts[3]}, true
}

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
			CustomID: customID(command, actionMore, key, n),
		})
	}
	if ephemeral {
		row = append(row, discordgo.Button{
			Label: "Share in channel", Style: discordgo.SecondaryButton,
			CustomID: customID(command, actionShare, key, n),
		})
	}
	if feedback {
		row = append(row,
			discordgo.Button{Label: "👍", Style: discordgo.SecondaryButton, CustomID: customID(command, actionUp, key, n)},
			discordgo.Button{Label: "👎", Style: discordgo.SecondaryButton, CustomID: customID(command, actionDown, key, n)})
	}
	if len(row) == 0 {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// logFeedback records a 👍 or 👎 with what it was about.
func logFeedback(ctx context.Context, req Request, opts map[string]string) {
	loggerFrom(ctx).Info("feedback",
		"command", req.Name, "vote", req.Action, "page", req.Options[optionPage],
		"user", req.UserID, "guild", req.GuildID, "options", opts)
}
