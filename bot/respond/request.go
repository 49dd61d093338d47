package respond

import (
	"strconv"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
)

// requestFrom turns an interaction into a transport-neutral Request. ok is
// false for interactions no handler answers (PING, modal submits).
func requestFrom(i *discordgo.Interaction) (req bot.Request, ok bool) {
	req = bot.Request{
		InteractionID: i.ID,
		GuildID:       i.GuildID,
		ChannelID:     i.ChannelID,
		Options:       map[string]string{},
	}
	if i.Member != nil {
		req.CanManageGuild = i.Member.Permissions&discordgo.PermissionManageGuild != 0
		if i.Member.User != nil {
			req.UserID = i.Member.User.ID
		}
	} else if i.User != nil {
		req.UserID = i.User.ID
	}

	switch i.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		data := i.ApplicationCommandData()
		req.Name = data.Name
		req.Subcommand = subcommandOf(data.Options)
		req.Focused = collectOptions(data.Options, req.Options)
		switch {
		case i.Type == discordgo.InteractionApplicationCommandAutocomplete:
			req.Kind = bot.Autocomplete
		case data.CommandType == discordgo.MessageApplicationCommand:
			req.Kind = bot.MessageCommand
			req.TargetText = targetMessageText(data)
			req.TargetMessageID, req.TargetAttachments = targetAttachments(data)
		default:
			req.Kind = bot.SlashCommand
		}
		return req, true
	case discordgo.InteractionMessageComponent:
		req.Kind = bot.Component
		req.CustomID = i.MessageComponentData().CustomID
		return req, true
	}
	return req, false
}

// collectOptions writes every option value as text into into, descending into
// subcommands, and returns the name of the focused option, if any.
func collectOptions(opts []*discordgo.ApplicationCommandInteractionDataOption, into map[string]string) (focused string) {
	for _, o := range opts {
		if o == nil {
			continue
		}
		if len(o.Options) > 0 {
			if f := collectOptions(o.Options, into); f != "" {
				focused = f
			}
			continue
		}
		if o.Value != nil {
			into[o.Name] = optionText(o.Value)
		}
		if o.Focused {
			focused = o.Name
		}
	}
	return focused
}

// subcommandOf returns the name of the subcommand chosen, or "".
func subcommandOf(opts []*discordgo.ApplicationCommandInteractionDataOption) string {
	for _, o := range opts {
		if o != nil && o.Type == discordgo.ApplicationCommandOptionSubCommand {
			return o.Name
		}
	}
	return ""
}

// optionText formats a decoded JSON option value: strings and snowflakes
// as they are, numbers without a needless fraction, booleans as true/false.
func optionText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	return ""
}

// targetAttachments are the id and the files of the message a context-menu
// command was run on.
func targetAttachments(data discordgo.ApplicationCommandInteractionData) (string, []bot.Attachment) {
	if data.Resolved == nil || data.Resolved.Messages[data.TargetID] == nil {
		return data.TargetID, nil
	}
	var files []bot.Attachment
	for _, a := range data.Resolved.Messages[data.TargetID].Attachments {
		if a != nil {
			files = append(files, bot.Attachment{Filename: a.Filename, URL: a.URL, ContentType: a.ContentType, Size: a.Size})
		}
	}
	return data.TargetID, files
}

// targetMessageText is the content of the message a context-menu command was
// run on, with its embeds' descriptions when the message is only embeds.
func targetMessageText(data discordgo.ApplicationCommandInteractionData) string {
	if data.Resolved == nil {
		return ""
	}
	m := data.Resolved.Messages[data.TargetID]
	if m == nil {
		return ""
	}
	if m.Content != "" {
		return m.Content
	}
	for _, e := range m.Embeds {
		if e != nil && e.Description != "" {
			return e.Description
		}
	}
	return ""
}
