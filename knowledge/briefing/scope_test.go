package briefing

import "testing"

func TestHoldsPhraseAsWholeWords(t *testing.T) {
	for _, c := range []struct {
		text, phrase string
		want         bool
	}{
		{"the taliban said", "taliban", true}, {"taliban", "taliban", true}, {"pro taliban", "taliban", true},
		{"talibans said", "taliban", false}, {"the al qaeda core", "al qaeda", true}, {"al qaedas", "al qaeda", false},
		{"hal qaeda al qaeda", "al qaeda", true}, {"", "x", false},
	} {
		if got := holdsPhrase(c.text, c.phrase); got != c.want {
			t.Errorf("holdsPhrase(%q, %q) = %v", c.text, c.phrase, got)
		}
	}
}
