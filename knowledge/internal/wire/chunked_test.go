package wire

import (
	"bytes"
	"encoding/gob"
	"strings"
	"testing"
)

type value struct {
	Name       string
	Big, Small []byte
}

func TestColumnsTravelInChunks(t *testing.T) {
	big := make([]byte, 2*Chunk+5)
	for i := range big {
		big[i] = byte(i % 251)
	}
	v := value{Name: "x", Big: big, Small: []byte("small")}
	var buf bytes.Buffer
	if err := Encode(gob.NewEncoder(&buf), &v, &v.Big, &v.Small); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(v.Big, big) || string(v.Small) != "small" {
		t.Error("Encode changed the value it wrote")
	}
	// The stream: the value without its columns, then the large column's
	// length and its first chunk, of Chunk bytes.
	raw := gob.NewDecoder(bytes.NewReader(buf.Bytes()))
	var head value
	var n int
	var first []byte
	for _, v := range []any{&head, &n, &first} {
		if err := raw.Decode(v); err != nil {
			t.Fatal(err)
		}
	}
	if head.Big != nil || n != len(big) || len(first) != Chunk {
		t.Errorf("value with %d column bytes, column of %d, first chunk of %d: want 0, %d, %d", len(head.Big), n, len(first), len(big), Chunk)
	}
	var got value
	if err := Decode(gob.NewDecoder(&buf), &got, &got.Big, &got.Small); err != nil {
		t.Fatal(err)
	}
	if got.Name != "x" || !bytes.Equal(got.Big, big) || string(got.Small) != "small" {
		t.Error("the value came back changed")
	}
}

func TestDecodeRefusesBadColumns(t *testing.T) {
	for name, c := range map[string]struct {
		after []any
		want  string
	}{
		"an overlong chunk":   {[]any{3, []byte("four")}, "a chunk of 4 bytes"},
		"an empty chunk":      {[]any{3, []byte{}}, "a chunk of 0 bytes"},
		"a negative length":   {[]any{-1}, "of -1 bytes"},
		"a missing chunk":     {[]any{3}, "EOF"},
		"a missing column":    {nil, "EOF"},
		"a chunk of no bytes": {[]any{3, "abc"}, "column 0"},
	} {
		var buf bytes.Buffer
		enc := gob.NewEncoder(&buf)
		if err := enc.Encode(&value{}); err != nil {
			t.Fatal(err)
		}
		for _, v := range c.after {
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
		}
		var got value
		if err := Decode(gob.NewDecoder(&buf), &got, &got.Big); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}
