package corpus

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"strings"
	"testing"
)

func sampleDocuments() []*Document {
	a := New("a", "dir/a.txt", Meta{Title: "T", Source: "S", Author: "A", Date: "2021-08-20", URL: "https://x"},
		[]string{"First one. Second one.", "", "Third paragraph here."})
	a.Captions = []string{"A caption."}
	return []*Document{a, New("b", "b.md", Meta{}, nil), New("c", "c.html", Meta{Title: "C"}, []string{"Only. One? Two!"})}
}

func encodeDocuments(t *testing.T, w *wireDocuments) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(w); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDocumentsRoundTrip(t *testing.T) {
	docs := sampleDocuments()
	var buf bytes.Buffer
	if err := EncodeDocuments(gob.NewEncoder(&buf), docs); err != nil {
		t.Fatal(err)
	}
	got, err := DecodeDocuments(gob.NewDecoder(&buf))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, docs) {
		t.Fatalf("round trip changed the documents:\n got %+v\nwant %+v", got, docs)
	}
}

func TestDocumentsDecodeRejectsDamage(t *testing.T) {
	var buf bytes.Buffer
	if err := EncodeDocuments(gob.NewEncoder(&buf), sampleDocuments()); err != nil {
		t.Fatal(err)
	}
	whole := buf.Bytes()
	for _, cut := range []int{0, 1, len(whole) / 3, len(whole) - 1} {
		if _, err := DecodeDocuments(gob.NewDecoder(bytes.NewReader(whole[:cut]))); err == nil {
			t.Errorf("decoding %d of %d bytes gave no error", cut, len(whole))
		}
	}
	for name, damage := range map[string]func(*wireDocuments){
		"sentence past its paragraph": func(w *wireDocuments) { w.SentEnds[0] = 10_000 },
		"paragraph past the text":     func(w *wireDocuments) { w.ParaEnds[1] = 10_000 },
		"sentences out of order":      func(w *wireDocuments) { w.ParaFirstSentences[1] = 0 },
		"a missing column":            func(w *wireDocuments) { w.Dates = w.Dates[:1] },
		"more paragraphs than spans":  func(w *wireDocuments) { w.Paragraphs[2] = 9 },
		"spans left over":             func(w *wireDocuments) { w.Sentences[2] = 1 },
	} {
		var w wireDocuments
		if err := gob.NewDecoder(bytes.NewReader(whole)).Decode(&w); err != nil {
			t.Fatal(err)
		}
		damage(&w)
		_, err := DecodeDocuments(gob.NewDecoder(bytes.NewReader(encodeDocuments(t, &w))))
		if err == nil || !strings.HasPrefix(err.Error(), "documents: ") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}
