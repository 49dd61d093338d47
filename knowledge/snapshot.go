package knowledge

import (
	"encoding/gob"
	"errors"
	"fmt"
	"io"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/answer"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
)

// snapshotFormat opens every snapshot; a change to what any part writes
// changes it, so an old snapshot is refused rather than misread.
const snapshotFormat = "briefbot knowledge base, format 1"

// WriteSnapshot writes everything b holds, built, so that ReadSnapshot can
// serve it again without building: documents, actors, claims and the
// answer index, in that order (each part refers to the ones before).
func (b *Base) WriteSnapshot(w io.Writer) error {
	enc := gob.NewEncoder(w)
	for _, part := range []func() error{
		func() error { return enc.Encode(snapshotFormat) },
		func() error { return corpus.EncodeDocuments(enc, b.docs) },
		func() error { return b.actors.Encode(enc) },
		func() error { return b.claims.Encode(enc) },
		func() error { return b.answers.Encode(enc) },
	} {
		if err := part(); err != nil {
			return fmt.Errorf("snapshot: %w", err)
		}
	}
	return nil
}

// ErrSnapshotFormat is returned for a snapshot written in another format.
var ErrSnapshotFormat = errors.New("snapshot: not a knowledge base snapshot of this format")

// ReadSnapshot reads a knowledge base written by WriteSnapshot. Each part
// validates what it reads; a damaged snapshot gives an error, never a base
// that would fail later. Callers that keep snapshots on disk should also
// check a checksum: validation catches what would crash, not every flipped
// bit.
func ReadSnapshot(r io.Reader) (b *Base, err error) {
	defer func() {
		// The parts check their input; this is the last line of defence
		// for what they did not think of.
		if p := recover(); p != nil {
			b, err = nil, fmt.Errorf("snapshot: damaged: %v", p)
		}
	}()
	dec := gob.NewDecoder(r)
	var format string
	if err := dec.Decode(&format); err != nil || format != snapshotFormat {
		return nil, ErrSnapshotFormat
	}
	docs, err := corpus.DecodeDocuments(dec)
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	b = newBase(docs)
	if b.actors, err = actors.DecodeRegistry(dec, docs); err != nil {
		return nil, fmt.Errorf("snapshot: actors: %w", err)
	}
	if b.claims, err = claims.DecodeSet(dec, docs); err != nil {
		return nil, fmt.Errorf("snapshot: claims: %w", err)
	}
	if b.answers, err = answer.DecodeEngine(dec, docs, b.actors, b.claims); err != nil {
		return nil, fmt.Errorf("snapshot: answers: %w", err)
	}
	return b, nil
}
