package respond

import (
	"encoding/json"
	"testing"

	"github.com/bwmarrin/discordgo"

	"briefbot/bot"
)

func interaction(t *testing.T, raw string) *discordgo.Interaction {
	t.Helper()
	var i discordgo.Interaction
	if err := json.Unmarshal([]byte(raw), &i); err != nil {
		t.Fatal(err)
	}
	return &i
}

func TestRequestFromSubcommandInDM(t *testing.T) {
	req, ok := requestFrom(interaction(t, `{"id":"1","type":4,"user":{"id":"42"},
		"data":{"name":"briefing","type":1,"options":[{"name":"subscribe","type":1,"options":[
			{"name":"actor","type":3,"value":"Taliban","focused":true},{"name":"hour","type":4,"value":7}]}]}}`))
	if !ok || req.Kind != bot.Autocomplete || req.UserID != "42" || req.CanManageGuild {
		t.Fatalf("request %+v", req)
	}
	if req.Focused != "actor" || req.Options["actor"] != "Taliban" || req.Options["hour"] != "7" {
		t.Errorf("focused %q options %v", req.Focused, req.Options)
	}
}

func TestRequestFromMessageCommandWithOnlyEmbeds(t *testing.T) {
	req, _ := requestFrom(interaction(t, `{"id":"1","type":2,"member":{"permissions":"8","user":{"id":"7"}},
		"data":{"name":"Find source","type":3,"target_id":"9","resolved":{"messages":{"9":{"id":"9","content":"",
		"embeds":[{"description":"quoted text"}]}}}}}`))
	if req.Kind != bot.MessageCommand || req.TargetText != "quoted text" {
		t.Errorf("request %+v", req)
	}
	if req.CanManageGuild {
		t.Error("Administrator alone read as Manage Server")
	}
}

func TestRequestFromIgnoresPingAndModal(t *testing.T) {
	for _, raw := range []string{`{"id":"1","type":1}`, `{"id":"1","type":5,"data":{"custom_id":"m"}}`} {
		if _, ok := requestFrom(interaction(t, raw)); ok {
			t.Errorf("%s taken as a request", raw)
		}
	}
}

func TestResponsesAlwaysSilenceMentions(t *testing.T) {
	resp := bot.Response{Content: "@everyone"}
	for name, am := range map[string]*discordgo.MessageAllowedMentions{
		"message":  messageResponse(resp).Data.AllowedMentions,
		"edit":     originalEdit(resp).AllowedMentions,
		"followup": NewMessage(resp).AllowedMentions,
	} {
		body, _ := json.Marshal(am)
		if string(body) != `{"parse":[],"replied_user":false}` {
			t.Errorf("%s allowed_mentions %s", name, body)
		}
	}
}

func TestNoChoicesSentAsEmptyList(t *testing.T) {
	body, _ := json.Marshal(WireBody(choicesResponse(bot.Response{})))
	if string(body) != `{"type":8,"data":{"choices":[]}}` {
		t.Errorf("autocomplete with no choices sent as %s", body)
	}
}

func TestRequestFromNamesTheSubcommand(t *testing.T) {
	req, _ := requestFrom(interaction(t, `{"id":"1","type":2,"guild_id":"g","member":{"permissions":"32","user":{"id":"7"}},
		"data":{"name":"feeds","type":1,"options":[{"name":"list","type":1}]}}`))
	if req.Subcommand != "list" || !req.CanManageGuild || len(req.Options) != 0 {
		t.Errorf("request %+v", req)
	}
}
