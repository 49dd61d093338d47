package console

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/bot/commands"
)

// consoleFindSource are the names the console accepts for the "Find source"
// message command, whose Discord name has a space.
var consoleFindSource = []string{"find-source", "findsource"}

// token is one word of a console line; quoted parts lose their quotes in
// value but keep them in raw.
type token struct {
	raw, value string
	quoted     bool // the token began with a quote
}

// parseLine turns a line typed as in Discord into a Request for one of
// cmds: "/name" and then options. Named options are written
// "name:value" anywhere; the other words fill the options in order. Unless
// the first word is quoted, the first open option takes the rest of the
// line, except trailing words that fit a later option (a number for an
// integer option, one of a fixed option's choices).
func parseLine(cmds map[string]bot.Command, line string) (bot.Request, error) {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "/") {
		return bot.Request{}, fmt.Errorf("commands start with /, for example /ask What did the UN report?")
	}
	name, rest, _ := strings.Cut(line[1:], " ")
	name = strings.ToLower(name)
	if slices.Contains(consoleFindSource, name) {
		return bot.Request{Kind: bot.MessageCommand, Name: commands.FindSourceName, TargetText: unquote(rest)}, nil
	}
	cmd, ok := cmds[name]
	if !ok || cmd.Spec.Type == discordgo.MessageApplicationCommand {
		return bot.Request{}, fmt.Errorf("unknown command /%s", name)
	}
	opts := map[string]string{}
	var positional []token
	for _, t := range tokenize(rest) {
		if o := namedOption(cmd.Spec, t); o != nil {
			opts[o.Name] = t.value[len(o.Name)+1:]
			continue
		}
		positional = append(positional, t)
	}
	fillPositional(cmd.Spec, opts, positional)
	return bot.Request{Kind: bot.SlashCommand, Name: name, Options: opts}, nil
}

// namedOption returns the option t names with "name:value", if any.
func namedOption(spec *discordgo.ApplicationCommand, t token) *discordgo.ApplicationCommandOption {
	if t.quoted {
		return nil
	}
	name, _, ok := strings.Cut(t.value, ":")
	if !ok {
		return nil
	}
	for _, o := range spec.Options {
		if strings.EqualFold(o.Name, name) && len(o.Name) == len(name) {
			return o
		}
	}
	return nil
}

// fillPositional gives the positional words to the options not yet named.
func fillPositional(spec *discordgo.ApplicationCommand, opts map[string]string, words []token) {
	var open []*discordgo.ApplicationCommandOption
	for _, o := range spec.Options {
		if _, named := opts[o.Name]; !named {
			open = append(open, o)
		}
	}
	if len(open) == 0 || len(words) == 0 {
		return
	}
	if words[0].quoted {
		for i, w := range words {
			if i < len(open) {
				opts[open[i].Name] = w.value
			}
		}
		return
	}
	words = fillTrailing(open[1:], opts, words)
	raws := make([]string, len(words))
	for i, w := range words {
		raws[i] = w.raw
	}
	opts[open[0].Name] = strings.Join(raws, " ")
}

// fillTrailing gives the longest run of trailing words (never the first
// word) that fit later options, in order, to those options, each word to
// the first of them that fits: "/source doc 3" names the paragraph, "/source
// doc 3 12" the paragraph and its sentence. It returns the words left.
func fillTrailing(later []*discordgo.ApplicationCommandOption, opts map[string]string, words []token) []token {
	for k := min(len(words)-1, len(later)); k > 0; k-- {
		tail, assigned := words[len(words)-k:], map[string]string{}
		next := 0
		for _, w := range tail {
			for next < len(later) && !fits(later[next], w.value) {
				next++
			}
			if next == len(later) {
				break
			}
			assigned[later[next].Name] = w.value
			next++
		}
		if len(assigned) == k {
			maps.Copy(opts, assigned)
			return words[:len(words)-k]
		}
	}
	return words
}

// fits reports whether a trailing word can only mean option o.
func fits(o *discordgo.ApplicationCommandOption, word string) bool {
	switch {
	case o.Type == discordgo.ApplicationCommandOptionInteger:
		_, err := strconv.Atoi(word)
		return err == nil
	case len(o.Choices) > 0:
		return slices.ContainsFunc(o.Choices, func(c *discordgo.ApplicationCommandOptionChoice) bool {
			return strings.EqualFold(fmt.Sprint(c.Value), word)
		})
	}
	return false
}

// isQuote reports the double quotes, straight or curly, that group words.
func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' }

// tokenize splits s at spaces outside double quotes. An unclosed quote runs
// to the end of the line.
func tokenize(s string) []token {
	var tokens []token
	var raw, value strings.Builder
	inQuote, started, quoted := false, false, false
	flush := func() {
		if started {
			tokens = append(tokens, token{raw: raw.String(), value: value.String(), quoted: quoted})
		}
		raw.Reset()
		value.Reset()
		started, quoted = false, false
	}
	for _, r := range s {
		switch {
		case isQuote(r):
			if !started {
				quoted = true
			}
			inQuote, started = !inQuote, true
			raw.WriteRune(r)
		case r == ' ' || r == '\t':
			if inQuote {
				raw.WriteRune(r)
				value.WriteRune(r)
			} else {
				flush()
			}
		default:
			started = true
			raw.WriteRune(r)
			value.WriteRune(r)
		}
	}
	flush()
	return tokens
}

// unquote strips one pair of surrounding double quotes.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	r := []rune(s)
	if len(r) >= 2 && isQuote(r[0]) && isQuote(r[len(r)-1]) {
		return string(r[1 : len(r)-1])
	}
	return s
}
