package commands

import (
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/bot/render"
)

// stringOption declares a text option.
func stringOption(name, description string, required, autocomplete bool) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionString, Name: name, Description: description,
		Required: required, Autocomplete: autocomplete,
	}
}

// intOption declares an optional whole-number option of at least 1.
func intOption(name, description string) *discordgo.ApplicationCommandOption {
	one := 1.0
	return &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionInteger, Name: name, Description: description, MinValue: &one,
	}
}

// boolOption declares an optional yes/no option.
func boolOption(name, description string) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionBoolean, Name: name, Description: description,
	}
}

// slash declares a chat-input command.
func slash(name, description string, options ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
	return &discordgo.ApplicationCommand{
		Type: discordgo.ChatApplicationCommand, Name: name, Description: description, Options: options,
	}
}

// option returns the trimmed text of option name.
func option(opts map[string]string, name string) string {
	return strings.TrimSpace(opts[name])
}

// intValue returns option name as a number, or 0 when it is absent or not one.
func intValue(opts map[string]string, name string) int {
	n, err := strconv.Atoi(option(opts, name))
	if err != nil {
		return 0
	}
	return n
}

// single wraps one embed as a response of one page.
func single(e *discordgo.MessageEmbed) (bot.Response, int) {
	return bot.Response{Embeds: []*discordgo.MessageEmbed{e}}, 1
}

// viewPage renders page n of v as a response.
func viewPage(v render.List, n int) (bot.Response, int) {
	e, pages := v.Page(n)
	return bot.Response{Embeds: []*discordgo.MessageEmbed{e}}, pages
}
