package knowledge

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/answer"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/internal/collector"
	"briefbot/knowledge/internal/wire"
)

// snapshotFormat opens every snapshot; a change to the layout below changes
// it, so an old snapshot is refused rather than misread. (What the parts
// write is bound to the program that wrote it by the snapshot cache.)
const snapshotFormat = "briefbot knowledge base, format 10\n"

// A snapshot is the format line, one section per part of the base (its own
// stream of gob values and raw columns, see wire), then the sections'
// lengths (8 bytes each, big-endian). Sections let the parts decode in
// parallel, each from its own reader; the lengths come last so that a
// section is written as it is encoded, never held whole in memory. The
// format line and each section are padded with zero bytes to a multiple
// of wire.ColumnAlign, so that a snapshot mapped at an aligned address
// has its columns aligned, and read in place.
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
	if b.amended != nil {
		return ErrAmended
	}
	head := make([]byte, wire.Aligned(int64(len(snapshotFormat))))
	copy(head, snapshotFormat)
	if _, err := w.Write(head); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	var lengths [sections]uint64
	for section, encode := range [sections]func(*wire.Encoder) error{
		sectionDocs:    func(enc *wire.Encoder) error { return corpus.EncodeDocuments(enc, b.docs) },
		sectionActors:  b.actors.Encode,
		sectionClaims:  b.claims.Encode,
		sectionAnswers: b.answers.Encode,
	} {
		enc := wire.NewEncoder(w)
		if err := encode(enc); err != nil {
			return fmt.Errorf("snapshot: section %d: %w", section, err)
		}
		if err := enc.Align(); err != nil {
			return fmt.Errorf("snapshot: section %d: %w", section, err)
		}
		lengths[section] = uint64(enc.Len())
	}
	if err := binary.Write(w, binary.BigEndian, lengths); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	return nil
}

// ErrAmended is returned for the snapshot of an amended base: only a base
// built whole is kept.
var ErrAmended = errors.New("snapshot: an amended base is kept once it is built whole")

// ErrSnapshotFormat is returned for a snapshot written in another format.
var ErrSnapshotFormat = errors.New("snapshot: not a knowledge base snapshot of this format")

// ReadSnapshot reads the knowledge base WriteSnapshot wrote in the first
// size bytes of r. Each part validates what it reads; a damaged snapshot
// gives an error, never a base that would fail later. Callers that keep
// snapshots on disk should also check a checksum: validation catches what
// would crash, not every flipped bit.
func ReadSnapshot(r io.ReaderAt, size int64) (*Base, error) {
	return readSections(r, size, func(s span) *wire.Decoder {
		return wire.NewDecoder(bufio.NewReaderSize(io.NewSectionReader(r, s.at, s.n), 1<<20))
	})
}

// ReadMappedSnapshot reads a snapshot held whole in memory, as a file
// mapped into it is, as ReadSnapshot does. The base does not copy what it
// keeps as it was written (its documents' texts, its columns): it keeps
// views of data, which must never be written and must outlive it. A
// mapped snapshot so serves the texts from the page cache, not the heap.
func ReadMappedSnapshot(data []byte) (*Base, error) {
	return readSections(bytes.NewReader(data), int64(len(data)), func(s span) *wire.Decoder {
		return wire.NewMemoryDecoder(data[s.at : s.at+s.n])
	})
}

// readSections decodes the sections of the snapshot in the first size
// bytes of r, each with the decoder open gives it.
func readSections(r io.ReaderAt, size int64, open func(span) *wire.Decoder) (*Base, error) {
	spans, err := sectionSpans(r, size)
	if err != nil {
		return nil, err
	}
	var decs [sections]*wire.Decoder
	for i, s := range spans {
		decs[i] = open(s)
	}
	return decodeSections(decs)
}

// span is where a section lies in a snapshot.
type span struct{ at, n int64 }

// sectionSpans checks the format line and the table of section lengths of
// the snapshot in the first size bytes of r, and returns where each
// section lies.
func sectionSpans(r io.ReaderAt, size int64) ([sections]span, error) {
	var spans [sections]span
	format := make([]byte, len(snapshotFormat))
	if _, err := r.ReadAt(format, 0); err != nil || string(format) != snapshotFormat {
		return spans, ErrSnapshotFormat
	}
	var lengths [sections]uint64
	table := int64(binary.Size(lengths))
	start := wire.Aligned(int64(len(format)))
	if size < start+table {
		return spans, fmt.Errorf("snapshot: %d bytes hold no sections", size)
	}
	if err := binary.Read(io.NewSectionReader(r, size-table, table), binary.BigEndian, &lengths); err != nil {
		return spans, fmt.Errorf("snapshot: section lengths: %w", err)
	}
	at, end := start, size-table
	for i, n := range lengths {
		if n > uint64(end-at) {
			return spans, fmt.Errorf("snapshot: section %d of %d bytes, %d left", i, n, end-at)
		}
		spans[i] = span{at, int64(n)}
		at += int64(n)
	}
	if at != end {
		return spans, fmt.Errorf("snapshot: %d bytes between the sections and their lengths", end-at)
	}
	return spans, nil
}

// decodeSections decodes the sections side by side. The actors, the
// longest, read their own part while the documents decode and wait for
// them only to point into them; the claims and the answer index start
// once the documents are read, and the answer index waits for the other
// two only to link to them.
func decodeSections(raw [sections]*wire.Decoder) (*Base, error) {
	// A read allocates what the base keeps and little else (a tenth more at
	// 100 MB): collecting while the heap only grows would scan it again at
	// each doubling, a sixth of the read's time.
	defer collector.Hold(collector.Off)()
	var (
		b                    *Base
		reg                  *actors.Registry
		actorsErr, claimsErr error
	)
	docsDone, actorsDone, claimsDone := make(chan struct{}), make(chan struct{}), make(chan struct{})
	go func() {
		defer close(actorsDone)
		reg, actorsErr = decodeSection(raw[sectionActors], func(dec *wire.Decoder) (*actors.Registry, error) {
			return actors.DecodeRegistry(dec, func() []*corpus.Document {
				<-docsDone
				if b == nil {
					return nil
				}
				return b.docs
			})
		})
	}()
	docs, err := decodeSection(raw[sectionDocs], corpus.DecodeDocuments)
	if err == nil {
		b = newBase(docs)
	}
	close(docsDone) // on an error the actors are given no documents, and fail
	if err != nil {
		<-actorsDone
		return nil, err
	}
	go func() {
		defer close(claimsDone)
		b.claims, claimsErr = decodeSection(raw[sectionClaims], func(dec *wire.Decoder) (*claims.Set, error) {
			return claims.DecodeSet(dec, docs)
		})
	}()
	answers, answersErr := decodeSection(raw[sectionAnswers], func(dec *wire.Decoder) (*answer.Engine, error) {
		return answer.DecodeEngine(dec, docs, func() (*actors.Registry, *claims.Set) {
			<-actorsDone
			<-claimsDone
			return reg, b.claims
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
	b.actors, b.answers = reg, answers
	return b, nil
}

// decodeSection decodes one section with decode.
func decodeSection[T any](dec *wire.Decoder, decode func(*wire.Decoder) (T, error)) (v T, err error) {
	defer func() {
		// The parts check their input; this is the last line of defence
		// for what they did not think of (and it must be here, on the
		// goroutine that decodes).
		if p := recover(); p != nil {
			err = fmt.Errorf("snapshot: damaged: %v", p)
		}
	}()
	if v, err = decode(dec); err != nil {
		return v, fmt.Errorf("snapshot: %w", err)
	}
	return v, nil
}
