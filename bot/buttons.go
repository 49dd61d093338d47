package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// The options a button's custom id gives the command it names.
const (
	OptionKey  = "key"  // the answer's key: what the command remembered it under
	OptionPage = "page" // the page the button was on
)

// CustomID is "command:action:key:page", e.g. "ask:more:3f9a1c2b7d4e5f60:0":
// command names hold no colon, and the whole stays far under 100 characters.
func CustomID(command, action, key string, page int) string {
	return fmt.Sprintf("%s:%s:%s:%d", command, action, key, page)
}

// ParseCustomID reads a custom id made by CustomID: the route finds the
// command a button belongs to by it.
func ParseCustomID(id string) (command, action string, opts map[string]string, ok bool) {
	parts := strings.Split(id, ":")
	if len(parts) != 4 || parts[0] == "" || parts[1] == "" {
		return "", "", nil, false
	}
	if _, err := strconv.Atoi(parts[3]); err != nil {
		return "", "", nil, false
	}
	return parts[0], parts[1], map[string]string{OptionKey: parts[2], OptionPage: parts[3]}, true
}

// Buttons lists the buttons in the action rows of components.
func Buttons(components []discordgo.MessageComponent) []discordgo.Button {
	var buttons []discordgo.Button
	for _, c := range components {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, inner := range row.Components {
			if btn, ok := inner.(discordgo.Button); ok {
				buttons = append(buttons, btn)
			}
		}
	}
	return buttons
}
