package commands

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"briefbot/bot"
	"briefbot/bot/render"
	"briefbot/knowledge"
	"briefbot/knowledge/actors"
	"briefbot/knowledge/corpus"
)

// manyDocs makes n documents, some with titles, ids and text far over
// Discord's limits.
func manyDocs(n int) []*corpus.Document {
	docs := make([]*corpus.Document, n)
	for i := range docs {
		id := fmt.Sprintf("doc-%d", i)
		if i%7 == 3 {
			id = strings.Repeat("long-id-", 20) + id
		}
		title := fmt.Sprintf("Report %d on the Taliban %s", i, strings.Repeat("and al-Qaeda ", i%4*20))
		docs[i] = corpus.New(id, id+".txt", corpus.Meta{Title: title, Source: "Source\x00 @everyone\n"}, []string{"Text."})
	}
	return docs
}

func TestAutocompleteStaysWithinLimits(t *testing.T) {
	kb := knowledge.New(manyDocs(60))
	for _, typed := range []string{"", "tal", "report 1", strings.Repeat("taliban", 1500), "\x00\x07\u202e\n\t", "\xff\xfe", "@everyone"} {
		for _, name := range []string{"source", "actor", "claims", "briefing"} {
			focused := map[string]string{"source": "document", "actor": "name", "claims": "actor", "briefing": "actor"}[name]
			resp := Dispatch(context.Background(), kb, bot.Request{Kind: bot.Autocomplete, Name: name, Focused: focused, Options: map[string]string{focused: typed}})
			assertWithinLimits(t, fmt.Sprintf("%s %.20q", name, typed), resp)
			if resp.Choices == nil {
				t.Errorf("%s %.20q: choices must be an empty list, not null", name, typed)
			}
			for _, c := range resp.Choices {
				if strings.ContainsAny(c.Name, "\x00\n\t") {
					t.Errorf("choice name with control characters: %q", c.Name)
				}
			}
		}
	}
}

func TestDocumentCompletionFindsAndNamesDocuments(t *testing.T) {
	kb := knowledge.New(manyDocs(60))
	resp := Dispatch(context.Background(), kb, bot.Request{Kind: bot.Autocomplete, Name: "source", Focused: "document", Options: map[string]string{"document": ""}})
	if len(resp.Choices) != render.MaxChoices {
		t.Errorf("with nothing typed, offer the first 25 documents, got %d", len(resp.Choices))
	}
	resp = Dispatch(context.Background(), kb, bot.Request{Kind: bot.Autocomplete, Name: "source", Focused: "document", Options: map[string]string{"document": "doc-12"}})
	if len(resp.Choices) == 0 || resp.Choices[0].Value != "doc-12" {
		t.Fatalf("doc-12 should come first: %+v", resp.Choices)
	}
	if !strings.HasPrefix(resp.Choices[0].Name, "Report 12 on the Taliban") {
		t.Errorf("a choice should be named by title: %q", resp.Choices[0].Name)
	}
	for _, c := range resp.Choices {
		if _, ok := kb.Doc(c.Value.(string)); !ok {
			t.Errorf("choice value %q finds no document", c.Value)
		}
	}
}

func TestChoiceListSkipsUnusableValues(t *testing.T) {
	var l choiceList
	l.add("too long", strings.Repeat("v", 101))
	l.add("empty", "")
	l.add("", "named by value")
	l.add("dup", "named by value")
	for i := range 40 {
		l.add(strings.Repeat("n", 500), fmt.Sprint(i))
	}
	if len(l) != render.MaxChoices {
		t.Fatalf("%d choices", len(l))
	}
	if l[0].Name != "named by value" {
		t.Errorf("a nameless choice is named by its value: %q", l[0].Name)
	}
	assertWithinLimits(t, "choices", l.response())
}

func TestActorChoiceFitsAChoice(t *testing.T) {
	if got := actorChoice(&actors.Actor{Name: "Kabul", Kind: actors.Place}); got != "Kabul (place)" {
		t.Errorf("actorChoice = %q", got)
	}
	long := actorChoice(&actors.Actor{Name: strings.Repeat("Very Long Name ", 20), Kind: actors.Organization})
	if n := render.TextLen(long); n > render.MaxChoiceLen || !strings.HasSuffix(long, " (organization)") {
		t.Errorf("actorChoice of a long name: %d characters, %q", n, long)
	}
}
