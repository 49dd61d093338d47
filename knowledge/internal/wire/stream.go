// Package wire holds what the snapshot codecs of the knowledge packages
// share: a stream of gob values with large byte columns between them, read
// straight into place (stream.go), and the column forms they write: fixed
// integers, varints, strings end to end, lists of lists
// (fixed.go, columns.go, ragged.go). Each package encodes its own parts
// (snapshot.go in corpus, actors, claims and answer) with these.
package wire

import (
	"bufio"
	"encoding/gob"
	"fmt"
	"io"
	"reflect"
	"unsafe"
)

// An Encoder writes gob values and raw columns to one stream.
type Encoder struct {
	*gob.Encoder
	w *offsetWriter
}

// NewEncoder returns an Encoder writing to w.
func NewEncoder(w io.Writer) *Encoder {
	ow := &offsetWriter{w: w}
	return &Encoder{gob.NewEncoder(ow), ow}
}

// offsetWriter counts the bytes written through it: where the stream is.
type offsetWriter struct {
	w io.Writer
	n int64
}

func (o *offsetWriter) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	o.n += int64(n)
	return n, err
}

// ColumnAlign is the alignment of a column's first byte from the start of
// its stream: a stream laid at an aligned place in memory (a mapped
// snapshot's section) gives columns of integers that are read in place,
// where a misaligned one must be copied (Unfixed).
const ColumnAlign = 8

// Aligned rounds n up to a multiple of ColumnAlign.
func Aligned(n int64) int64 { return (n + ColumnAlign - 1) / ColumnAlign * ColumnAlign }

// Len returns how many bytes the encoder has written.
func (enc *Encoder) Len() int64 { return enc.w.n }

// Align writes zero bytes up to a multiple of ColumnAlign, so that what
// follows the stream starts aligned too.
func (enc *Encoder) Align() error {
	var zeros [ColumnAlign]byte
	_, err := enc.w.Write(zeros[:Aligned(enc.w.n)-enc.w.n])
	return err
}

// A Decoder reads what an Encoder wrote. gob reads each value into a
// buffer of its own, allocated for it; a column is read from the stream
// into the slice that keeps it, so that a snapshot of hundreds of MB is not
// allocated twice.
type Decoder struct {
	*gob.Decoder
	r *bufio.Reader
	// mapped, for a stream held whole in memory (a mapped file), is what
	// r reads: a column is then a view of it, neither allocated nor copied.
	mapped *memoryReader
}

// NewDecoder returns a Decoder reading from r. gob reads exactly one value
// from a reader that reads bytes one by one, as a bufio.Reader does, so
// values and columns can take turns on it.
func NewDecoder(r io.Reader) *Decoder {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReader(r)
	}
	return &Decoder{Decoder: gob.NewDecoder(br), r: br}
}

// NewMemoryDecoder returns a Decoder reading data, which it never writes
// and which must outlive everything decoded from it: the columns it
// returns are views of data, not copies (a mapped snapshot serves its
// documents' texts from the page cache, not from the heap).
func NewMemoryDecoder(data []byte) *Decoder {
	m := &memoryReader{data: data}
	dec := NewDecoder(bufio.NewReader(m))
	dec.mapped = m
	return dec
}

// memoryReader reads a slice of bytes and says where it has got to.
type memoryReader struct {
	data []byte
	at   int
}

func (m *memoryReader) Read(p []byte) (int, error) {
	if m.at == len(m.data) {
		return 0, io.EOF
	}
	n := copy(p, m.data[m.at:])
	m.at += n
	return n, nil
}

// view returns the next n bytes of a memory stream as a view of its data,
// past what r has buffered, and moves the stream past them.
func (dec *Decoder) view(n int) ([]byte, error) {
	at := dec.mapped.at - dec.r.Buffered()
	if n > len(dec.mapped.data)-at {
		return nil, fmt.Errorf("a column of %d bytes, %d left: %w", n, len(dec.mapped.data)-at, io.ErrUnexpectedEOF)
	}
	dec.mapped.at = at + n
	dec.r.Reset(dec.mapped)
	return dec.mapped.data[at : at+n : at+n], nil
}

