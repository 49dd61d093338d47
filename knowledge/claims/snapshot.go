package claims

import (
	"errors"
	"fmt"
	"maps"
	"slices"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/internal/wire"
)

// The snapshot codec writes a Set as a few large values that gob copies at
// once (the largest raw, beside them): numbers as varint streams or
// fixed-width columns, strings joined, pointers as indexes. What is quick
// to derive without touching the text again (claim texts and quotes as
// slices of the documents, citation metadata, the vocabulary map, the
// attributed spans, the document positions) is rebuilt on decoding.

// setWire is a Set on the wire.
//
// Its large byte columns travel apart, raw (see wire.Encode).
type setWire struct {
	Claims   claimColumns
	Contests []contestWire
	// NameKeys and NameValues are the names map, sorted by key.
	NameKeys, NameValues []string
	Index                indexWire
}

// contestWire is a Contest with its claims as indexes in the claim list.
type contestWire struct {
	Subject  string
	Claims   []int32
	Newest   int
	NewestBy string
}

// Encode writes s to enc for DecodeSet to read back.
func (s *Set) Encode(enc *wire.Encoder) error {
	w, err := s.wire()
	if err != nil {
		return err
	}
	return encodeWire(enc, &w)
}

// columns lists the large byte columns of w.
func (w *setWire) columns() []*[]byte {
	return []*[]byte{(*[]byte)(&w.Claims.Ints), &w.Index.Postings}
}

func encodeWire(enc *wire.Encoder, w *setWire) error { return wire.Encode(enc, w, w.columns()...) }
func decodeWire(dec *wire.Decoder, w *setWire) error { return wire.Decode(dec, w, w.columns()...) }

func (s *Set) wire() (setWire, error) {
	cols, err := s.encodeClaims()
	if err != nil {
		return setWire{}, err
	}
	w := setWire{Claims: cols, Contests: s.encodeContests(), Index: s.index.encode()}
	keys := slices.Sorted(maps.Keys(s.names))
	values := make([]string, len(keys))
	for i, k := range keys {
		values[i] = s.names[k]
	}
	w.NameKeys, w.NameValues = keys, values
	return w, nil
}

func (s *Set) encodeContests() []contestWire {
	at := make(map[*Claim]int32, len(s.claims))
	for i, c := range s.claims {
		at[c] = int32(i)
	}
	out := make([]contestWire, len(s.contests))
	for i, ct := range s.contests {
		out[i] = contestWire{Subject: ct.Subject, Newest: ct.Newest, NewestBy: ct.NewestBy}
		for _, c := range ct.Claims {
			out[i].Claims = append(out[i].Claims, at[c])
		}
	}
	return out
}

// DecodeSet reads a Set written by Encode for the same docs, in the same
// order. The decoded claims cite those documents; bad input is an error.
func DecodeSet(dec *wire.Decoder, docs []*corpus.Document) (*Set, error) {
	var w setWire
	if err := decodeWire(dec, &w); err != nil {
		return nil, fmt.Errorf("claims: reading the snapshot: %w", err)
	}
	s := &Set{docs: docs, docOrder: docPositions(docs)}
	// The word index is the larger half and independent of the claims:
	// decode it alongside, as Extract builds it.
	indexed := make(chan error, 1)
	go func() {
		var err error
		s.index, err = decodeIndex(&w.Index, docs)
		indexed <- err
	}()
	if err := errors.Join(s.readClaims(&w), <-indexed); err != nil {
		return nil, fmt.Errorf("claims: snapshot: %w", err)
	}
	return s, nil
}

// readClaims fills in the claims, their contests and names, and the
// attributed spans.
func (s *Set) readClaims(w *setWire) error {
	var err error
	if s.claims, err = decodeClaims(&w.Claims, s.docs); err != nil {
		return err
	}
	if s.contests, err = decodeContests(w.Contests, s.claims); err != nil {
		return err
	}
	if s.names, err = decodeNames(w.NameKeys, w.NameValues); err != nil {
		return err
	}
	s.said = indexSaid(s.claims, len(s.docs))
	return nil
}

func decodeContests(ws []contestWire, claims []*Claim) ([]Contest, error) {
	var out []Contest
	for i, w := range ws {
		ct := Contest{Subject: w.Subject, Newest: w.Newest, NewestBy: w.NewestBy, Claims: make([]*Claim, len(w.Claims))}
		for j, ci := range w.Claims {
			if ci < 0 || int(ci) >= len(claims) {
				return nil, fmt.Errorf("contest %d: claim %d of %d", i, ci, len(claims))
			}
			ct.Claims[j] = claims[ci]
		}
		if ct.Newest < -1 || ct.Newest >= len(ct.Claims) {
			return nil, fmt.Errorf("contest %d: newest claim %d of %d", i, ct.Newest, len(ct.Claims))
		}
		out = append(out, ct)
	}
	return out, nil
}

func decodeNames(ks, vs []string) (map[string]string, error) {
	if len(ks) != len(vs) {
		return nil, errors.New("names and their keys differ in number")
	}
	names := make(map[string]string, len(ks))
	for i, k := range ks {
		names[k] = vs[i]
	}
	return names, nil
}
