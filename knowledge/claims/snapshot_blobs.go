package claims

import (
	"encoding/gob"
	"fmt"
)

// blobChunk bounds one gob message of a large column. gob reads a message
// whole, and for one over 10 MB it grows its buffer chunk by chunk, copying
// as it goes; it grows a byte slice over 10 MB the same way. On a 100 MB
// corpus that was half of the claims' decoding.
const blobChunk = 8 << 20

// maxBlobPrealloc bounds what a length read from the wire may allocate at
// once; a longer column grows as its chunks arrive.
const maxBlobPrealloc = 1 << 30

// blobs lists the large byte columns of w, which travel after the rest of
// it, in chunks.
func (w *setWire) blobs() []*[]byte {
	return []*[]byte{(*[]byte)(&w.Claims.Ints), &w.Index.Terms.Bytes, &w.Index.PostingDocs.Bytes, &w.Index.PostingPos.Bytes}
}

// encodeWire writes w with its blobs apart.
func encodeWire(enc *gob.Encoder, w *setWire) error {
	var blobs [][]byte
	for _, b := range w.blobs() {
		blobs, *b = append(blobs, *b), nil
	}
	err := enc.Encode(w)
	for i, b := range w.blobs() {
		*b = blobs[i]
	}
	if err != nil {
		return err
	}
	for _, b := range blobs {
		if err := enc.Encode(len(b)); err != nil {
			return err
		}
		for rest := b; len(rest) > 0; rest = rest[min(len(rest), blobChunk):] {
			if err := enc.Encode(rest[:min(len(rest), blobChunk)]); err != nil {
				return err
			}
		}
	}
	return nil
}

// decodeWire reads what encodeWire wrote.
func decodeWire(dec *gob.Decoder, w *setWire) error {
	if err := dec.Decode(w); err != nil {
		return err
	}
	for i, b := range w.blobs() {
		var n int
		if err := dec.Decode(&n); err != nil {
			return fmt.Errorf("column %d: %w", i, err)
		}
		if n < 0 {
			return fmt.Errorf("column %d of %d bytes", i, n)
		}
		*b = make([]byte, 0, min(n, maxBlobPrealloc))
		for len(*b) < n {
			var chunk []byte
			if err := dec.Decode(&chunk); err != nil {
				return fmt.Errorf("column %d: %w", i, err)
			}
			if len(chunk) == 0 || len(chunk) > n-len(*b) {
				return fmt.Errorf("column %d: a chunk of %d bytes, %d of %d read", i, len(chunk), len(*b), n)
			}
			*b = append(*b, chunk...)
		}
	}
	return nil
}
