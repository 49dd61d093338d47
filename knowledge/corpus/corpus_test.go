package corpus

import (
	"strings"
	"testing"
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
