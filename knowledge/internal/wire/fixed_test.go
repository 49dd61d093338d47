package wire

import (
	"reflect"
	"testing"
)

func TestFixedRoundTrip(t *testing.T) {
	u32 := []uint32{0, 1, 1 << 31, 1<<32 - 1}
	if b := Fixed(u32); len(b) != 16 {
		t.Errorf("%d bytes for 4 uint32", len(b))
	}
	if got, err := Unfixed[uint32](Fixed(u32)); err != nil || !reflect.DeepEqual(got, u32) {
		t.Errorf("uint32: %v, %v", got, err)
	}
	u64 := []uint64{1<<64 - 1, 7}
	if got, err := Unfixed[uint64](Fixed(u64)); err != nil || !reflect.DeepEqual(got, u64) {
		t.Errorf("uint64: %v, %v", got, err)
	}
	u16 := []uint16{65535, 0}
	if got, err := Unfixed[uint16](Fixed(u16)); err != nil || !reflect.DeepEqual(got, u16) {
		t.Errorf("uint16: %v, %v", got, err)
	}
	if got, err := Unfixed[uint32](nil); err != nil || got != nil {
		t.Errorf("empty column: %v, %v (nil, as a built index holds)", got, err)
	}
	if _, err := Unfixed[uint32](make([]byte, 6)); err == nil {
		t.Error("6 bytes read as uint32s")
	}
}
