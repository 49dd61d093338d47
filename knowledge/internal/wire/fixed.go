package wire

import (
	"encoding/binary"
	"fmt"
)

// Fixed returns xs as little-endian bytes, for a column of millions of
// integers: gob copies bytes at once, where it decodes an integer slice
// element by element as varints, several times slower.
func Fixed[T uint16 | uint32 | uint64](xs []T) []byte {
	b, _ := binary.Append(nil, binary.LittleEndian, xs) // fixed-size integers always encode
	return b
}

// Unfixed reads a column written by Fixed.
func Unfixed[T uint16 | uint32 | uint64](b []byte) ([]T, error) {
	var zero T
	size := binary.Size(zero)
	if len(b)%size != 0 {
		return nil, fmt.Errorf("a column of %d bytes is not one of %d-byte values", len(b), size)
	}
	if len(b) == 0 {
		return nil, nil
	}
	xs := make([]T, len(b)/size)
	if _, err := binary.Decode(b, binary.LittleEndian, xs); err != nil {
		return nil, err
	}
	return xs, nil
}
