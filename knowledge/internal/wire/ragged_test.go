package wire

import (
	"reflect"
	"testing"
)

func TestRaggedAndFlattenRoundTrip(t *testing.T) {
	lists := [][]int32{{1, 2}, nil, {3}, nil}
	var r Ragged[int32]
	for _, l := range lists {
		r.Add(l)
	}
	rows, err := r.Rows()
	if err != nil || !reflect.DeepEqual(rows, lists) {
		t.Errorf("Rows: %v, %v", rows, err)
	}
	offs, flat := Flatten(lists)
	back, err := Unflatten(offs, flat, len(lists), "lists")
	if err != nil || !reflect.DeepEqual(back, lists) {
		t.Errorf("Unflatten: %v, %v", back, err)
	}
	if back[0] = append(back[0], 9); flat[2] != 3 {
		t.Error("appending to one list wrote into the next")
	}
	for name, bad := range map[string]func() error{
		"lengths past the items":   func() error { _, err := Ragged[int32]{Lens: []uint32{5}, Items: []int32{1}}.Rows(); return err },
		"lengths short of items":   func() error { _, err := Ragged[int32]{Lens: []uint32{1}, Items: []int32{1, 2}}.Rows(); return err },
		"offsets decreasing":       func() error { _, err := Unflatten([]uint32{0, 2, 1, 3}, flat, 3, "x"); return err },
		"offsets for other counts": func() error { _, err := Unflatten(offs, flat, 2, "x"); return err },
		"a value out of range":     func() error { return Below([]int32{0, 4}, 4, "x") },
		"a negative value":         func() error { return Below([]int{-1}, 4, "x") },
	} {
		if bad() == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestColumnsRoundTrip(t *testing.T) {
	var pool StringPool
	if a, b, c := pool.Ref("x"), pool.Ref("y"), pool.Ref("x"); a != 0 || b != 1 || c != 0 || len(pool.Strings()) != 2 {
		t.Errorf("pool numbers %d %d %d of %q", a, b, c, pool.Strings())
	}
	var v Varints
	v.Add(1)
	v.Add(1 << 20)
	r := v.Reader("v")
	if x, err := r.Next(2); x != 1 || err != nil || v.Count() != 2 {
		t.Errorf("first varint %d, %v; count %d", x, err, v.Count())
	}
	if _, err := r.Next(10); err == nil {
		t.Error("a varint above the limit was read")
	}
	if _, err := CountOf("n", 5, []byte{1}); err == nil {
		t.Error("a count larger than its stream was taken")
	}
}
