package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"briefbot/bot/commands"
	"briefbot/bot/discordtest"
	"briefbot/bot/internal/bottest"
	"briefbot/knowledge"
	"briefbot/knowledge/corpus"
)

// oneLineSpeech is a document of 60 sentences in one paragraph, as a
// transcript without blank lines becomes.
func oneLineSpeech() *corpus.Document {
	var b strings.Builder
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&b, "In year %d the harbour of town number %d handled %d ships. ", 1900+i, i, 7*i)
	}
	return corpus.New("speech", "speech.txt", corpus.Meta{Title: "The harbour address"}, []string{b.String()})
}

// TestSourceSentenceOverGateway looks a citation up as a reader would on
// Discord: /cite names the sentence of a one-line speech, and /source with
// that paragraph and sentence shows it marked among its neighbours.
func TestSourceSentenceOverGateway(t *testing.T) {
	fake := discordtest.New(t)
	validator := discordtest.NewValidator(t)
	runCommands(t, fake, knowledge.New([]*corpus.Document{oneLineSpeech()}), commands.Commands())
	final := func(i discordtest.Interaction) string { return string(finalMessage(t, fake, i)) }

	cited := final(discordtest.SlashCommand("cite", discordtest.Option("quote", discordtest.OptionString, "the harbour of town number 37 handled 259 ships")))
	if !strings.Contains(cited, "¶1, sentence 37") {
		t.Errorf("/cite does not name the sentence: %s", cited)
	}

	source := func(paragraph, sentence int) string {
		return final(discordtest.SlashCommand("source",
			discordtest.Option("document", discordtest.OptionString, "speech"),
			discordtest.Option("paragraph", discordtest.OptionInteger, paragraph),
			discordtest.Option("sentence", discordtest.OptionInteger, sentence)))
	}
	shown := source(1, 37)
	for _, want := range []string{"▶ ¶1, sentence 37", "town number 37 handled 259 ships", "sentences 35 to 39 of 60"} {
		if !strings.Contains(shown, want) {
			t.Errorf("/source speech 1 37 lacks %q: %s", want, shown)
		}
	}
	for n := 35; n <= 39; n++ {
		if !strings.Contains(shown, fmt.Sprintf("town number %d handled", n)) {
			t.Errorf("/source speech 1 37 lacks neighbour %d", n)
		}
	}
	if strings.Contains(shown, "town number 34 ") || strings.Contains(shown, "town number 40 ") {
		t.Errorf("/source speech 1 37 shows more than two neighbours: %s", shown)
	}
	if got := source(1, 61); !strings.Contains(got, "speech ¶1 has sentences 1 to 60, not 61") {
		t.Errorf("a sentence past the end: %s", got)
	}
	bottest.ValidateAll(t, fake, validator)
}
