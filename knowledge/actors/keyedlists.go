package actors

import (
	"errors"
	"slices"

	"briefbot/knowledge/internal/wire"
)

// keyedLists maps strings to lists of name entries in three flat arrays,
// the keys sorted: a map of slices spent more on its headers and
// buckets than on the entries it listed.
type keyedLists struct {
	keys []string
	offs []uint32 // the list of keys[i] is ids[offs[i]:offs[i+1]]
	ids  []int32
}

// freezeLists lays m out as keyedLists.
func freezeLists(m map[string][]int32) keyedLists {
	l := keyedLists{offs: make([]uint32, 1, len(m)+1)}
	if len(m) > 0 {
		l.keys = make([]string, 0, len(m))
	}
	for k := range m {
		l.keys = append(l.keys, k)
	}
	slices.Sort(l.keys)
	total := 0
	for _, k := range l.keys {
		total += len(m[k])
	}
	if total > 0 {
		l.ids = make([]int32, 0, total)
	}
	for _, k := range l.keys {
		l.ids = append(l.ids, m[k]...)
		l.offs = append(l.offs, uint32(len(l.ids)))
	}
	return l
}

// get returns the entries listed under k, none when it is no key.
func (l *keyedLists) get(k string) []int32 {
	i, ok := slices.BinarySearch(l.keys, k)
	if !ok {
		return nil
	}
	return l.ids[l.offs[i]:l.offs[i+1]:l.offs[i+1]]
}

// wire returns the lists as the snapshot stores them.
func (l *keyedLists) wire() postings {
	p := postings{Keys: l.keys, Entries: wire.Ragged[int32]{Lens: make([]uint32, len(l.keys)), Items: l.ids}}
	for i := range l.keys {
		p.Entries.Lens[i] = l.offs[i+1] - l.offs[i]
	}
	return p
}

// lists checks and adopts stored lists of entries below entries.
func (p postings) lists(entries int) (keyedLists, error) {
	if len(p.Keys) != len(p.Entries.Lens) {
		return keyedLists{}, errors.New("keys and lists differ in number")
	}
	for i := 1; i < len(p.Keys); i++ {
		if p.Keys[i-1] >= p.Keys[i] {
			return keyedLists{}, errors.New("keys out of order or repeated") // a binary search would miss some
		}
	}
	if err := wire.Below(p.Entries.Items, entries, "entry"); err != nil {
		return keyedLists{}, err
	}
	offs, err := wire.Offsets(p.Entries.Lens, len(p.Entries.Items))
	if err != nil {
		return keyedLists{}, err
	}
	l := keyedLists{keys: p.Keys, offs: make([]uint32, len(offs)), ids: p.Entries.Items}
	for i, o := range offs {
		l.offs[i] = uint32(o)
	}
	return l, nil
}
