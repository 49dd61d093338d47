package corpus

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func sentences(p string) []string {
	var out []string
	for _, s := range SplitSentences(p) {
		out = append(out, p[s[0]:s[1]])
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Dr. James M. Dorsey is a fellow. He writes.", []string{"Dr. James M. Dorsey is a fellow.", "He writes."}},
		{`"Is it true?" he asked. Nobody knew!`, []string{`"Is it true?" he asked.`, "Nobody knew!"}},
		{"“Will they?” she asked. They did.", []string{"“Will they?” she asked.", "They did."}},
		{"Troops left the U.S. base in May. Gen. Milley spoke.", []string{"Troops left the U.S. base in May.", "Gen. Milley spoke."}},
		{"They attacked the U.S. The war began.", []string{"They attacked the U.S.", "The war began."}},
		{"It cost $2.5 billion. Then 3.4 more.", []string{"It cost $2.5 billion.", "Then 3.4 more."}},
		{"“We defer to them.” Later, he left.", []string{"“We defer to them.”", "Later, he left."}},
		{"No end here", []string{"No end here"}},
		{"  ", nil},
		{"The unit (No. 5) left... and came back.", []string{"The unit (No. 5) left... and came back."}},
	} {
		got := sentences(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("SplitSentences(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// Text with no full stop (a list of names) is no sentence of unbounded
// size: it is cut at spaces, or between characters where there is none,
// into sentences of at most maxSentenceBytes that together hold every
// word, in order.
func TestSentencesAreBounded(t *testing.T) {
	names := strings.Repeat("Quillon Marbeck Ostrava ", 1000) + "and the rest."
	noSpace := strings.Repeat("北京", 3000)
	for _, p := range []string{names, noSpace, "A short one. " + names + " Then prose again."} {
		got := sentences(p)
		if len(got) < 2 {
			t.Fatalf("%d bytes in %d sentence(s)", len(p), len(got))
		}
		for _, s := range got {
			if len(s) > maxSentenceBytes || !utf8.ValidString(s) || s != strings.TrimSpace(s) {
				t.Fatalf("a sentence of %d bytes (valid UTF-8: %v, trimmed: %v)", len(s), utf8.ValidString(s), s == strings.TrimSpace(s))
			}
		}
		if strings.Join(strings.Fields(strings.Join(got, " ")), " ") != strings.Join(strings.Fields(p), " ") && strings.Join(got, "") != p {
			t.Errorf("the sentences do not hold the text, in order")
		}
	}
	if got := sentences("“We defer to them.” Later, he left."); len(got) != 2 {
		t.Errorf("short sentences cut: %q", got)
	}
}

func TestDocumentOffsetsAndCitations(t *testing.T) {
	d := New("doc-1", "doc.txt", Meta{Title: "T", Source: "S", Date: "2021-08-20"},
		[]string{"First one. Second one.", "", "  Third paragraph here.  "})
	if len(d.Paragraphs) != 2 || len(d.Sentences) != 3 {
		t.Fatalf("paragraphs %d sentences %d", len(d.Paragraphs), len(d.Sentences))
	}
	for i, s := range d.Sentences {
		if got := d.SentenceText(i); d.Text[s.Start:s.End] != got || strings.TrimSpace(got) != got {
			t.Errorf("sentence %d = %q", i, got)
		}
	}
	if got := d.ParagraphText(2); got != "Third paragraph here." {
		t.Errorf("paragraph 2 = %q", got)
	}
	c := d.CiteSentences(2, 2)
	if c.Paragraph != 2 || c.Quote != "Third paragraph here." || c.Doc != "doc-1" || c.Title != "T" {
		t.Errorf("citation = %+v", c)
	}
	if got, want := c.String(), "T — S, 2021-08-20, ¶2"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if !strings.Contains(d.Text, c.Quote) {
		t.Error("quote is not a substring of the text")
	}
	// Out-of-range spans are clamped, never a panic.
	if c := d.Cite(-5, 1<<20); c.Quote != d.Text {
		t.Errorf("clamped quote = %q", c.Quote)
	}
	if d.ParagraphText(0) != "" || d.ParagraphText(3) != "" {
		t.Error("paragraph numbers outside 1..n must give empty text")
	}
}

func TestCitationStringOmitsWhatIsNotStated(t *testing.T) {
	c := Citation{Doc: "d", Paragraph: 4}
	if got := c.String(); got != "d — ¶4" {
		t.Errorf("got %q", got)
	}
	if n := DistinctDocs([]Citation{{Doc: "a"}, {Doc: "b"}, {Doc: "a"}}); n != 2 {
		t.Errorf("DistinctDocs = %d", n)
	}
}

// A text without blank lines is one paragraph: citations into it carry the
// sentence of the quote, so that "¶1" of a whole speech can be found.
func TestCitationIntoALongParagraphNamesItsSentence(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 300; i++ {
		fmt.Fprintf(&b, "Sentence number %d says something. ", i)
	}
	d := New("speech", "speech.txt", Meta{Title: "Address"}, []string{b.String(), "One. Two. Three."})
	if len(d.Paragraphs) != 2 || !d.Paragraphs[0].Long() || d.Paragraphs[1].Long() {
		t.Fatalf("paragraphs %+v", d.Paragraphs)
	}
	for _, c := range []struct{ first, last, want int }{{0, 0, 1}, {211, 211, 212}, {211, 213, 212}, {299, 299, 300}} {
		got := d.CiteSentences(c.first, c.last)
		if got.Paragraph != 1 || got.Sentence != c.want {
			t.Fatalf("CiteSentences(%d, %d) = ¶%d sentence %d, want ¶1 sentence %d", c.first, c.last, got.Paragraph, got.Sentence, c.want)
		}
		// The quote lies in the sentences the citation names.
		p := d.Paragraphs[0]
		span := d.Text[d.Sentences[int(p.FirstSentence)+got.Sentence-1].Start:d.Sentences[int(p.FirstSentence)+c.last].End]
		if !strings.HasPrefix(span, got.Quote) || !strings.Contains(got.Quote, fmt.Sprintf("number %d ", c.want)) {
			t.Errorf("sentence %d does not start the quote %q", got.Sentence, got.Quote)
		}
	}
	// A quote starting inside a sentence, or in the space before one.
	at := strings.Index(d.Text, "number 57 says")
	if c := d.Cite(at, at+20); c.Sentence != 57 {
		t.Errorf("mid-sentence quote: sentence %d, want 57", c.Sentence)
	}
	if c := d.Cite(int(d.Sentences[56].Start)-1, int(d.Sentences[56].End)); c.Sentence != 57 {
		t.Errorf("quote from the space before sentence 57: sentence %d", c.Sentence)
	}
	c := d.CiteSentences(211, 211)
	if got, want := c.String(), "Address — ¶1, sentence 212"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	js, err := json.Marshal(c)
	if err != nil || !strings.Contains(string(js), `"paragraph":1,"sentence":212,"quote":`) {
		t.Errorf("JSON %s (%v)", js, err)
	}
	// A short paragraph is cited by its number alone, and its JSON has no
	// sentence field.
	short := d.CiteSentences(301, 301)
	if short.Paragraph != 2 || short.Sentence != 0 || short.Quote != "Two." {
		t.Errorf("short paragraph citation %+v", short)
	}
	if js, _ := json.Marshal(short); strings.Contains(string(js), "sentence") {
		t.Errorf("short paragraph JSON %s names a sentence", js)
	}
}

func TestSentencesAround(t *testing.T) {
	d := New("d", "d.txt", Meta{}, []string{"One. Two. Three. Four. Five. Six.", "Alone."})
	for _, c := range []struct {
		m, around, first int
		want             string
	}{
		{3, 2, 1, "One.|Two.|Three.|Four.|Five."},
		{1, 2, 1, "One.|Two.|Three."},
		{6, 2, 4, "Four.|Five.|Six."},
		{4, 0, 4, "Four."},
	} {
		first, texts, err := d.SentencesAround(1, c.m, c.around)
		if err != nil || first != c.first || strings.Join(texts, "|") != c.want {
			t.Errorf("SentencesAround(1, %d, %d) = %d %q %v, want %d %q", c.m, c.around, first, texts, err, c.first, c.want)
		}
	}
	for _, c := range []struct {
		n, m int
		want string
	}{
		{1, 0, "d ¶1 has sentences 1 to 6, not 0"},
		{1, 7, "d ¶1 has sentences 1 to 6, not 7"},
		{2, 2, "d ¶2 has sentences 1 to 1, not 2"},
		{3, 1, "d has paragraphs 1 to 2, not 3"},
		{0, 1, "d has paragraphs 1 to 2, not 0"},
	} {
		if _, _, err := d.SentencesAround(c.n, c.m, 2); err == nil || err.Error() != c.want {
			t.Errorf("SentencesAround(%d, %d): %v, want %q", c.n, c.m, err, c.want)
		}
	}
}
