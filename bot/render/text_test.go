package render

import (
	"strings"
	"testing"

	"briefbot/bot/discordtest"
)

func TestEscapeMarkdownDefusesHostileText(t *testing.T) {
	got := escapeMarkdown(discordtest.Hostile)
	for _, live := range []string{"**bold**", "@everyone", "@here", "<@&123>", "<@456>", "[x](http", "||spoiler||", "```", "\n", "\u202e", "http://"} {
		if strings.Contains(got, live) {
			t.Errorf("escaped text still holds %q: %q", live, got)
		}
	}
	if !strings.HasPrefix(escapeMarkdown("# heading"), `\#`) || !strings.HasPrefix(escapeMarkdown("- item"), `\-`) {
		t.Error("a leading # or - must not start a heading or list")
	}
	if got := escapeMarkdown("al-Qaeda's 15 provinces"); got != "al-Qaeda's 15 provinces" {
		t.Errorf("plain prose changed: %q", got)
	}
}

func TestPlainUndoesEscaping(t *testing.T) {
	for _, s := range []string{discordtest.Hostile, "al-Qaeda: 15 provinces (UN)", `back\slash \\ end\`, "😀 @x"} {
		if got, want := Plain(escapeMarkdown(s)), Clean(s); got != want {
			t.Errorf("Plain(escape(%q)) = %q, want %q", s, got, want)
		}
	}
	if got := Plain("see [link](https://x.org/a) [1] **bold**"); got != "see link (https://x.org/a) [1] bold" {
		t.Errorf("plain markup: %q", got)
	}
}

func TestTruncateCutsOnWordsWithMarker(t *testing.T) {
	s := "The Taliban retook Kabul in August 2021 after a swift offensive"
	got := Truncate(s, 30)
	if got != "The Taliban retook Kabul in…" {
		t.Errorf("truncate = %q", got)
	}
	if Truncate(s, len(s)) != s {
		t.Error("text that fits must not change")
	}
	if got := Truncate(strings.Repeat(`\*`, 50), 11); strings.HasSuffix(strings.TrimSuffix(got, ellipsis), `\`) || TextLen(got) > 11 {
		t.Errorf("cut left a dangling escape: %q", got)
	}
	if got := Truncate(strings.Repeat("😀", 10), 7); TextLen(got) > 7 || !strings.HasSuffix(got, ellipsis) {
		t.Errorf("emoji cut = %q (%d)", got, TextLen(got))
	}
	if Truncate("anything", 0) != "" {
		t.Error("zero room must give empty text")
	}
}

func TestEscapeCutMarksLongInput(t *testing.T) {
	got := EscapeCut(strings.Repeat("a ", 100000), 50)
	if TextLen(got) > 50 || !strings.HasSuffix(got, ellipsis) {
		t.Errorf("EscapeCut = %q", got)
	}
	if got := EscapeCut("a"+strings.Repeat(" ", 5000)+"b", 50); !strings.HasSuffix(got, ellipsis) {
		t.Errorf("a cut input must show the marker even when what is left is short: %q", got)
	}
}

func TestSafeURL(t *testing.T) {
	for raw, want := range map[string]string{
		"https://example.org/a (b)":           "https://example.org/a%20%28b%29",
		"javascript:alert(1)":                 "",
		"http://user:pw@example.org/":         "",
		"":                                    "",
		"https://" + strings.Repeat("x", 500): "",
	} {
		if got := SafeURL(raw); got != want {
			t.Errorf("SafeURL(%q) = %q, want %q", raw, got, want)
		}
	}
}
