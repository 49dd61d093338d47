package commands_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"briefbot/bot/commands"
	"briefbot/bot/discordtest"
	"briefbot/bot/internal/bottest"
	"briefbot/knowledge"
	"briefbot/knowledge/fetch"
	"briefbot/knowledge/ingest"
	"briefbot/knowledge/pdftext/pdftest"
	"briefbot/knowledge/web"
	"briefbot/store/sqlite"
)

// TestAddToKnowledgeOverGateway runs the message command on the fake
// Discord, which serves the message's attachments: what can be read is
// stored, with the message as its citation's link, and the answer says
// what was added and what was skipped and why.
func TestAddToKnowledgeOverGateway(t *testing.T) {
	pages := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/article" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><head><title>Ferry strike ends</title></head><body><article><h1>Ferry strike ends</h1>
<p>The ferry crews returned to work on Tuesday after the union accepted a new offer, its leader said.</p>
<p>Services to the islands will run to the normal timetable from Thursday, the operator said in a statement.</p>
<p>The strike had lasted eleven days and cancelled more than four hundred sailings, according to the port authority.</p></article></body></html>`)
	}))
	defer pages.Close()

	st, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	fake := discordtest.New(t)
	validator := discordtest.NewValidator(t)
	reader := &web.Reader{Fetcher: &fetch.Client{AllowPrivate: true}}
	cmds := append(commands.Commands(), commands.AddToKnowledgeCommand(st, reader, time.Now))
	runCommands(t, fake, knowledge.New(ingest.Seeds()), append(cmds, commands.FeedCommands(st, time.Now)...))

	// answer returns the content of the bot's answer to i, and the whole
	// message as sent.
	answer2 := func(i discordtest.Interaction) (string, string) {
		t.Helper()
		body := finalMessage(t, fake, i)
		if cb := bottest.DecodeJSON[bottest.Callback](t, body); cb.Type != 0 {
			return cb.Data.Content, string(body)
		}
		return bottest.DecodeJSON[bottest.Callback](t, []byte(`{"data":`+string(body)+`}`)).Data.Content, string(body)
	}
	answer := func(i discordtest.Interaction) string {
		t.Helper()
		content, _ := answer2(i)
		return content
	}

	report := pdftest.Page("0 The harbour master said cargo traffic", "-14 doubled in November.")
	i := discordtest.MessageCommand("Add to knowledge base", "Worth reading: <"+pages.URL+"/article> and "+pages.URL+"/gone.",
		fake.Attach("harbour report.pdf", "application/pdf", report),
		fake.Attach("notes.md", "text/markdown", []byte("---\ntitle: Dock notes\n---\n\nThe union said talks resume on Monday.\n")),
		fake.Attach("photo.png", "image/png", []byte("\x89PNG\r\n\x1a\n")),
	).From("600000000000000077", 1<<5)
	got := answer(i)
	escapedGone := strings.ReplaceAll(pages.URL+"/gone: HTTP 404", ":", "\\:")
	for _, want := range []string{"Added to the knowledge base (3 new or changed of 3)", "Dock notes", "Ferry strike ends",
		"photo.png\\: unsupported file type", escapedGone} {
		if !strings.Contains(got, want) {
			t.Errorf("answer %q\nlacks %q", got, want)
		}
	}
	hashes, err := st.DocumentHashes(context.Background())
	if err != nil || len(hashes) != 3 {
		t.Fatalf("stored %v, %v", hashes, err)
	}
	var ids []string
	for id := range hashes {
		ids = append(ids, id)
	}
	docs, _ := st.StoredDocuments(context.Background(), ids)
	message := "https://discord.com/channels/" + discordtest.GuildID + "/" + discordtest.ChannelID + "/" + discordtest.TargetMessageID
	links := map[string]string{}
	for _, d := range docs {
		links[d.File] = d.URL
	}
	if links["harbour report.pdf"] != message || links["notes.md"] != message || links[pages.URL+"/article"] != pages.URL+"/article" {
		t.Errorf("citation links %v", links)
	}

	// The same message again changes nothing; a member without Manage
	// Server is refused.
	if got := answer(discordtest.MessageCommand("Add to knowledge base", "", fake.Attach("notes.md", "text/markdown",
		[]byte("---\ntitle: Dock notes\n---\n\nThe union said talks resume on Monday.\n"))).From("600000000000000077", 1<<5)); !strings.Contains(got, "Already in the knowledge base, unchanged (1)") {
		t.Errorf("again: %q", got)
	}
	if got := answer(discordtest.MessageCommand("Add to knowledge base", pages.URL+"/article").From("600000000000000078", 0)); !strings.Contains(got, "Manage Server") {
		t.Errorf("without the permission: %q", got)
	}
	if got := answer(discordtest.MessageCommand("Add to knowledge base", "no links here").From("600000000000000077", 1<<5)); !strings.Contains(got, "no attachment") {
		t.Errorf("nothing to add: %q", got)
	}

	// /feeds over the same gateway: subcommands with their options.
	manager := func(i discordtest.Interaction) discordtest.Interaction { return i.From("600000000000000077", 1<<5) }
	add := map[string]any{"name": "add", "type": 1, "options": []map[string]any{discordtest.Option("url", discordtest.OptionString, "https://news.example/rss")}}
	if got := answer(manager(discordtest.SlashCommand("feeds", add))); !strings.Contains(got, "Following No. 1") {
		t.Errorf("/feeds add: %q", got)
	}
	if _, got := answer2(manager(discordtest.SlashCommand("feeds", map[string]any{"name": "list", "type": 1}))); !strings.Contains(got, "Followed feeds") || !strings.Contains(got, "news.example/rss") {
		t.Errorf("/feeds list: %q", got)
	}
	if feeds, _ := st.Feeds(context.Background()); len(feeds) != 1 || feeds[0].AddedBy != "600000000000000077" {
		t.Errorf("feeds %+v", feeds)
	}

	for _, r := range fake.Requests() {
		if r.Method == "PUT" {
			r.Body = permissionsAsNumbers(t, r.Body)
		}
		if err := validator.Check(r); err != nil || r.Status == 400 || r.Status == 404 {
			t.Errorf("%s %s (%d): %v", r.Method, r.Path, r.Status, err)
		}
	}
}

// permissionsAsNumbers rewrites each command's default_member_permissions
// from the string discordgo sends (and Discord accepts, and answers with)
// to the integer the OpenAPI description asks for, so that the rest of the
// registration is checked against it.
func permissionsAsNumbers(t *testing.T, body []byte) []byte {
	t.Helper()
	var cmds []map[string]any
	if err := json.Unmarshal(body, &cmds); err != nil {
		t.Fatal(err)
	}
	for _, c := range cmds {
		if p, ok := c["default_member_permissions"].(string); ok {
			n, err := strconv.ParseInt(p, 10, 64)
			if err != nil {
				t.Fatalf("default_member_permissions %q", p)
			}
			c["default_member_permissions"] = n
		}
	}
	out, err := json.Marshal(cmds)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
