package bot

import (
	"strings"
	"testing"
)

func TestEscapeMarkdownDefusesHostileText(t *testing.T) {
	got := escapeMarkdown(hostile)
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
	for _, s := range []string{hostile, "al-Qaeda: 15 provinces (UN)", `back\slash \\ end\`, "😀 @x"} {
		if got, want := plain(escapeMarkdown(s)), cleanText(s); got != want {
			t.Errorf("plain(escape(%q)) = %q, want %q", s, got, want)
		}
	}
	if got := plain("see [link](https://x.org/a) [1] **bold**"); got != "see link (https://x.org/a) [1] bold" {
		t.Errorf("plain markup: %q", got)
	}
}

func TestTruncateCutsOnWordsWithMarker(t *testing.T) {
	s := "The Taliban retook Kabul in August 2021 after a swift offensive"
	got := truncate(s, 30)
	if got != "The Taliban retook Kabul in…" {
		t.Errorf("truncate = %q", got)
	}
	if truncate(s, len(s)) != s {
		t.Error("text that fits must not change")
	}
	if got := truncate(strings.Repeat(`\*`, 50), 11); strings.HasSuffix(strings.TrimSuffix(got, ellipsis), `\`) || textLen(got) > 11 {
		t.Errorf("cut left a dangling escape: %q", got)
	}
	if got := truncate(strings.Repeat("😀", 10), 7); textLen(got) > 7 || !strings.HasSuffix(got, ellipsis) {
		t.Errorf("emoji cut = %q (%d)", got, textLen(got))
	}
	if truncate("anything", 0) != "" {
		t.Error("zero room must give empty text")
	}
}

func TestEscapeCutMarksLongInput(t *testing.T) {
	got := escapeCut(strings.Repeat("a ", 100000), 50)
	if textLen(got) > 50 || !strings.HasSuffix(got, ellipsis) {
		t.Errorf("escapeCut = %q", got)
	}
	if got := escapeCut("a"+strings.Repeat(" ", 5000)+"b", 50); !strings.HasSuffix(got, ellipsis) {
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
		if got := safeURL(raw); got != want {
			t.Errorf("safeURL(%q) = %q, want %q", raw, got, want)
		}
	}
}
