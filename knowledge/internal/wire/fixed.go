package wire

import (
	"encoding/binary"
	"fmt"
	"unsafe"
)

// Fixed returns xs as little-endian bytes, for a column of millions of
// integers: gob copies bytes at once, where it decodes an integer slice
// element by element as varints, several times slower.
func Fixed[T uint16 | uint32 | uint64 | int32](xs []T) []byte {
	b, _ := binary.Append(nil, binary.LittleEndian, xs) // fixed-size integers always encode
	return b
}

// Unfixed reads a column written by Fixed. On a little-endian machine the
// column is b itself, viewed as integers (b must not be used afterwards):
// the postings of a large corpus are hundreds of MB, and copying them was
// a large part of reading a snapshot.
func Unfixed[T uint16 | uint32 | uint64 | int32](b []byte) ([]T, error) {
	var zero T
	size := int(unsafe.Sizeof(zero))
	if len(b)%size != 0 {
		return nil, fmt.Errorf("a column of %d bytes is not one of %d-byte values", len(b), size)
	}
	if len(b) == 0 {
		return nil, nil
	}
	if littleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%unsafe.Alignof(zero) == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/size), nil
	}
	xs := make([]T, len(b)/size)
	if _, err := binary.Decode(b, binary.LittleEndian, xs); err != nil {
		return nil, err
	}
	return xs, nil
}

// littleEndian reports whether this machine lays integers out as Fixed
// writes them.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1
