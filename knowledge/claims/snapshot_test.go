package claims

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
)

// madeUpDocs is a small corpus with quotes, reported speech, a contested
// figure and a repeated quotation, extracted without a registry.
func madeUpDocs() []*corpus.Document {
	return []*corpus.Document{
		corpus.New("a", "a.txt", corpus.Meta{Title: "Front grows", Source: "Wire", Date: "2024-01-02"}, []string{
			`"We will never lay down our arms before the harvest," commander Ilsa Varn said on Monday.`,
			"The Northern Front has at least 300 fighters in Varsk, officials said.",
		}),
		corpus.New("b", "b.txt", corpus.Meta{Title: "Front shrinks"}, []string{
			"The Northern Front has about 2,000 fighters in Varsk, according to a 2023 report.",
			`Ilsa Varn told reporters: "We will never lay down our arms before the harvest."`,
			"Analysts said the group is likely to split within a year.",
		}),
	}
}

// roundTrip encodes s and decodes it against docs.
func roundTrip(t testing.TB, s *Set, docs []*corpus.Document) *Set {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Encode(gob.NewEncoder(&buf)); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	got, err := DecodeSet(gob.NewDecoder(&buf), docs)
	if err != nil {
		t.Fatalf("DecodeSet: %v", err)
	}
	return got
}

func TestSnapshotRoundTrip(t *testing.T) {
	seeds, seedDocs := seedSet(t)
	madeUp := madeUpDocs()
	for name, tc := range map[string]struct {
		set  *Set
		docs []*corpus.Document
	}{
		"seeds":   {seeds, seedDocs},
		"made-up": {Extract(madeUp, nil), madeUp},
	} {
		t.Run(name, func(t *testing.T) {
			if len(tc.set.claims) == 0 || (name == "made-up" && len(tc.set.contests) == 0) {
				t.Fatalf("the corpus should give claims and a contest: %d claims, %d contests", len(tc.set.claims), len(tc.set.contests))
			}
			got := roundTrip(t, tc.set, tc.docs)
			if !reflect.DeepEqual(got, tc.set) {
				t.Fatal("the decoded set differs from the encoded one")
			}
			assertSameAnswers(t, tc.set, got)
			assertPointsInto(t, got, tc.docs)
		})
	}
}

// assertSameAnswers compares what both sets answer, call by call.
func assertSameAnswers(t *testing.T, want, got *Set) {
	t.Helper()
	same := func(what string, a, b any) {
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s differs after decoding", what)
		}
	}
	same("All", want.All(), got.All())
	same("Contested", want.Contested(), got.Contested())
	for _, k := range []Kind{Quote, Reported, Figure, Assessment} {
		same("ByKind "+string(k), want.ByKind(k), got.ByKind(k))
	}
	for _, c := range want.All() {
		for _, id := range []string{c.SpeakerID, c.Speaker, c.About} {
			same("ByActor "+id, want.ByActor(id), got.ByActor(id))
		}
		// A quotation, its first half, and a misquote of it.
		half := c.Text[:len(c.Text)/2]
		for _, q := range []string{c.Text, half, strings.Replace(c.Text, " the ", " a ", 1)} {
			same("Cite "+q, want.Cite(q), got.Cite(q))
		}
	}
}

// assertPointsInto checks that the decoded set uses the given documents and
// that its contests hold its own claims.
func assertPointsInto(t *testing.T, s *Set, docs []*corpus.Document) {
	t.Helper()
	for i, d := range docs {
		if s.docs[i] != d || s.index.docs[i] != d {
			t.Fatalf("document %d is a copy, not the given one", i)
		}
	}
	own := map[*Claim]bool{}
	for _, c := range s.claims {
		own[c] = true
	}
	for _, ct := range s.contests {
		for _, c := range ct.Claims {
			if !own[c] {
				t.Fatalf("contest %q holds a claim that is not in the set", ct.Subject)
			}
		}
	}
}

func TestSnapshotBadInputIsAnError(t *testing.T) {
	s, docs := seedSet(t)
	var buf bytes.Buffer
	if err := s.Encode(gob.NewEncoder(&buf)); err != nil {
		t.Fatal(err)
	}
	whole := buf.Bytes()
	for _, n := range []int{0, 1, 10, len(whole) / 3, len(whole) / 2, len(whole) - 1} {
		if _, err := DecodeSet(gob.NewDecoder(bytes.NewReader(whole[:n])), docs); err == nil {
			t.Errorf("a stream cut at %d of %d bytes decoded", n, len(whole))
		}
	}
	if _, err := DecodeSet(gob.NewDecoder(bytes.NewReader(whole)), docs[:3]); err == nil {
		t.Error("a snapshot decoded against fewer documents than it was written for")
	}
	tampered := map[string]func(w *setWire){
		"span document":       func(w *setWire) { w.Claims.SpanDocs[0] = int32(len(docs)) },
		"span end":            func(w *setWire) { w.Claims.SpanEnds[0] = 1 << 30 },
		"span count":          func(w *setWire) { w.Claims.SpanCounts[0] += 5 },
		"source document":     func(w *setWire) { w.Claims.SourceDocs[0] = -1 },
		"string reference":    func(w *setWire) { w.Claims.Fields[3] = uint32(len(w.Claims.Strings)) },
		"missing column":      func(w *setWire) { w.Claims.HasMeasure = w.Claims.HasMeasure[1:] },
		"contest claim":       func(w *setWire) { w.Contests[0].Claims[0] = int32(len(w.Claims.SpanCounts)) },
		"contest newest":      func(w *setWire) { w.Contests[0].Newest = len(w.Contests[0].Claims) },
		"term id":             func(w *setWire) { w.Index.Terms[7] = int32(len(w.Index.Words)) },
		"word count":          func(w *setWire) { w.Index.WordCount[1]++ },
		"sentence start":      func(w *setWire) { w.Index.SentFirst[2] = -4 },
		"duplicate word":      func(w *setWire) { w.Index.Words[1] = w.Index.Words[0] },
		"names without value": func(w *setWire) { w.NameValues = nil },
	}
	for name, tamper := range tampered {
		w, err := s.wire()
		if err != nil {
			t.Fatal(err)
		}
		w.Index.Words = append([]string(nil), w.Index.Words...) // shared with s
		tamper(&w)
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(&w); err != nil {
			t.Fatal(err)
		}
		_, err = DecodeSet(gob.NewDecoder(&buf), docs)
		if err == nil {
			t.Errorf("%s out of range: decoded without an error", name)
		}
		t.Logf("%s: %v", name, err)
	}
}

func BenchmarkDecodeSeeds(b *testing.B) {
	s, docs := seedSet(b)
	var buf bytes.Buffer
	if err := s.Encode(gob.NewEncoder(&buf)); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := DecodeSet(gob.NewDecoder(bytes.NewReader(buf.Bytes())), docs); err != nil {
			b.Fatal(err)
		}
	}
}
