package commands

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/bot/render"
	"briefbot/knowledge"
)

const helpIntro = "I answer questions about the documents I hold, always quoting them with their sources. " +
	"Answers are private to you; **Share in channel** posts one for everyone."

func helpCommand() bot.Command {
	return bot.Command{
		Spec: slash("help", "What briefbot can do, and how to ask"),
		Handle: func(context.Context, *knowledge.Base, bot.Request) bot.Response {
			return bot.Response{Embeds: []*discordgo.MessageEmbed{helpEmbed()}, Ephemeral: true}
		},
	}
}

func helpEmbed() *discordgo.MessageEmbed {
	var lines []string
	for _, c := range Commands() {
		lines = append(lines, helpLine(c.Spec))
	}
	return &discordgo.MessageEmbed{
		Title:       "briefbot",
		Description: helpIntro + "\n\n" + strings.Join(lines, "\n"),
		Color:       render.ColorFound,
	}
}

// helpLine is "`/claims actor [kind]`: description".
func helpLine(spec *discordgo.ApplicationCommand) string {
	if spec.Type == discordgo.MessageApplicationCommand {
		return "**" + spec.Name + "**: " + findSourceHelp
	}
	return "`" + usage(spec) + "`: " + spec.Description
}

// usage is how a command is typed: required options bare, others in brackets.
func usage(spec *discordgo.ApplicationCommand) string {
	parts := []string{"/" + spec.Name}
	for _, o := range spec.Options {
		if o.Required {
			parts = append(parts, o.Name)
		} else {
			parts = append(parts, "["+o.Name+"]")
		}
	}
	return strings.Join(parts, " ")
}
