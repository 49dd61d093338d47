package corpus

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"briefbot/knowledge/internal/wire"
)

func sampleDocuments() []*Document {
	a := New("a", "dir/a.txt", Meta{Title: "T", Source: "S", Author: "A", Date: "2021-08-20", URL: "https://x"},
		[]string{"First one. Second one.", "", "Third paragraph here."})
	a.Captions = []string{"A caption."}
	return []*Document{a, New("b", "b.md", Meta{}, nil), New("c", "c.html", Meta{Title: "C"}, []string{"Only. One? Two!"})}
}

// encodeDocuments encodes a wire and its texts as EncodeDocuments does,
// damaged or not.
func encodeDocuments(t *testing.T, w *wireDocuments) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := wire.Encode(wire.NewEncoder(&buf), w); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDocumentsRoundTrip(t *testing.T) {
	docs := sampleDocuments()
	var buf bytes.Buffer
	if err := EncodeDocuments(wire.NewEncoder(&buf), docs); err != nil {
		t.Fatal(err)
	}
	got, err := DecodeDocuments(wire.NewDecoder(&buf))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, docs) {
		t.Fatalf("round trip changed the documents:\n got %+v\nwant %+v", got, docs)
	}
}

func TestDocumentsDecodeRejectsDamage(t *testing.T) {
	var buf bytes.Buffer
	if err := EncodeDocuments(wire.NewEncoder(&buf), sampleDocuments()); err != nil {
		t.Fatal(err)
	}
	whole := buf.Bytes()
	for _, cut := range []int{0, 1, len(whole) / 3, len(whole) - 1} {
		if _, err := DecodeDocuments(wire.NewDecoder(bytes.NewReader(whole[:cut]))); err == nil {
			t.Errorf("decoding %d of %d bytes gave no error", cut, len(whole))
		}
	}
	for name, c := range map[string]struct {
		damage func(*wireDocuments)
		want   string
	}{
		"sentence past its paragraph": {func(w *wireDocuments) { w.SentEnds[0] = 10_000 }, "out of its paragraph"},
		"paragraph past the text":     {func(w *wireDocuments) { w.ParaEnds[1] = 10_000 }, "paragraph 2 out of range"},
		"sentences out of order":      {func(w *wireDocuments) { w.ParaFirstSentences[1] = 0 }, "out of its paragraph"},
		"a missing column":            {func(w *wireDocuments) { w.Dates = w.Dates[:1] }, "columns of 3 and 1"},
		"a missing text":              {func(w *wireDocuments) { w.Texts = w.Texts[:2] }, "columns of 3 and 2"},
		"more paragraphs than spans":  {func(w *wireDocuments) { w.Paragraphs[2] = 9 }, "more spans"},
		"spans left over":             {func(w *wireDocuments) { w.Sentences[2] = 1 }, "left over"},
		"a text shorter than spans":   {func(w *wireDocuments) { w.Texts[0] = w.Texts[0][:len(w.Texts[0])-1] }, "out of range"},
	} {
		var w wireDocuments
		if err := wire.Decode(wire.NewDecoder(bytes.NewReader(whole)), &w); err != nil {
			t.Fatal(err)
		}
		c.damage(&w)
		_, err := DecodeDocuments(wire.NewDecoder(bytes.NewReader(encodeDocuments(t, &w))))
		if err == nil || !strings.HasPrefix(err.Error(), "documents: ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", name, err, c.want)
		}
	}
}

// The texts, most of a snapshot, are read back into one block that the
// documents share.
func TestDocumentsTextsTravelRaw(t *testing.T) {
	long := strings.Repeat("A sentence of some length. ", 40_000) // about 1 MB
	var docs []*Document
	for i := range 10 {
		docs = append(docs, New(string(rune('a'+i)), "f", Meta{}, []string{long + string(rune('a'+i))}))
	}
	var buf bytes.Buffer
	if err := EncodeDocuments(wire.NewEncoder(&buf), docs); err != nil {
		t.Fatal(err)
	}
	got, err := DecodeDocuments(wire.NewDecoder(bytes.NewReader(buf.Bytes())))
	if err != nil || !reflect.DeepEqual(got, docs) {
		t.Fatalf("round trip of the texts: err %v, equal %v", err, reflect.DeepEqual(got, docs))
	}
	first, second := uintptr(unsafe.Pointer(unsafe.StringData(got[0].Text))), uintptr(unsafe.Pointer(unsafe.StringData(got[1].Text)))
	if second != first+uintptr(len(got[0].Text)) {
		t.Error("the texts were not read into one block")
	}
}
