package ingest

import (
	"io/fs"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
	"briefbot/seeds"
)

func cleanSeed(t *testing.T, name string) article {
	t.Helper()
	raw, err := fs.ReadFile(seeds.FS, name)
	if err != nil {
		t.Fatal(err)
	}
	return cleanText(string(raw))
}

// boilerplate is what the seed pages carry besides their articles; none of
// it may survive in any paragraph.
var boilerplate = []string{
	"Search", "Close this search box", "Share this article", "Accessibility Toolbar", "השארו מעודכנים",
	"Please enter your comment", "Please enter your name here", "dindooohindoo", "Y does the US leave",
	"Join our commenting forum", "Join thought-provoking conversations", "Thank you for registering",
	"Please refresh", "logged in", "See original here", "October 19th, 2025", "[October", "Reuters -",
	"Photograph:", "Jeff Overs", "Image source", "Wikimedia", "](#)", "The views expressed",
	"Afghans facing 'huge humanitarian crisis'", "BESA Center Perspectives Paper No.",
}

func TestSeedsKeepNoBoilerplate(t *testing.T) {
	names, _ := fs.Glob(seeds.FS, "*.txt")
	if len(names) != 5 {
		t.Fatalf("want 5 seeds, have %d", len(names))
	}
	for _, name := range names {
		a := cleanSeed(t, name)
		if len(a.Paragraphs) < 5 {
			t.Errorf("%s: only %d paragraphs", name, len(a.Paragraphs))
		}
		for _, p := range a.Paragraphs {
			for _, b := range boilerplate {
				if b == "Search" && p != "Search" {
					continue // the word may appear in prose; the menu item is a whole line
				}
				if strings.Contains(p, b) {
					t.Errorf("%s: boilerplate %q survives in %q", name, b, clip(p))
				}
			}
		}
	}
}

func TestSeedMetadata(t *testing.T) {
	for _, c := range []struct {
		file string
		want corpus.Meta
	}{
		{"guardian-al-qaida-will-probably-come-back.txt", corpus.Meta{
			Title:  "UK defence secretary is worried that ‘al-Qaida will probably come back’ – but it is already there",
			Source: "The Guardian"}},
		{"besa-taliban-and-al-qaeda-what-next.txt", corpus.Meta{
			Title: "The Taliban and al-Qaeda: What Next?", Source: "BESA Center",
			Author: "James M. Dorsey", Date: "2021-08-20"}},
		{"independent-taliban-and-al-qaeda-how-are-they-linked.txt", corpus.Meta{
			Title: "Taliban and al-Qaeda: How are they linked?", Author: "Joe Sommerlad", Date: "2021-09-07"}},
		{"piotrowski-threat-of-taliban-al-qaida-ties.txt", corpus.Meta{
			Title:  "The Potential Threat of the Ties between the Taliban and Al-Qaida",
			Author: "Marcin Andrzej Piotrowski"}},
		{"geopoliticalmonitor-talibans-plan-to-rebuild-al-qaeda.txt", corpus.Meta{
			Title: "The Talibans Plan to Rebuild and Legitimize al-Qaeda", Source: "Geopoliticalmonitor.com",
			Author: "Sajjan M. Gohel, Victoria Jones"}},
	} {
		if got := cleanSeed(t, c.file).Meta; got != c.want {
			t.Errorf("%s:\n got %+v\nwant %+v", c.file, got, c.want)
		}
	}
}

func TestSeedCaptionsKeptApart(t *testing.T) {
	a := cleanSeed(t, "guardian-al-qaida-will-probably-come-back.txt")
	if len(a.Captions) != 2 || a.Captions[0] != "Ben Wallace" || !strings.Contains(a.Captions[1], "Photograph: Jeff Overs") {
		t.Errorf("captions = %q", a.Captions)
	}
	for _, p := range a.Paragraphs {
		if p == "Ben Wallace" {
			t.Error("the caption label stayed in the body")
		}
	}
}

