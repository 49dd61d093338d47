package wire

import (
	"encoding/binary"
	"fmt"
)

// Varints is a column of non-negative integers as uvarints in one []byte:
// gob copies it at once, where it decodes an integer slice element by
// element, several times slower over the millions of words of a corpus.
type Varints []byte

// Add appends x.
func (v *Varints) Add(x int) { *v = binary.AppendUvarint(*v, uint64(x)) }

// Count returns how many values v holds: a uvarint's last byte is its only
// one below 0x80.
func (v Varints) Count() int {
	n := 0
	for _, b := range v {
		if b < 0x80 {
			n++
		}
	}
	return n
}

// Reader reads v back, refusing what is malformed; name says which column
// in its errors.
func (v Varints) Reader(name string) *VarintReader { return &VarintReader{rest: v, name: name} }

// VarintReader reads a Varints column value by value.
type VarintReader struct {
	rest Varints
	name string
}

// Next returns the next value, which must be below limit.
func (r *VarintReader) Next(limit int) (int, error) {
	x, n := binary.Uvarint(r.rest)
	if n <= 0 {
		return 0, fmt.Errorf("%s: cut short or malformed", r.name)
	}
	if x >= uint64(limit) {
		return 0, fmt.Errorf("%s: %d out of range (below %d)", r.name, x, limit)
	}
	r.rest = r.rest[n:]
	return int(x), nil
}

// More reports whether values are left.
func (r *VarintReader) More() bool { return len(r.rest) > 0 }

// Done reports an error when values are left over.
func (r *VarintReader) Done() error {
	if len(r.rest) > 0 {
		return fmt.Errorf("%s: %d bytes left over", r.name, len(r.rest))
	}
	return nil
}

// StringPool numbers distinct strings in the order they are first met, so
// that repeated values (kinds, speakers, hedges) are written once.
type StringPool struct {
	ids     map[string]int
	strings []string
}

// Ref returns s's number, adding it when new.
func (p *StringPool) Ref(s string) int {
	id, ok := p.ids[s]
	if !ok {
		if p.ids == nil {
			p.ids = map[string]int{}
		}
		id = len(p.strings)
		p.ids[s] = id
		p.strings = append(p.strings, s)
	}
	return id
}

// Strings lists the pool's strings by number.
func (p *StringPool) Strings() []string { return p.strings }

// CountOf checks a count read from the wire before it sizes an allocation:
// each counted item takes at least one byte of stream.
func CountOf(name string, n int, stream []byte) (int, error) {
	if n < 0 || n > len(stream) {
		return 0, fmt.Errorf("%s: %d counted in %d bytes", name, n, len(stream))
	}
	return n, nil
}
