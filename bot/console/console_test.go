package console

import (
	"context"
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"briefbot/bot"
	"briefbot/bot/commands"
	"briefbot/knowledge"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
)

// runConsole feeds input to the console and returns what it printed.
func runConsole(t *testing.T, input string, kb func() *knowledge.Base) string {
	t.Helper()
	var out strings.Builder
	if err := Run(context.Background(), strings.NewReader(input), &out, kb); err != nil {
		t.Fatalf("console: %v", err)
	}
	return out.String()
}

func TestConsoleAnswersAPipeOfCommands(t *testing.T) {
	kb := knowledge.New(ingest.Seeds())
	doc := kb.Docs()[0]
	input := strings.Join([]string{
		"/help",
		"",
		"/sources",
		"/source " + doc.ID + " 2",
		"/source " + doc.ID,
		"/more",
		"/more",
		"/more",
		`/cite "who @everyone said it"`,
		"/ask In how many provinces is al-Qaeda present?",
		"/frobnicate now",
		"hello there",
		"/briefing",
	}, "\n")
	out := runConsole(t, input, func() *knowledge.Base { return kb })
	for _, want := range []string{
		"/ask question [public]",             // help
		doc.Title,                            // sources and source
		"¶2\n> " + doc.ParagraphText(2)[:40], // the paragraph asked for
		"Page 2/", "Page 3/",                 // /more pages on
		"There is nothing more to show.",                  // past the last page
		"> who @everyone said it",                         // the quote echoed as typed
		"In how many provinces is al-Qaeda present?\n===", // the question as the title
		"Unknown command /frobnicate.",
		"Commands start with /",
		"Commands: /ask, /actor",
		"Briefing",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	for _, escape := range []string{`\:`, `\(`, `\-`, "\u200b", "**", "```"} {
		if strings.Contains(out, escape) {
			t.Errorf("output shows markdown %q", escape)
		}
	}
	if strings.Contains(out, consolePrompt) {
		t.Error("no prompt when the input is not a terminal")
	}
}

func TestConsoleUsesTheCurrentBase(t *testing.T) {
	older := knowledge.New([]*corpus.Document{corpus.New("old", "old.txt", corpus.Meta{Title: "Old report"}, []string{"Old text."})})
	newer := knowledge.New([]*corpus.Document{corpus.New("new", "new.txt", corpus.Meta{Title: "New report"}, []string{"New text."})})
	calls := 0
	out := runConsole(t, "/sources\n/sources\n", func() *knowledge.Base {
		calls++
		if calls == 1 {
			return older
		}
		return newer
	})
	if i, j := strings.Index(out, "Old report"), strings.Index(out, "New report"); i < 0 || j < i {
		t.Errorf("the second command should see the swapped base:\n%s", out)
	}
}

func TestConsoleStopsOnQuitAndCancel(t *testing.T) {
	kb := knowledge.New(ingest.Seeds())
	out := runConsole(t, "/quit\n/sources\n", func() *knowledge.Base { return kb })
	if strings.Contains(out, "Documents") {
		t.Error("/quit should end the console")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Run(ctx, strings.NewReader("/sources\n"), &strings.Builder{}, func() *knowledge.Base { return kb })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled console returned %v", err)
	}
	blocked, writer := io.Pipe()
	defer writer.Close()
	ctx, cancel = context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- Run(ctx, blocked, io.Discard, func() *knowledge.Base { return kb }) }()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("a console waiting for input, then cancelled, returned %v", err)
	}
	err = Run(context.Background(), strings.NewReader(strings.Repeat("x", maxConsoleLine+1)), &strings.Builder{}, func() *knowledge.Base { return kb })
	if err == nil {
		t.Error("an over-long line should be reported")
	}
}

func TestParseLine(t *testing.T) {
	for line, want := range map[string]bot.Request{
		"/ask In how many provinces is al-Qaeda?": {Kind: bot.SlashCommand, Name: "ask", Options: map[string]string{"question": "In how many provinces is al-Qaeda?"}},
		`/ask what did "he" say public:true`:      {Kind: bot.SlashCommand, Name: "ask", Options: map[string]string{"question": `what did "he" say`, "public": "true"}},
		`/cite "a quote: with colon"`:             {Kind: bot.SlashCommand, Name: "cite", Options: map[string]string{"quote": "a quote: with colon"}},
		"/source besa 3":                          {Kind: bot.SlashCommand, Name: "source", Options: map[string]string{"document": "besa", "paragraph": "3"}},
		"/source besa 3 12":                       {Kind: bot.SlashCommand, Name: "source", Options: map[string]string{"document": "besa", "paragraph": "3", "sentence": "12"}},
		"/source the doc 3 sentence:12":           {Kind: bot.SlashCommand, Name: "source", Options: map[string]string{"document": "the doc", "paragraph": "3", "sentence": "12"}},
		`/source "the doc" 3`:                     {Kind: bot.SlashCommand, Name: "source", Options: map[string]string{"document": "the doc", "paragraph": "3"}},
		"/source paragraph:4 document:besa":       {Kind: bot.SlashCommand, Name: "source", Options: map[string]string{"document": "besa", "paragraph": "4"}},
		"/claims abu bakr quote":                  {Kind: bot.SlashCommand, Name: "claims", Options: map[string]string{"actor": "abu bakr", "kind": "quote"}},
		"/claims kind:figure taliban":             {Kind: bot.SlashCommand, Name: "claims", Options: map[string]string{"actor": "taliban", "kind": "figure"}},
		"/ACTOR zawahiri":                         {Kind: bot.SlashCommand, Name: "actor", Options: map[string]string{"name": "zawahiri"}},
		"/briefing":                               {Kind: bot.SlashCommand, Name: "briefing", Options: map[string]string{}},
		`/ask "unclosed quote`:                    {Kind: bot.SlashCommand, Name: "ask", Options: map[string]string{"question": "unclosed quote"}},
		`/find-source "It's a Catch-22."`:         {Kind: bot.MessageCommand, Name: "Find source", TargetText: "It's a Catch-22."},
	} {
		got, err := parseLine(bot.ByName(commands.Commands()), line)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("parseLine(%q) = %+v, %v; want %+v", line, got, err, want)
		}
	}
	for _, bad := range []string{"no slash", "/", "/nope x", "/Find source x"} {
		if _, err := parseLine(bot.ByName(commands.Commands()), bad); err == nil {
			t.Errorf("parseLine(%q) accepted", bad)
		}
	}
}

// /dev/null is a character device but no terminal: no banner, no prompt,
// as in a pipe.
func TestConsoleShowsNoPromptWithoutATerminal(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Skipf("no %s: %v", os.DevNull, err)
	}
	defer null.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	w.WriteString("/sources\n")
	w.Close()
	defer r.Close()
	kb := knowledge.New(ingest.Seeds())
	for _, in := range []*os.File{null, r} {
		var out strings.Builder
		if err := Run(context.Background(), in, &out, func() *knowledge.Base { return kb }); err != nil {
			t.Fatalf("%s: %v", in.Name(), err)
		}
		if strings.Contains(out.String(), consolePrompt) || strings.Contains(out.String(), "type /help") {
			t.Errorf("%s: a prompt or banner without a terminal:\n%s", in.Name(), out.String())
		}
	}
}
