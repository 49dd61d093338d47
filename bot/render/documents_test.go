package render

import (
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
)

// longParagraphDoc has one paragraph of 10 sentences and one of two.
func longParagraphDoc() *corpus.Document {
	long := "Point number 1 stands. Point number 2 stands. Point number 3 stands. Point number 4 stands. Point number 5 stands. " +
		"Point number 6 stands. Point number 7 stands. Point number 8 stands. Point number 9 stands. Point number 10 stands."
	return corpus.New("d", "d.txt", corpus.Meta{Title: "Points"}, []string{long, "Short one. Short two."})
}

// Two citations into one long paragraph are two sources, each naming its
// sentence; the same sentence cited twice keeps its number.
func TestSourcesTellSentencesOfALongParagraphApart(t *testing.T) {
	d := longParagraphDoc()
	var src sources
	a, b, again := src.add(d.CiteSentences(2, 2)), src.add(d.CiteSentences(7, 7)), src.add(d.CiteSentences(2, 2))
	if a != 1 || b != 2 || again != 1 {
		t.Errorf("numbers %d %d %d, want 1 2 1", a, b, again)
	}
	lines := strings.Join(src.lines, "\n")
	if !strings.Contains(lines, "¶1, sentence 3") || !strings.Contains(lines, "¶1, sentence 8") {
		t.Errorf("source lines do not name the sentences:\n%s", lines)
	}
	if short := d.CiteSentences(10, 10).String(); strings.Contains(short, "sentence") {
		t.Errorf("a short paragraph's citation names a sentence: %s", short)
	}
}

func TestSentencesViewMarksTheSentence(t *testing.T) {
	d := longParagraphDoc()
	v, err := Sentences(d, 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	e, _ := v.Page(0)
	for _, want := range []string{"¶1, sentence 8", "> Point number 8 stands.", "**▶ ¶1, sentence 10**\n> Point number 10 stands."} {
		if !strings.Contains(e.Description, want) {
			t.Errorf("view lacks %q:\n%s", want, e.Description)
		}
	}
	if strings.Contains(e.Description, "number 7 ") || e.Footer == nil || !strings.Contains(e.Footer.Text, "sentences 8 to 10 of 10") {
		t.Errorf("view shows more than two neighbours or the wrong range:\n%s\n%+v", e.Description, e.Footer)
	}
	// The paragraph view of a long paragraph says how to find a sentence.
	if e, _ := Document(d, 1).Page(0); !strings.Contains(e.Description, "10 sentences") || !strings.Contains(e.Description, "/source document 1 sentence") {
		t.Errorf("the long paragraph's view gives no hint:\n%s", e.Description)
	}
	if e, _ := Document(d, 2).Page(0); strings.Contains(e.Description, "sentence`") {
		t.Errorf("a short paragraph's view gives a hint:\n%s", e.Description)
	}
}

// The document list says how many documents are still being merged into
// the knowledge base, and nothing when none is.
func TestDocumentsSayWhatIsBeingMerged(t *testing.T) {
	d := longParagraphDoc()
	words := func(string) int { return 10 }
	merging, _ := Documents([]*corpus.Document{d, d}, words, 1).Page(0)
	if merging.Footer == nil || !strings.Contains(merging.Footer.Text, "1 new, answerable now") {
		t.Errorf("footer while merging: %+v", merging.Footer)
	}
	settled, _ := Documents([]*corpus.Document{d, d}, words, 0).Page(0)
	if settled.Footer == nil || strings.Contains(settled.Footer.Text, "new") {
		t.Errorf("footer once merged: %+v", settled.Footer)
	}
}
