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

// encodeDocuments encodes a wire and its text batches as EncodeDocuments
// does, damaged or not.
func encodeDocuments(t *testing.T, w *wireDocuments, batches ...[]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	for _, v := range append([]any{w}, anySlice(batches)...) {
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

func anySlice(batches [][]string) []any {
	out := make([]any, len(batches))
	for i, b := range batches {
		out[i] = b
	}
	return out
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
	for name, c := range map[string]struct {
		damage func(*wireDocuments, *[][]string)
		want   string
	}{
		"sentence past its paragraph": {func(w *wireDocuments, _ *[][]string) { w.SentEnds[0] = 10_000 }, "out of its paragraph"},
		"paragraph past the text":     {func(w *wireDocuments, _ *[][]string) { w.ParaEnds[1] = 10_000 }, "paragraph 2 out of range"},
		"sentences out of order":      {func(w *wireDocuments, _ *[][]string) { w.ParaFirstSentences[1] = 0 }, "out of its paragraph"},
		"a missing column":            {func(w *wireDocuments, _ *[][]string) { w.Dates = w.Dates[:1] }, "columns of 3 and 1"},
		"more paragraphs than spans":  {func(w *wireDocuments, _ *[][]string) { w.Paragraphs[2] = 9 }, "more spans"},
		"spans left over":             {func(w *wireDocuments, _ *[][]string) { w.Sentences[2] = 1 }, "left over"},
		"a text short":                {func(_ *wireDocuments, b *[][]string) { *b = [][]string{(*b)[0][:2]} }, "texts: EOF"},
		"a text too many":             {func(_ *wireDocuments, b *[][]string) { (*b)[0] = append((*b)[0], "x") }, "a batch of 4 texts"},
		"an empty batch":              {func(_ *wireDocuments, b *[][]string) { *b = [][]string{{}} }, "a batch of 0 texts"},
	} {
		dec := gob.NewDecoder(bytes.NewReader(whole))
		var w wireDocuments
		var texts []string
		if err := dec.Decode(&w); err != nil {
			t.Fatal(err)
		}
		if err := dec.Decode(&texts); err != nil {
			t.Fatal(err)
		}
		batches := [][]string{texts}
		c.damage(&w, &batches)
		_, err := DecodeDocuments(gob.NewDecoder(bytes.NewReader(encodeDocuments(t, &w, batches...))))
		if err == nil || !strings.HasPrefix(err.Error(), "documents: ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", name, err, c.want)
		}
	}
}

func TestDocumentsTextsGoInBatches(t *testing.T) {
	long := strings.Repeat("A sentence of some length. ", 40_000) // about 1 MB
	var docs []*Document
	for i := range 10 {
		docs = append(docs, New(string(rune('a'+i)), "f", Meta{}, []string{long}))
	}
	var buf bytes.Buffer
	if err := EncodeDocuments(gob.NewEncoder(&buf), docs); err != nil {
		t.Fatal(err)
	}
	dec := gob.NewDecoder(bytes.NewReader(buf.Bytes()))
	var w wireDocuments
	if err := dec.Decode(&w); err != nil {
		t.Fatal(err)
	}
	batches := 0
	for texts := 0; texts < len(docs); batches++ {
		var batch []string
		if err := dec.Decode(&batch); err != nil {
			t.Fatal(err)
		}
		texts += len(batch)
	}
	if batches < 3 {
		t.Errorf("10 MB of text in %d batches: gob would read one message over its chunk size", batches)
	}
	got, err := DecodeDocuments(gob.NewDecoder(bytes.NewReader(buf.Bytes())))
	if err != nil || !reflect.DeepEqual(got, docs) {
		t.Errorf("round trip of batched texts: err %v, equal %v", err, reflect.DeepEqual(got, docs))
	}
}