// skipPadding reads the count of zero bytes aligning a column and skips
// them.
func (dec *Decoder) skipPadding() error {
	k, err := dec.r.ReadByte()
	if err != nil {
		return err
	}
	if k >= ColumnAlign {
		return fmt.Errorf("%d bytes of padding", k)
	}
	_, err = dec.r.Discard(int(k))
	return err
}

// Chunk is how much of a column is read at once while its length is not
// yet backed by bytes read: a damaged length cannot allocate more than the
// stream holds, plus Chunk.
const Chunk = 8 << 20

// maxPrealloc bounds what a length read from the stream may allocate at
// once; a longer column grows as it is read.
const maxPrealloc = 1 << 30

// EncodeColumn writes a column: its length, a byte counting the zero
// bytes that follow it to align the column (ColumnAlign), those, then its
// bytes, the parts one after the other (written as they are, never joined
// in memory).
func EncodeColumn[T []byte | string](enc *Encoder, parts ...T) error {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	if err := enc.Encode(n); err != nil {
		return err
	}
	var pad [ColumnAlign]byte
	k := Aligned(enc.w.n+1) - (enc.w.n + 1)
	pad[0] = byte(k)
	if _, err := enc.w.Write(pad[:1+k]); err != nil {
		return err
	}
	for _, p := range parts {
		if _, err := enc.w.Write(unsafe.Slice(unsafe.StringData(string(p)), len(p))); err != nil {
			return err
		}
	}
	return nil
}

// DecodeColumn reads a column EncodeColumn wrote.
func DecodeColumn(dec *Decoder) ([]byte, error) {
	var n int
	if err := dec.Decode(&n); err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, fmt.Errorf("a column of %d bytes", n)
	}
	if err := dec.skipPadding(); err != nil {
		return nil, fmt.Errorf("a column of %d bytes: %w", n, err)
	}
	if dec.mapped != nil {
		return dec.view(n)
	}
	if n <= maxPrealloc {
		col := make([]byte, n)
		if _, err := io.ReadFull(dec.r, col); err != nil {
			return nil, fmt.Errorf("a column of %d bytes: %w", n, err)
		}
		return col, nil
	}
	var col []byte
	for len(col) < n {
		k := min(n-len(col), Chunk)
		col = append(col, make([]byte, k)...)
		if _, err := io.ReadFull(dec.r, col[len(col)-k:]); err != nil {
			return nil, fmt.Errorf("a column of %d bytes, %d read: %w", n, len(col)-k, err)
		}
	}
	return col, nil
}

// Encode writes the struct v points to with its large byte columns (fields
// of v, given by pointer), its integer slices ([]int32 and []uint32
// fields) and its string slices ([]string fields; nested structs' fields
// included) apart: v without them, then each byte column, then each
// integer slice as a fixed-width column, then each string slice as its
// strings end to end and their lengths. gob would read them inside v's
// value, element by element, and read a value of more than 10 MB in chunks
// it copies again and again as it grows. v is left as it was.
func Encode(enc *Encoder, v any, columns ...*[]byte) error {
	slices := sliceFields(v)
	saved := make([][]byte, len(columns))
	for i, c := range columns {
		saved[i], *c = *c, nil
	}
	savedSlices := make([]reflect.Value, len(slices))
	for i, f := range slices {
		savedSlices[i] = reflect.ValueOf(f.Interface())
		f.SetZero()
	}
	err := enc.Encode(v)
	for i, c := range columns {
		*c = saved[i]
	}
	for i, f := range slices {
		f.Set(savedSlices[i])
	}
	if err != nil {
		return err
	}
	for _, b := range saved {
		if err := EncodeColumn(enc, b); err != nil {
			return err
		}
	}
	for _, f := range slices {
		if err := encodeSlice(enc, f.Interface()); err != nil {
			return err
		}
	}
	return nil
}

