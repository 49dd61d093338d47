package claims

import (
	"encoding/binary"
	"fmt"
	"strings"
)

// varints is a column of non-negative integers as uvarints in one []byte:
// gob copies it at once, where it decodes a []int32 element by element,
// several times slower over the millions of words of a large corpus.
type varints []byte

func (v *varints) add(x int) { *v = binary.AppendUvarint(*v, uint64(x)) }

// count returns how many values v holds: a uvarint's last byte is its only
// one below 0x80.
func (v varints) count() int {
	n := 0
	for _, b := range v {
		if b < 0x80 {
			n++
		}
	}
	return n
}

// varintReader reads a varints column back, refusing what is malformed.
type varintReader struct {
	rest varints
	name string
}

// next returns the next value, which must be below limit.
func (r *varintReader) next(limit int) (int, error) {
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

func (r *varintReader) done() error {
	if len(r.rest) > 0 {
		return fmt.Errorf("%s: %d bytes left over", r.name, len(r.rest))
	}
	return nil
}

// packedStrings is a []string on the wire as one string and the length of
// each part: gob then reads one string instead of one allocation per part.
type packedStrings struct {
	Joined string
	Lens   varints
}

func packStrings(ss []string) packedStrings {
	var b strings.Builder
	var p packedStrings
	for _, s := range ss {
		b.WriteString(s)
		p.Lens.add(len(s))
	}
	p.Joined = b.String()
	return p
}

func (p *packedStrings) unpack(name string) ([]string, error) {
	if len(p.Lens) == 0 && p.Joined == "" {
		return nil, nil
	}
	out := make([]string, 0, p.Lens.count())
	r := varintReader{rest: p.Lens, name: name}
	at := 0
	for len(r.rest) > 0 {
		n, err := r.next(len(p.Joined) - at + 1)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Joined[at:at+n])
		at += n
	}
	if at != len(p.Joined) {
		return nil, fmt.Errorf("%s: lengths do not add up", name)
	}
	return out, nil
}

// stringPool numbers distinct strings in the order they are first met, so
// that repeated values (kinds, speakers, hedges) are written once.
type stringPool struct {
	ids     map[string]int
	strings []string
}

func (p *stringPool) ref(s string) int {
	id, ok := p.ids[s]
	if !ok {
		id = len(p.strings)
		p.ids[s] = id
		p.strings = append(p.strings, s)
	}
	return id
}

// countOf checks a count read from the wire before it sizes an
// allocation: each counted item takes at least one byte of stream.
func countOf(name string, n int, stream []byte) (int, error) {
	if n < 0 || n > len(stream) {
		return 0, fmt.Errorf("%s: %d counted in %d bytes", name, n, len(stream))
	}
	return n, nil
}
