package pdftext_test

import (
	"testing"

	"briefbot/knowledge/pdftext"
	"briefbot/knowledge/pdftext/pdftest"
)

func TestTextKeepsLinesAndParagraphs(t *testing.T) {
	data := pdftest.Page("0 The minister said exports", "-14 rose by a third in 2026.", "-14 Imports fell.",
		"-40 A second paragraph begins here.")
	text, err := pdftext.Text(data)
	if err != nil {
		t.Fatal(err)
	}
	want := "The minister said exports\nrose by a third in 2026.\nImports fell.\n\nA second paragraph begins here.\n\n"
	if text != want {
		t.Errorf("got %q\nwant %q", text, want)
	}
}

func TestBadPDFs(t *testing.T) {
	for name, data := range map[string][]byte{
		"not a PDF": []byte("hello, world"),
		"truncated": pdftest.Page("0 Some text.")[:200],
		"no text":   pdftest.Page(),
	} {
		if _, err := pdftext.Text(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