// encodeSlice writes one slice field as Encode lays it out.
func encodeSlice(enc *Encoder, xs any) error {
	switch xs := xs.(type) {
	case []int32:
		return EncodeColumn(enc, Fixed(xs))
	case []uint32:
		return EncodeColumn(enc, Fixed(xs))
	}
	ss := xs.([]string)
	lens := make([]uint32, len(ss))
	for i, s := range ss {
		lens[i] = uint32(len(s))
	}
	if err := EncodeColumn(enc, ss...); err != nil {
		return err
	}
	return EncodeColumn(enc, Fixed(lens))
}

// Decode reads what Encode wrote into v, whose column fields are given by
// pointer in the same order.
func Decode(dec *Decoder, v any, columns ...*[]byte) error {
	if err := dec.Decode(v); err != nil {
		return err
	}
	for i, c := range columns {
		col, err := DecodeColumn(dec)
		if err != nil {
			return fmt.Errorf("column %d: %w", i, err)
		}
		*c = col
	}
	for _, f := range sliceFields(v) {
		if err := decodeSlice(dec, f); err != nil {
			return fmt.Errorf("%s: %w", f.Type(), err)
		}
	}
	return nil
}

// decodeSlice reads one slice field as Encode laid it out.
func decodeSlice(dec *Decoder, f reflect.Value) error {
	col, err := DecodeColumn(dec)
	if err != nil {
		return err
	}
	var xs any
	switch f.Type() {
	case int32s:
		xs, err = Unfixed[int32](col)
	case uint32s:
		xs, err = Unfixed[uint32](col)
	default:
		xs, err = cutStrings(dec, col)
	}
	if err == nil {
		f.Set(reflect.ValueOf(xs))
	}
	return err
}

// cutStrings cuts the strings laid end to end in joined at the lengths of
// the column that follows it. They share one allocation: joined itself,
// which nothing else holds, viewed as a string.
func cutStrings(dec *Decoder, joined []byte) ([]string, error) {
	col, err := DecodeColumn(dec)
	if err != nil {
		return nil, err
	}
	lens, err := Unfixed[uint32](col)
	if err != nil || len(lens) == 0 {
		if err == nil && len(joined) > 0 {
			err = fmt.Errorf("%d bytes of no string", len(joined))
		}
		return nil, err
	}
	all := unsafe.String(unsafe.SliceData(joined), len(joined))
	out := make([]string, len(lens))
	at := 0
	for i, n := range lens {
		if int(n) > len(all)-at {
			return nil, fmt.Errorf("string %d of %d bytes, %d left", i, n, len(all)-at)
		}
		out[i] = all[at : at+int(n)]
		at += int(n)
	}
	if at != len(all) {
		return nil, fmt.Errorf("%d bytes after the last string", len(all)-at)
	}
	return out, nil
}

var (
	int32s  = reflect.TypeFor[[]int32]()
	uint32s = reflect.TypeFor[[]uint32]()
	strs    = reflect.TypeFor[[]string]()
)

// sliceFields returns the exported []int32, []uint32 and []string fields
// of the struct v points to, nested structs' included, in the order they
// are declared.
func sliceFields(v any) []reflect.Value {
	var out []reflect.Value
	var walk func(s reflect.Value)
	walk = func(s reflect.Value) {
		for i := range s.NumField() {
			f := s.Field(i)
			switch {
			case !s.Type().Field(i).IsExported():
			case f.Kind() == reflect.Struct:
				walk(f)
			case f.Type() == int32s || f.Type() == uint32s || f.Type() == strs:
				out = append(out, f)
			}
		}
	}
	walk(reflect.ValueOf(v).Elem())
	return out
}