func TestSeedBrokenSentencesRejoined(t *testing.T) {
	text := strings.Join(cleanSeed(t, "piotrowski-threat-of-taliban-al-qaida-ties.txt").Paragraphs, "\n\n")
	for _, want := range []string{
		"the Taliban refused to expel the terrorist leadership.",
		"The Haqqani have for almost three decades been",
		"The collapse of the pro-western Afghan security forces creates", // [text](#) keeps its text
		"the modus operandi of jihadists",                                // emphasis markers dropped
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
}

func TestSeedKeepsOriginalCharacters(t *testing.T) {
	text := strings.Join(cleanSeed(t, "independent-taliban-and-al-qaeda-how-are-they-linked.txt").Paragraphs, "\n")
	for _, want := range []string{"“The Taliban are terrorists, and they’re going to support terrorists,”", "200-500 men", "$20m a year"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
}

func TestCleanTextGeneral(t *testing.T) {
	raw := "Menu\nSkip to content\n\nFloods Close Valley Roads\n\nBy Jane Doe | 11 March 2024\n\n" +
		"Heavy rain closed three roads in the valley on Monday, officials said, and more rain is expected\n" +
		"later in the week according to the forecast office.\n\n" +
		"A bridge was damaged. Photo: John Smith/Agency\n\n" +
		"Residents were told to stay home until the water recedes, said mayor Ann Lee of the town council.\n\n" +
		"Sign up for our newsletter\n\nКомментарии\n\n3 Comments\n\nGreat article!\n"
	a := cleanText(raw)
	want := corpus.Meta{Title: "Floods Close Valley Roads", Author: "Jane Doe", Date: "2024-03-11"}
	if a.Meta != want {
		t.Errorf("meta = %+v, want %+v", a.Meta, want)
	}
	if len(a.Paragraphs) != 2 {
		t.Fatalf("paragraphs = %q", a.Paragraphs)
	}
	if !strings.HasSuffix(a.Paragraphs[0], "is expected later in the week according to the forecast office.") {
		t.Errorf("hard-wrapped paragraph not joined: %q", a.Paragraphs[0])
	}
	if len(a.Captions) != 1 {
		t.Errorf("captions = %q", a.Captions)
	}
}

// A sentence above the first long one is text, not header: a document of
// short sentences loses none of them.
func TestShortSentencesBeforeTheFirstLongOneAreKept(t *testing.T) {
	raw := "The Varnian Guild\n\nThe storms of 1931 led to a guild revival along the coast.\n\n" +
		"The guild's grand leader, Osric Pell, has called for new ships.\n\n" +
		"The leader of the fleet and the leader of the harbour met in Varna in the spring.\n"
	a := cleanText(raw)
	if a.Meta.Title != "The Varnian Guild" || len(a.Paragraphs) != 3 || !strings.Contains(strings.Join(a.Paragraphs, "\n"), "Osric Pell, has called") {
		t.Errorf("title %q, paragraphs %q", a.Meta.Title, a.Paragraphs)
	}
}

// A short sentence opening a text becomes its title but stays quotable:
// a headline does not end in a full stop, a sentence does. A longer one is
// only text.
func TestOpeningSentenceTakenAsTitleStaysInTheText(t *testing.T) {
	raw := "She gave herself a title, Lady Diana Harrington.\n\n" +
		"The New York papers gave her another, and the police of Houston gave her a third one in the spring of that year.\n"
	a := cleanText(raw)
	if a.Meta.Title != "She gave herself a title, Lady Diana Harrington." || len(a.Paragraphs) != 2 || a.Paragraphs[0] != a.Meta.Title {
		t.Errorf("title %q, paragraphs %q", a.Meta.Title, a.Paragraphs)
	}
	if a := cleanText("Floods Close Valley Roads\n\nHeavy rain closed three roads in the valley on Monday, officials said, and more is due.\n"); len(a.Paragraphs) != 1 {
		t.Errorf("a headline kept as text: %q", a.Paragraphs)
	}
	long := "With capital largely squandered, there seemed to them no other course to pursue.\n\n" +
		"The directors sold directly to concessionaires, who had to make their profits above the high prices asked.\n"
	if a := cleanText(long); a.Meta.Title != "" || len(a.Paragraphs) != 2 {
		t.Errorf("an opening sentence too long for a title: title %q, paragraphs %q", a.Meta.Title, a.Paragraphs)
	}
}

func TestCleanTextDegenerate(t *testing.T) {
	for _, raw := range []string{"", "\n\n\n", "Search\n", "“unclosed quote and no end", strings.Repeat("word ", 20000)} {
		a := cleanText(raw)
		for _, p := range a.Paragraphs {
			if strings.TrimSpace(p) == "" {
				t.Errorf("empty paragraph from %q", clip(raw))
			}
		}
	}
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

func TestTextTitleOnlyFromAHeadline(t *testing.T) {
	body := "\n\nHeavy rain closed three roads in the valley on Monday, officials said, and more rain is expected later in the week.\n"
	for _, c := range []struct{ first, want string }{
		{"Floods Close Valley Roads", "Floods Close Valley Roads"},
		{"Menu Home Analysis Podcasts Donate\n\nFloods Close Valley Roads", "Floods Close Valley Roads"},
		{"Home | News | Sport | Contact", ""},
		{"BASH(1) General Commands Manual BASH(1)", ""},
		{"Introduction", ""},
		{"Table of Contents", ""},
		{"Chapter 1", ""},
		{"11 March 2024", ""},
		{"By Jane Doe", ""},
		{"By Jane Doe | 11 March 2024 | Politics\n\nFloods Close Valley Roads", "Floods Close Valley Roads"},
		{"https://example.org/news/floods", ""},
	} {
		m := cleanText(c.first + body).Meta
		if m.Title != c.want {
			t.Errorf("first line %q: title %q, want %q", c.first, m.Title, c.want)
		}
		if strings.HasPrefix(c.first, "By Jane Doe") && (m.Author != "Jane Doe" || c.first != "By Jane Doe" && m.Date != "2024-03-11") {
			t.Errorf("first line %q: byline read as %+v", c.first, m)
		}
	}
}

// fieldsUpTo counts as strings.Fields splits, and stops at its limit.
func TestFieldsUpTo(t *testing.T) {
	for _, s := range []string{"", "  ", "one", " two  words ", "a\tb\nc\u00a0d\u2003e", strings.Repeat("w ", 100)} {
		n := len(strings.Fields(s))
		if got := fieldsUpTo(s, 1000); got != n {
			t.Errorf("fieldsUpTo(%q, 1000) = %d, want %d", s, got, n)
		}
		if got := fieldsUpTo(s, 3); got != min(n, 3) {
			t.Errorf("fieldsUpTo(%q, 3) = %d, want %d", s, got, min(n, 3))
		}
	}
}
