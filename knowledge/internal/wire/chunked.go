// Package wire holds what the snapshot codecs of the knowledge packages
// share: large byte columns sent beside a gob value, in chunks.
package wire

import (
	"encoding/gob"
	"fmt"
)

// Chunk bounds one gob message of a large column. gob reads a message
// whole, and for one over 10 MB it grows its buffer chunk by chunk, copying
// as it goes; it grows a byte slice over 10 MB the same way. On a 100 MB
// corpus that was half of the claims' decoding.
const Chunk = 8 << 20

// maxPrealloc bounds what a length read from the wire may allocate at
// once; a longer column grows as its chunks arrive.
const maxPrealloc = 1 << 30

// Encode writes v with its large byte columns (fields of v, given by
// pointer) apart: v without them in one message, then each column as its
// length and chunks of at most Chunk bytes. v is left as it was.
func Encode(enc *gob.Encoder, v any, columns ...*[]byte) error {
	saved := make([][]byte, len(columns))
	for i, c := range columns {
		saved[i], *c = *c, nil
	}
	err := enc.Encode(v)
	for i, c := range columns {
		*c = saved[i]
	}
	if err != nil {
		return err
	}
	for _, b := range saved {
		if err := enc.Encode(len(b)); err != nil {
			return err
		}
		for rest := b; len(rest) > 0; rest = rest[min(len(rest), Chunk):] {
			if err := enc.Encode(rest[:min(len(rest), Chunk)]); err != nil {
				return err
			}
		}
	}
	return nil
}

// Decode reads what Encode wrote into v, whose column fields are given by
// pointer in the same order.
func Decode(dec *gob.Decoder, v any, columns ...*[]byte) error {
	if err := dec.Decode(v); err != nil {
		return err
	}
	for i, c := range columns {
		var n int
		if err := dec.Decode(&n); err != nil {
			return fmt.Errorf("column %d: %w", i, err)
		}
		if n < 0 {
			return fmt.Errorf("column %d of %d bytes", i, n)
		}
		col := make([]byte, 0, min(n, maxPrealloc))
		for len(col) < n {
			// gob decodes a byte slice into the one it is given when that
			// has room: the chunk lands in the column, not in a copy.
			free := col[len(col):cap(col)]
			chunk := free
			if err := dec.Decode(&chunk); err != nil {
				return fmt.Errorf("column %d: %w", i, err)
			}
			if len(chunk) == 0 || len(chunk) > n-len(col) {
				return fmt.Errorf("column %d: a chunk of %d bytes, %d of %d read", i, len(chunk), len(col), n)
			}
			if len(chunk) <= len(free) && &chunk[0] == &free[0] {
				col = col[:len(col)+len(chunk)]
			} else {
				col = append(col, chunk...)
			}
		}
		*c = col
	}
	return nil
}
