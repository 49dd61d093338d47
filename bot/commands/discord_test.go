package commands_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
	"briefbot/bot/commands"
	"briefbot/bot/discordtest"
	"briefbot/bot/gateway"
	"briefbot/bot/internal/bottest"
	"briefbot/bot/respond"
	"briefbot/knowledge"
	"briefbot/knowledge/ingest"
)

// sampleValue is a plausible value for an option of type typ.
func sampleValue(typ discordgo.ApplicationCommandOptionType) any {
	switch typ {
	case discordgo.ApplicationCommandOptionInteger, discordgo.ApplicationCommandOptionNumber:
		return 1
	case discordgo.ApplicationCommandOptionBoolean:
		return true
	case discordgo.ApplicationCommandOptionString:
		return "Taliban"
	}
	return "600000000000000005" // users, channels, roles: a snowflake
}

// invocation is how a user would run spec: every option filled, the first
// subcommand chosen.
func invocation(spec *discordgo.ApplicationCommand) discordtest.Interaction {
	if spec.Type == discordgo.MessageApplicationCommand {
		return discordtest.MessageCommand(spec.Name, "The Taliban @everyone said al-Qaeda would not operate from Afghanistan.")
	}
	var options []map[string]any
	for _, o := range spec.Options {
		if o.Type == discordgo.ApplicationCommandOptionSubCommand || o.Type == discordgo.ApplicationCommandOptionSubCommandGroup {
			sub := map[string]any{"name": o.Name, "type": int(o.Type), "options": []map[string]any{}}
			for _, so := range o.Options {
				sub["options"] = append(sub["options"].([]map[string]any), discordtest.Option(so.Name, int(so.Type), sampleValue(so.Type)))
			}
			options = append(options, sub)
			break
		}
		options = append(options, discordtest.Option(o.Name, int(o.Type), sampleValue(o.Type)))
	}
	return discordtest.SlashCommand(spec.Name, options...)
}

// customIDs finds every button custom id in a message body.
func customIDs(body []byte) []string {
	var walk func(v any) []string
	walk = func(v any) (ids []string) {
		switch v := v.(type) {
		case map[string]any:
			if id, ok := v["custom_id"].(string); ok {
				ids = append(ids, id)
			}
			for _, child := range v {
				ids = append(ids, walk(child)...)
			}
		case []any:
			for _, child := range v {
				ids = append(ids, walk(child)...)
			}
		}
		return ids
	}
	var v any
	_ = json.Unmarshal(body, &v)
	return walk(v)
}

// runCommands serves cmds on kb through the gateway and the real
// discordgo client against fake until the test ends, once they are
// registered.
func runCommands(t *testing.T, fake *discordtest.Server, kb *knowledge.Base, cmds []bot.Command) {
	t.Helper()
	gw, err := gateway.New(gateway.Config{
		Handling: respond.Handling{Dispatch: bot.Router(cmds), Knowledge: func() *knowledge.Base { return kb }},
		Token:    "test-token", Commands: cmds, Client: fake.Client(), Dialer: fake.Dialer(),
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan error, 1)
	go func() { stopped <- gw.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-stopped; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	fake.WaitRequest(t, bottest.WaitLong, func(r discordtest.Request) bool { return r.Method == "PUT" })
}

// finalMessage sends i and returns the message it ends with: the
// callback, or the webhook request that follows a deferral.
func finalMessage(t *testing.T, fake *discordtest.Server, i discordtest.Interaction) []byte {
	t.Helper()
	fake.Interact(t, i)
	first := fake.WaitRequest(t, bottest.WaitLong, func(r discordtest.Request) bool {
		return strings.Contains(r.Path, "/interactions/"+i.ID()+"/")
	})
	if cb := bottest.DecodeJSON[bottest.Callback](t, first.Body); cb.Type != 5 && cb.Type != 6 {
		return first.Body
	}
	return fake.WaitRequest(t, 15*time.Second, func(r discordtest.Request) bool {
		return strings.Contains(r.Path, "/webhooks/"+discordtest.AppID+"/"+i.Token())
	}).Body
}

// TestRealCommandsOverGateway runs every registered command, each
// autocompleting option and the buttons the answers carry, through the
// gateway and the real discordgo client over the seed documents, and
// validates every body sent against Discord's spec and limits.
func TestRealCommandsOverGateway(t *testing.T) {
	fake := discordtest.New(t)
	validator := discordtest.NewValidator(t)
	runCommands(t, fake, knowledge.New(ingest.Seeds()), commands.Commands())
	finalBody := func(t *testing.T, i discordtest.Interaction) []byte { return finalMessage(t, fake, i) }

	var buttons []string
	for _, c := range commands.Commands() {
		spec := c.Spec
		t.Run(spec.Name, func(t *testing.T) {
			body := finalBody(t, invocation(spec))
			if strings.Contains(string(body), "went wrong") {
				t.Errorf("/%s failed: %s", spec.Name, body)
			}
			buttons = append(buttons, customIDs(body)...)
			for _, o := range spec.Options {
				if !o.Autocomplete {
					continue
				}
				i := discordtest.Autocomplete(spec.Name, o.Name, "tal")
				if cb := bottest.DecodeJSON[bottest.Callback](t, finalBody(t, i)); cb.Type != 8 {
					t.Errorf("autocomplete of %s.%s answered type %d", spec.Name, o.Name, cb.Type)
				}
			}
		})
	}
	t.Run("buttons", func(t *testing.T) {
		seen := map[string]bool{}
		for _, id := range buttons {
			if seen[id] || len(seen) == 12 {
				continue
			}
			seen[id] = true
			if body := finalBody(t, discordtest.Button(id)); strings.Contains(string(body), "went wrong") {
				t.Errorf("button %s failed: %s", id, body)
			}
		}
		t.Logf("pressed %d distinct buttons", len(seen))
	})
	t.Logf("%d requests validated", len(fake.Requests()))
	bottest.ValidateAll(t, fake, validator)
}
