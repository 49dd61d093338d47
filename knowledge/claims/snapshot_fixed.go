package claims

import (
	"encoding/binary"
	"fmt"
)

// fixedInts is a column of non-negative integers, each in as many bytes as
// the largest needs, little-endian. Decoding is a plain loop, several times
// faster than varints: it carries the corpus's words and postings.
type fixedInts struct {
	Width int
	// Bytes holds Width bytes per value, then fixedPad zero bytes, so that
	// every value is read as four bytes and masked.
	Bytes []byte
}

const fixedPad = 3

func packFixed(xs []int32) fixedInts {
	largest := int32(0)
	for _, x := range xs {
		largest = max(largest, x)
	}
	f := fixedInts{Width: 1}
	for f.Width < 4 && largest >= 1<<(8*f.Width) {
		f.Width++
	}
	f.Bytes = make([]byte, 0, len(xs)*f.Width+fixedPad)
	for _, x := range xs {
		f.Bytes = binary.LittleEndian.AppendUint32(f.Bytes, uint32(x))[:len(f.Bytes)+f.Width]
	}
	f.Bytes = append(f.Bytes, make([]byte, fixedPad)...)
	return f
}

// unpack reads the column into dst, each value below limit.
func (f *fixedInts) unpack(name string, dst []int32, limit int) error {
	if f.Width < 1 || f.Width > 4 || len(f.Bytes) != len(dst)*f.Width+fixedPad {
		return fmt.Errorf("%s: %d bytes of width %d for %d values", name, len(f.Bytes), f.Width, len(dst))
	}
	mask := uint64(1)<<(8*f.Width) - 1
	for i := range dst {
		x := uint64(binary.LittleEndian.Uint32(f.Bytes[i*f.Width:])) & mask
		if x >= uint64(limit) {
			return fmt.Errorf("%s: %d out of range (below %d)", name, x, limit)
		}
		dst[i] = int32(x)
	}
	return nil
}
