package knowledge

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/answer"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
)

// snapshotFormat opens every snapshot; a change to the layout below changes
// it, so an old snapshot is refused rather than misread. (What the parts
// write is bound to the program that wrote it by the snapshot cache.)
const snapshotFormat = "briefbot knowledge base, format 2\n"

// A snapshot is the format line, then one section per part of the base:
// its length (8 bytes, big-endian) and its own gob stream. Sections let
// the parts decode in parallel, each from its own reader.
const (
	sectionDocs = iota
	sectionActors
	sectionClaims
	sectionAnswers
	sections
)

// WriteSnapshot writes everything b holds, built, so that ReadSnapshot can
// serve it again without building.
func (b *Base) WriteSnapshot(w io.Writer) error {
	if _, err := io.WriteString(w, snapshotFormat); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	for section, encode := range [sections]func(*gob.Encoder) error{
		sectionDocs:    func(enc *gob.Encoder) error { return corpus.EncodeDocuments(enc, b.docs) },
		sectionActors:  b.actors.Encode,
		sectionClaims:  b.claims.Encode,
		sectionAnswers: b.answers.Encode,
	} {
		var buf bytes.Buffer
		if err := encode(gob.NewEncoder(&buf)); err != nil {
			return fmt.Errorf("snapshot: section %d: %w", section, err)
		}
		if err := binary.Write(w, binary.BigEndian, uint64(buf.Len())); err != nil {
			return fmt.Errorf("snapshot: %w", err)
		}
		if _, err := buf.WriteTo(w); err != nil {
			return fmt.Errorf("snapshot: %w", err)
		}
	}
	return nil
}

// ErrSnapshotFormat is returned for a snapshot written in another format.
var ErrSnapshotFormat = errors.New("snapshot: not a knowledge base snapshot of this format")

// ReadSnapshot reads the knowledge base WriteSnapshot wrote in the first
// size bytes of r. Each part validates what it reads; a damaged snapshot
// gives an error, never a base that would fail later. Callers that keep
// snapshots on disk should also check a checksum: validation catches what
// would crash, not every flipped bit.
func ReadSnapshot(r io.ReaderAt, size int64) (*Base, error) {
	format := make([]byte, len(snapshotFormat))
	if _, err := r.ReadAt(format, 0); err != nil || string(format) != snapshotFormat {
		return nil, ErrSnapshotFormat
	}
	var raw [sections]io.Reader
	at := int64(len(format))
	for i := range raw {
		var n [8]byte
		if _, err := r.ReadAt(n[:], at); err != nil {
			return nil, fmt.Errorf("snapshot: section %d: %w", i, err)
		}
		at += 8
		length := binary.BigEndian.Uint64(n[:])
		if length > uint64(max(size-at, 0)) {
			return nil, fmt.Errorf("snapshot: section %d of %d bytes, %d left", i, length, size-at)
		}
		raw[i] = bufio.NewReaderSize(io.NewSectionReader(r, at, int64(length)), 1<<20)
		at += int64(length)
	}
	return decodeSections(raw)
}

// decodeSections decodes the documents, then the actors, the claims and
// the answer index side by side; the answer index waits for the other two
// only to link to them.
func decodeSections(raw [sections]io.Reader) (*Base, error) {
	docs, err := decodeSection(raw[sectionDocs], corpus.DecodeDocuments)
	if err != nil {
		return nil, err
	}
	b := newBase(docs)
	var actorsErr, claimsErr error
	actorsDone, claimsDone := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(actorsDone)
		b.actors, actorsErr = decodeSection(raw[sectionActors], func(dec *gob.Decoder) (*actors.Registry, error) {
			return actors.DecodeRegistry(dec, docs)
		})
	}()
	go func() {
		defer close(claimsDone)
		b.claims, claimsErr = decodeSection(raw[sectionClaims], func(dec *gob.Decoder) (*claims.Set, error) {
			return claims.DecodeSet(dec, docs)
		})
	}()
	answers, answersErr := decodeSection(raw[sectionAnswers], func(dec *gob.Decoder) (*answer.Engine, error) {
		return answer.DecodeEngine(dec, docs, func() (*actors.Registry, *claims.Set) {
			<-actorsDone
			<-claimsDone
			return b.actors, b.claims
		})
	})
	<-actorsDone
	<-claimsDone
	if err := errors.Join(actorsErr, claimsErr); err != nil {
		return nil, err
	}
	if answersErr != nil {
		return nil, answersErr
	}
	b.answers = answers
	return b, nil
}

// decodeSection decodes one section with decode.
func decodeSection[T any](raw io.Reader, decode func(*gob.Decoder) (T, error)) (v T, err error) {
	defer func() {
		// The parts check their input; this is the last line of defence
		// for what they did not think of (and it must be here, on the
		// goroutine that decodes).
		if p := recover(); p != nil {
			err = fmt.Errorf("snapshot: damaged: %v", p)
		}
	}()
	if v, err = decode(gob.NewDecoder(raw)); err != nil {
		return v, fmt.Errorf("snapshot: %w", err)
	}
	return v, nil
}
