package wire

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unsafe"
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
	stream := buf.Bytes()
	for name, dec := range decoders(stream) {
		var got value
		if err := Decode(dec, &got, &got.Big, &got.Small); err != nil {
			t.Fatal(name, err)
		}
		if got.Name != "x" || !bytes.Equal(got.Big, big) || string(got.Small) != "small" {
			t.Error(name, "the value came back changed")
		}
		joined, err := DecodeColumn(dec)
		var after string
		if err == nil {
			err = dec.Decode(&after)
		}
		if err != nil || string(joined) != "abc" || after != "after" {
			t.Errorf("%s: parts %q and the value after %q (%v), want \"abc\", \"after\"", name, joined, after, err)
		}
		if viewed := within(got.Big, stream) && within(joined, stream); viewed != (name == "memory") {
			t.Errorf("%s: columns are views of the stream: %v", name, viewed)
		}
	}
}

// decoders returns a stream's decoder of each kind: one reading it, one
// viewing it in memory.
func decoders(stream []byte) map[string]*Decoder {
	return map[string]*Decoder{"reader": NewDecoder(bytes.NewReader(stream)), "memory": NewMemoryDecoder(stream)}
}

// within reports whether b lies in the memory of data.
func within(b, data []byte) bool {
	if len(b) == 0 {
		return true
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	return p >= start && p+uintptr(len(b)) <= start+uintptr(len(data))
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
		for kind, dec := range decoders(buf.Bytes()) {
			var got value
			if err := Decode(dec, &got, &got.Big); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s, %s: %v, want %q", name, kind, err, c.want)
			}
		}
	}
}

type nested struct {
	IDs   []int32
	Inner struct {
		Counts []uint32
		Names  []string
		Rows   Ragged[int32]
	}
	hidden []int32
}

// Integer slices, nested ones too, travel as fixed-width columns after the
// value, so that gob's message holds none of them; they come back as they
// were, and the value written is left untouched.
func TestIntegerSlicesTravelAsColumns(t *testing.T) {
	var v nested
	v.IDs = make([]int32, 100_000)
	for i := range v.IDs {
		v.IDs[i] = int32(i%50 - 3) // a byte each as gob's varints, four as columns
	}
	v.Inner.Counts = []uint32{1, 1 << 31, 7}
	v.Inner.Names = []string{"a", "b"}
	v.Inner.Rows.Add([]int32{4, 5})
	v.Inner.Rows.Add(nil)
	v.hidden = []int32{9}
	var buf bytes.Buffer
	enc := NewEncoder(&buf)
	if err := Encode(enc, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.IDs) != 100_000 || len(v.Inner.Counts) != 3 || len(v.Inner.Rows.Items) != 2 {
		t.Error("Encode changed the value it wrote")
	}
	if columns := 4 * (len(v.IDs) + len(v.Inner.Counts) + len(v.Inner.Rows.Items) + len(v.Inner.Rows.Lens)); buf.Len() < columns || buf.Len() > columns+1000 {
		t.Errorf("%d bytes for %d bytes of fixed-width integers: they did not travel as columns", buf.Len(), columns)
	}
	var got nested
	if err := Decode(NewDecoder(&buf), &got); err != nil {
		t.Fatal(err)
	}
	rows, err := got.Inner.Rows.Rows()
	if err != nil || !slices.Equal(got.IDs, v.IDs) || !slices.Equal(got.Inner.Counts, v.Inner.Counts) ||
		!slices.Equal(got.Inner.Names, v.Inner.Names) || len(rows) != 2 || !slices.Equal(rows[0], []int32{4, 5}) || got.hidden != nil {
		t.Errorf("came back as %+v (rows %v, %v)", got.Inner, rows, err)
	}
}

type named struct {
	Names, Empty []string
	Rows         Ragged[string]
}

// String slices travel as their strings end to end and their lengths, after
// the value; they come back equal, empty strings and empty slices too, and
// lengths that do not fit the strings are refused.
func TestStringSlicesTravelAsColumns(t *testing.T) {
	v := named{Names: []string{"Kabul", "", "al-Qaeda’s", strings.Repeat("x", 100_000)}}
	v.Rows.Add([]string{"a", "bc"})
	v.Rows.Add(nil)
	var buf bytes.Buffer
	if err := Encode(NewEncoder(&buf), &v); err != nil {
		t.Fatal(err)
	}
	whole := slices.Clone(buf.Bytes())
	if buf.Len() > 100_000+300 {
		t.Errorf("%d bytes for 100,000 bytes of strings", buf.Len())
	}
	var got named
	if err := Decode(NewDecoder(&buf), &got); err != nil {
		t.Fatal(err)
	}
	rows, err := got.Rows.Rows()
	if err != nil || !slices.Equal(got.Names, v.Names) || got.Empty != nil || len(rows) != 2 || !slices.Equal(rows[0], []string{"a", "bc"}) {
		t.Errorf("came back as %q, %q (rows %q, %v)", got.Names, got.Empty, rows, err)
	}
	// The first string's length, four bytes before the end of the Names
	// lengths' column, made longer than the strings: refused.
	at := bytes.Index(whole, Fixed([]uint32{5, 0, uint32(len("al-Qaeda’s")), 100_000}))
	if at < 0 {
		t.Fatal("the lengths column is not in the stream")
	}
	damaged := slices.Clone(whole)
	copy(damaged[at:], Fixed([]uint32{500_000}))
	if err := Decode(NewDecoder(bytes.NewReader(damaged)), &got); err == nil || !strings.Contains(err.Error(), "left") {
		t.Errorf("a string longer than the column: %v", err)
	}
	damaged = slices.Clone(whole)
	copy(damaged[at:], Fixed([]uint32{4}))
	if err := Decode(NewDecoder(bytes.NewReader(damaged)), &got); err == nil || !strings.Contains(err.Error(), "after the last string") {
		t.Errorf("strings left over: %v", err)
	}
}

// Columns start aligned from the stream's start, whatever came before
// them, so that integer columns of a stream in aligned memory are read in
// place: views of it, never copies.
func TestColumnsAreAlignedForReadingInPlace(t *testing.T) {
	type counts struct {
		Label string
		IDs   []uint32
	}
	for n := range ColumnAlign * 2 {
		var buf bytes.Buffer
		if err := Encode(NewEncoder(&buf), &counts{strings.Repeat("x", n), []uint32{1, 2, 3, 1 << 30}}); err != nil {
			t.Fatal(err)
		}
		data := make([]uint64, buf.Len()/8+1) // memory aligned as a mapped file is
		stream := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(data))), buf.Len())
		copy(stream, buf.Bytes())
		var got counts
		if err := Decode(NewMemoryDecoder(stream), &got); err != nil {
			t.Fatal(err)
		}
		ids := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(got.IDs))), 4*len(got.IDs))
		if !slices.Equal(got.IDs, []uint32{1, 2, 3, 1 << 30}) || !within(ids, stream) {
			t.Errorf("a label of %d bytes: the column came back as %v, read in place: %v", n, got.IDs, within(ids, stream))
		}
	}
}
