package wire

import "fmt"

// Ragged is a list of lists as each list's length and the items end to
// end.
type Ragged[T any] struct {
	Lens  []uint32
	Items []T
}

// Add appends a list.
func (r *Ragged[T]) Add(list []T) {
	r.Lens = append(r.Lens, uint32(len(list)))
	r.Items = append(r.Items, list...)
}

// Rows cuts Items back into lists.
func (r Ragged[T]) Rows() ([][]T, error) {
	offs, err := Offsets(r.Lens, len(r.Items))
	if err != nil {
		return nil, err
	}
	return Split(r.Items, offs), nil
}

// Offsets turns lengths into where each list starts, and the end,
// checking that they add up to the total.
func Offsets(lens []uint32, total int) ([]int, error) {
	offs := make([]int, len(lens)+1)
	for i, n := range lens {
		offs[i+1] = offs[i] + int(n)
		if offs[i+1] > total {
			return nil, fmt.Errorf("lists hold more than the %d items stored", total)
		}
	}
	if offs[len(lens)] != total {
		return nil, fmt.Errorf("lists hold %d of the %d items stored", offs[len(lens)], total)
	}
	return offs, nil
}

// Flatten lays lists end to end: list i is flat[offs[i]:offs[i+1]].
func Flatten[T any](lists [][]T) (offs []uint32, flat []T) {
	offs = make([]uint32, 1, len(lists)+1)
	for _, l := range lists {
		flat = append(flat, l...)
		offs = append(offs, uint32(len(flat)))
	}
	return offs, flat
}

// Unflatten undoes Flatten for n lists, checking the offsets.
func Unflatten[T any](offs []uint32, flat []T, n int, what string) ([][]T, error) {
	if n < 0 || len(offs) != n+1 {
		return nil, fmt.Errorf("%s: %d offsets for %d lists", what, len(offs), n)
	}
	if err := CheckOffsets(offs, len(flat), what); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, nil
	}
	return Split(flat, offs), nil
}

// CheckOffsets checks that offs start at 0, never decrease and end at n.
func CheckOffsets(offs []uint32, n int, what string) error {
	if len(offs) == 0 || offs[0] != 0 || int(offs[len(offs)-1]) != n {
		return fmt.Errorf("%s: offsets do not span the %d items", what, n)
	}
	for i := 1; i < len(offs); i++ {
		if offs[i] < offs[i-1] {
			return fmt.Errorf("%s: offsets decrease at %d", what, i)
		}
	}
	return nil
}

// Split cuts flat at offs (checked) into lists, nil when empty as a list
// built by append is, each capped so that appending to one cannot write
// into the next.
func Split[T any, O int | uint32](flat []T, offs []O) [][]T {
	out := make([][]T, len(offs)-1)
	for i := range out {
		if from, to := offs[i], offs[i+1]; from < to {
			out[i] = flat[from:to:to]
		}
	}
	return out
}

// Below checks that every x is in [0, n).
func Below[T int32 | uint32 | int](xs []T, n int, what string) error {
	for i, x := range xs {
		if int64(x) < 0 || int64(x) >= int64(n) {
			return fmt.Errorf("%s %d at %d is out of range [0, %d)", what, x, i, n)
		}
	}
	return nil
}
