package claims

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/internal/wire"
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
	if err := s.Encode(wire.NewEncoder(&buf)); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	got, err := DecodeSet(wire.NewDecoder(&buf), docs)
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
			if name == "seeds" && !namesASentence(tc.set) {
				t.Fatal("no citation of the seeds names a sentence: the round trip would not test it")
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

// namesASentence reports whether a source of s cites into a long paragraph.
func namesASentence(s *Set) bool {
	for _, c := range s.claims {
		for _, src := range c.Sources {
			if src.Sentence > 0 {
				return true
			}
		}
	}
	return false
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

// A citation quote is stored as a place in its document when it lies
// around the claim, else as it is.
func TestSnapshotQuoteAwayFromItsClaim(t *testing.T) {
	docs := madeUpDocs()
	s := Extract(docs, nil)
	c := s.claims[0]
	c.Sources[0].Quote = "a quotation no document holds"
	w, err := s.wire()
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Claims.Quotes) != 1 {
		t.Fatalf("%d quotes stored as they are, want 1", len(w.Claims.Quotes))
	}
	if got := roundTrip(t, s, docs); !reflect.DeepEqual(got, s) {
		t.Error("the quote kept as it is did not come back")
	}
	w.Claims.Quotes = nil
	var buf bytes.Buffer
	if err := encodeWire(wire.NewEncoder(&buf), &w); err != nil {
		t.Fatal(err)
	}
	if _, err := DecodeSet(wire.NewDecoder(&buf), docs); err == nil || strings.Contains(err.Error(), "EOF") {
		t.Errorf("a snapshot missing a quote: %v", err)
	}
}

func TestSnapshotBadInputIsAnError(t *testing.T) {
	s, docs := seedSet(t)
	var buf bytes.Buffer
	if err := s.Encode(wire.NewEncoder(&buf)); err != nil {
		t.Fatal(err)
	}
	whole := buf.Bytes()
	for _, n := range []int{0, 1, 10, len(whole) / 3, len(whole) / 2, len(whole) - 1} {
		if _, err := DecodeSet(wire.NewDecoder(bytes.NewReader(whole[:n])), docs); err == nil {
			t.Errorf("a stream cut at %d of %d bytes decoded", n, len(whole))
		}
	}
	if _, err := DecodeSet(wire.NewDecoder(bytes.NewReader(whole)), docs[:3]); err == nil {
		t.Error("a snapshot decoded against fewer documents than it was written for")
	}
	for name, tamper := range tamperings(len(docs)) {
		w, err := s.wire()
		if err != nil {
			t.Fatal(err)
		}
		tamper(&w)
		var buf bytes.Buffer
		if err := encodeWire(wire.NewEncoder(&buf), &w); err != nil {
			t.Fatal(err)
		}
		_, err = DecodeSet(wire.NewDecoder(&buf), docs)
		if err == nil || strings.Contains(err.Error(), "EOF") {
			t.Errorf("%s: %v, want the tampering caught", name, err)
		}
		t.Logf("%s: %v", name, err)
	}
}

// A word count the checks cannot refute (more words than the document has,
// fewer than its bytes) costs citations their quality, never a crash: the
// checksum of a kept snapshot is what catches it.
func TestSnapshotOverstatedWordCountCitesSafely(t *testing.T) {
	s, docs := seedSet(t)
	w, err := s.wire()
	if err != nil {
		t.Fatal(err)
	}
	w.Index.WordCounts = rewrite(w.Index.WordCounts, func(ints []int) {
		for i := range ints {
			ints[i] = len(docs[i].Text)
		}
	})
	var buf bytes.Buffer
	if err := encodeWire(wire.NewEncoder(&buf), &w); err != nil {
		t.Fatal(err)
	}
	got, err := DecodeSet(wire.NewDecoder(&buf), docs)
	if err != nil {
		t.Skipf("caught after all: %v", err)
	}
	d := docs[0]
	last := d.SentenceText(len(d.Sentences) - 1)
	if res := got.Cite(last); !res.Found {
		t.Errorf("the last sentence of %s not found: %+v", d.ID, res)
	}
}

// tamperings spoils one thing each in an otherwise valid wire form. The
// claim stream starts with the first claim's strings, its span count, and
// each span's document, start and length, then its source count, and each
// source's document and paragraph.
func tamperings(ndocs int) map[string]func(w *setWire) {
	const spanCount = claimStringFields
	claim := func(edit func(ints []int)) func(w *setWire) {
		return func(w *setWire) { w.Claims.Ints = rewrite(w.Claims.Ints, edit) }
	}
	source := func(ints []int) int { return spanCount + 1 + 3*ints[spanCount] + 1 }
	return map[string]func(w *setWire){
		"string reference out of range": claim(func(ints []int) { ints[3] = 1 << 20 }),
		"claim without spans":           claim(func(ints []int) { ints[spanCount] = 0 }),
		"too many spans":                claim(func(ints []int) { ints[spanCount] = 1 << 30 }),
		"span document out of range":    claim(func(ints []int) { ints[spanCount+1] = ndocs }),
		"span start past the text":      claim(func(ints []int) { ints[spanCount+2] = 1 << 30 }),
		"span end past the text":        claim(func(ints []int) { ints[spanCount+3] = 1 << 30 }),
		"source document out of range":  claim(func(ints []int) { ints[source(ints)] = ndocs }),
		"paragraph out of range":        claim(func(ints []int) { ints[source(ints)+1] = 1 << 20 }),
		"sentence out of its paragraph": claim(func(ints []int) { ints[source(ints)+2] = 1 << 20 }),
		"quote past the text":           claim(func(ints []int) { ints[source(ints)+3] = 1 << 30 }),
		"claim stream cut short":        func(w *setWire) { w.Claims.Ints = w.Claims.Ints[:len(w.Claims.Ints)/2] },
		"claim stream too long":         func(w *setWire) { w.Claims.Ints = append(w.Claims.Ints, 0) },
		"huge claim count":              func(w *setWire) { w.Claims.Claims = 1 << 40 },
		"one claim too many":            func(w *setWire) { w.Claims.Claims++ },
		"one span too few":              func(w *setWire) { w.Claims.Spans-- },
		"one source too many":           func(w *setWire) { w.Claims.Sources++ },
		"measure bounds apart":          func(w *setWire) { w.Claims.MeasureLow = w.Claims.MeasureLow[1:] },
		"strings missing from the pool": func(w *setWire) { w.Claims.Strings = w.Claims.Strings[:1] },
		"contest claim out of range":    func(w *setWire) { w.Contests[0].Claims[0] = int32(w.Claims.Claims) },
		"contest newest out of range":   func(w *setWire) { w.Contests[0].Newest = len(w.Contests[0].Claims) },
		"word count past the text": func(w *setWire) {
			w.Index.WordCounts = rewrite(w.Index.WordCounts, func(ints []int) { ints[0] = 1 << 30 })
		},
		"word counts cut short": func(w *setWire) { w.Index.WordCounts = w.Index.WordCounts[:1] },
		"posting past the words": func(w *setWire) {
			w.Index.Postings = rewrite(w.Index.Postings, func(ints []int) { ints[0] = 1 << 30 })
		},
		"a posting repeated": func(w *setWire) {
			second := secondPosting(w.Index.PostingCounts)
			w.Index.Postings = rewrite(w.Index.Postings, func(ints []int) { ints[second] = 0 })
		},
		"posting counts off by one": func(w *setWire) {
			w.Index.PostingCounts = rewrite(w.Index.PostingCounts, func(ints []int) { ints[0]++ })
		},
		"postings cut short": func(w *setWire) { w.Index.Postings = w.Index.Postings[:len(w.Index.Postings)-1] },
		"a posting short":    func(w *setWire) { w.Index.Postings = w.Index.Postings[:len(w.Index.Postings)-4] },
		"sentence past the words": func(w *setWire) {
			w.Index.SentFirst = rewrite(w.Index.SentFirst, func(ints []int) { ints[1] = 1 << 20 })
		},
		"sentences cut short": func(w *setWire) { w.Index.SentFirst = w.Index.SentFirst[:3] },
		"a word listed twice": func(w *setWire) {
			w.Index.Vocabulary = append(w.Index.Vocabulary[:1:1], w.Index.Vocabulary...)
		},
		"names without values": func(w *setWire) { w.NameValues = nil },
	}
}

// refix edits the numbers of a fixed-width column.
// secondPosting returns where, among all postings, the second of the
// first term with two or more is.
func secondPosting(counts wire.Varints) int {
	r := counts.Reader("")
	at := 0
	for r.More() {
		n, _ := r.Next(1 << 30)
		if n >= 2 {
			return at + 1
		}
		at += n
	}
	panic("no term has two postings")
}

// rewrite edits the numbers of a varints stream.
func rewrite(v wire.Varints, edit func(ints []int)) wire.Varints {
	r := v.Reader("")
	var ints []int
	for r.More() {
		x, _ := r.Next(1 << 62)
		ints = append(ints, x)
	}
	edit(ints)
	var out wire.Varints
	for _, x := range ints {
		out.Add(x)
	}
	return out
}

func BenchmarkDecodeSeeds(b *testing.B) {
	s, docs := seedSet(b)
	var buf bytes.Buffer
	if err := s.Encode(wire.NewEncoder(&buf)); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := DecodeSet(wire.NewDecoder(bytes.NewReader(buf.Bytes())), docs); err != nil {
			b.Fatal(err)
		}
	}
}
