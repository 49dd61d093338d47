package wire

import (
	"bytes"
	"strings"
	"testing"
)

type value struct {
	Name       string
	Big, Small []byte
}

func TestColumnsTravelRaw(t *testing.T) {
	big := make([]byte, 2*Chunk+5)
	for i := range big {
		big[i] = byte(i % 251)
	}
	v := value{Name: "x", Big: big, Small: []byte("small")}
	var buf bytes.Buffer
	enc := NewEncoder(&buf)
	if err := Encode(enc, &v, &v.Big, &v.Small); err != nil {
		t.Fatal(err)
	}
	if err := EncodeColumn(enc, "a", "", "bc"); err != nil {
		t.Fatal(err)
	}
	if err := enc.Encode("after"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(v.Big, big) || string(v.Small) != "small" {
		t.Error("Encode changed the value it wrote")
	}
	if buf.Len() > len(big)+200 {
		t.Errorf("%d bytes for a column of %d: the column is not raw", buf.Len(), len(big))
	}
	dec := NewDecoder(&buf)
	var got value
	if err := Decode(dec, &got, &got.Big, &got.Small); err != nil {
		t.Fatal(err)
	}
	if got.Name != "x" || !bytes.Equal(got.Big, big) || string(got.Small) != "small" {
		t.Error("the value came back changed")
	}
	joined, err := DecodeColumn(dec)
	var after string
	if err == nil {
		err = dec.Decode(&after)
	}
	if err != nil || string(joined) != "abc" || after != "after" {
		t.Errorf("parts %q and the value after %q (%v), want \"abc\", \"after\"", joined, after, err)
	}
}

func TestDecodeRefusesBadColumns(t *testing.T) {
	for name, c := range map[string]struct {
		after []any
		want  string
	}{
		"a negative length":         {[]any{-1}, "of -1 bytes"},
		"a column cut short":        {[]any{5}, "EOF"},
		"a missing column":          {nil, "EOF"},
		"a huge length, no bytes":   {[]any{1 << 40}, "EOF"},
		"a length that is a string": {[]any{"abc"}, "column 0"},
	} {
		var buf bytes.Buffer
		enc := NewEncoder(&buf)
		if err := enc.Encode(&value{}); err != nil {
			t.Fatal(err)
		}
		for _, v := range c.after {
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
		}
		var got value
		if err := Decode(NewDecoder(&buf), &got, &got.Big); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}
