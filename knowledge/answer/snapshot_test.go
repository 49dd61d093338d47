package answer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
	"briefbot/knowledge/internal/wire"
)

type linked struct {
	docs []*corpus.Document
	reg  *actors.Registry
	set  *claims.Set
	e    *Engine
}

// links gives the registry and claim set, as DecodeEngine asks for them.
func (l linked) links() (*actors.Registry, *claims.Set) { return l.reg, l.set }

func buildLinked(docs []*corpus.Document) linked {
	reg := actors.Build(docs)
	set := claims.Extract(docs, reg)
	return linked{docs, reg, set, New(docs, reg, set)}
}

// snapshotCorpus is a small made-up corpus with what the codec must carry:
// a sentence two papers print word for word, a contested figure, an
// author, and names to misspell.
func snapshotCorpus() []*corpus.Document {
	return []*corpus.Document{
		corpus.New("harbour-post", "post.txt", corpus.Meta{Title: "Port strike enters second week", Source: "Harbour Post", Date: "2025-06-01"}, []string{
			"Dockers at the port of Velmora stayed out for an eighth day on Monday.",
			"Union leader Piet Abernathy said the strike “will last until the bosses listen”.",
			"The Velmora Port Authority says 40 ships are waiting offshore.",
		}),
		corpus.New("coast-daily", "daily.txt", corpus.Meta{Title: "Ships pile up at Velmora", Source: "Coast Daily", Date: "2025-06-02"}, []string{
			"Union leader Piet Abernathy said the strike “will last until the bosses listen”.",
			"The Velmora Port Authority now counts 75 ships waiting offshore.",
			"Ingrid Stavros, the port director, called the stoppage illegal.",
		}),
		corpus.New("abernathy-rally", "rally.json", corpus.Meta{Title: "Rally speech", Author: "Piet Abernathy"}, []string{
			"We built this port with our hands and we will not be thrown away.",
		}),
	}
}

func TestSnapshotRoundTrip(t *testing.T) {
	for name, docs := range map[string][]*corpus.Document{"seeds": ingest.Seeds(), "made-up": snapshotCorpus()} {
		t.Run(name, func(t *testing.T) {
			b := buildLinked(docs)
			got := roundTrip(t, b)
			checkSameEngine(t, b.e, got)
			checkPointsInto(t, got, b)
			for _, q := range snapshotQuestions(t) {
				for _, limit := range []int{1, 3} {
					if want, have := b.e.Ask(q, limit), got.Ask(q, limit); !reflect.DeepEqual(want, have) {
						t.Errorf("%q (limit %d): results differ after decode:\nwant %+v\ngot  %+v", q, limit, want, have)
					}
				}
			}
		})
	}
}

// An engine built without registry or claims, or on no text, decodes
// without them.
func TestSnapshotWithoutLinks(t *testing.T) {
	for name, docs := range map[string][]*corpus.Document{
		"words alone": snapshotCorpus(),
		"no text":     {corpus.New("empty", "e.txt", corpus.Meta{}, nil)},
		"no docs":     nil,
	} {
		t.Run(name, func(t *testing.T) {
			b := linked{docs: docs, e: New(docs, nil, nil)}
			got := roundTrip(t, b)
			if got.links.reg != nil || got.links.cl != nil {
				t.Error("decoded links have a registry or claims the engine was built without")
			}
			for _, q := range []string{"What did Piet Abernathy say?", "How many ships are waiting?", "velmra port"} {
				if want, have := b.e.Ask(q, 3), got.Ask(q, 3); !reflect.DeepEqual(want, have) {
					t.Errorf("%q: want %+v, got %+v", q, want, have)
				}
			}
		})
	}
}

func roundTrip(t *testing.T, b linked) *Engine {
	t.Helper()
	var buf bytes.Buffer
	if err := b.e.Encode(wire.NewEncoder(&buf)); err != nil {
		t.Fatal(err)
	}
	got, err := DecodeEngine(wire.NewDecoder(&buf), b.docs, b.links)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// checkSameEngine compares the decoded engine with the built one. The
// scratch pool (a channel) cannot be compared as a value: it is checked as
// rebuilt. The association cache fills as questions are asked.
func checkSameEngine(t *testing.T, want, got *Engine) {
	t.Helper()
	if got.scratches == nil || got.scratches.ix != got.ix || cap(got.scratches.free) != cap(want.scratches.free) {
		t.Errorf("scratch pool not rebuilt for the decoded index")
	}
	comparable := func(e *Engine) Engine {
		c := *e
		c.scratches = nil
		c.associations = nil
		return c
	}
	if a, b := comparable(want), comparable(got); !reflect.DeepEqual(a, b) {
		t.Error("decoded engine differs from the built one")
		for name, eq := range map[string]bool{
			"index": reflect.DeepEqual(a.ix, b.ix), "links": reflect.DeepEqual(a.links, b.links), "context": reflect.DeepEqual(a.context, b.context),
		} {
			if !eq {
				t.Errorf("%s differs", name)
			}
		}
	}
}

func checkPointsInto(t *testing.T, e *Engine, b linked) {
	t.Helper()
	for i, d := range e.ix.docs {
		if d != b.docs[i] {
			t.Fatalf("document %d is a copy, not the given one", i)
		}
	}
	if e.links.reg != b.reg || e.links.cl != b.set {
		t.Error("links do not point to the given registry and claim set")
	}
}

// snapshotQuestions are the sample and held-out questions plus some of
// other kinds (typos, no subject, made-up corpus, hostile input).
func snapshotQuestions(t *testing.T) []string {
	qs := []string{
		"What did Piet Abernathy say about the strike?", "How many ships are waiting offshore?",
		"who is ingrid stavrs", "Who leads the union?", "What did Abernathy say about the port?",
		"zawahri strategy", "who is hakkani", "", "the of and", "**bold** @everyone", "taliban",
		"What did the Taliban say about the Bamiyan Buddhas?",
	}
	for _, path := range []string{"../../../shared/eval/questions-sample.jsonl", "testdata/heldout.jsonl"} {
		f, err := os.Open(path)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var q struct{ Question string }
			if json.Unmarshal(sc.Bytes(), &q) == nil && strings.TrimSpace(q.Question) != "" {
				qs = append(qs, q.Question)
			}
		}
		f.Close()
	}
	return qs
}

// The made-up corpus must exercise every stored part of the links, or the
// round trip proves nothing about them.
func TestSnapshotCorpusHasWhatTheCodecCarries(t *testing.T) {
	e := buildLinked(snapshotCorpus()).e
	if len(e.ix.repeats) == 0 || len(e.links.contests) == 0 || len(e.links.authors) == 0 || len(e.links.descActors) == 0 {
		t.Errorf("repeats %d, contests %d, authors %d, described actors %d: want some of each",
			len(e.ix.repeats), len(e.links.contests), len(e.links.authors), len(e.links.descActors))
	}
}

func encoded(t testing.TB, e *Engine) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := e.Encode(wire.NewEncoder(&buf)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSnapshotRejectsEmptyAndTruncatedStreams(t *testing.T) {
	b := buildLinked(snapshotCorpus())
	data := encoded(t, b.e)
	for _, n := range []int{0, 1, 10, len(data) / 3, len(data) / 2, len(data) - 1} {
		if _, err := DecodeEngine(wire.NewDecoder(bytes.NewReader(data[:n])), b.docs, b.links); err == nil {
			t.Errorf("decoded a stream cut at %d of %d bytes", n, len(data))
		}
	}
}

func TestSnapshotRejectsOtherInputs(t *testing.T) {
	b := buildLinked(snapshotCorpus())
	data := encoded(t, b.e)
	decode := func(docs []*corpus.Document, reg *actors.Registry, set *claims.Set) error {
		_, err := DecodeEngine(wire.NewDecoder(bytes.NewReader(data)), docs, func() (*actors.Registry, *claims.Set) { return reg, set })
		return err
	}
	for name, err := range map[string]error{
		"fewer documents": decode(b.docs[:2], b.reg, b.set),
		"a nil document":  decode([]*corpus.Document{b.docs[0], nil, b.docs[2]}, b.reg, b.set),
		"other documents": decode(ingest.Seeds()[:3], b.reg, b.set),
		"no registry":     decode(b.docs, nil, b.set),
		"no claims":       decode(b.docs, b.reg, nil),
		"other registry":  decode(b.docs, actors.Build(ingest.Seeds()), b.set),
	} {
		if err == nil {
			t.Errorf("%s: decoded", name)
		}
	}
}

// Each corruption keeps the stream valid gob, so only the decoder's own
// checks can catch it.
func TestSnapshotRejectsIndexesOutOfRange(t *testing.T) {
	b := buildLinked(snapshotCorpus())
	data := encoded(t, b.e)
	for name, corrupt := range map[string]func(w *engineWire){
		"document contexts": func(w *engineWire) { w.Contexts = w.Contexts[1:] },
		"sentence lengths":  func(w *engineWire) { w.lens = w.lens[1:] },
		"posting":           func(w *engineWire) { w.post[0] = 1 << 30 },
		"posting offsets":   func(w *engineWire) { w.offs[1] = w.offs[2] + 1 },
		"offset count":      func(w *engineWire) { w.offs = w.offs[1:] },
		"repeat set":        func(w *engineWire) { w.Repeat = append(w.Repeat, 1, 1) },
		"repeat":            func(w *engineWire) { w.RepeatFlat[0] = 1 << 20 },
		"repeat key":        func(w *engineWire) { w.RepeatKeys[0] = 1 << 20 },
		"duplicate term":    func(w *engineWire) { w.Terms[1] = w.Terms[0] },
		"vocabulary term":   func(w *engineWire) { w.VocabTerm[0] = 1 << 30 },
		"vocabulary order":  func(w *engineWire) { w.VocabSorted[0] = 1 << 30 },
		"vocabulary key":    func(w *engineWire) { w.keys[0] |= wordMask },
		"vocabulary column": func(w *engineWire) { w.VocabFreq = w.VocabFreq[1:] },
		"vocabulary word":   func(w *engineWire) { w.VocabWords[0] = "" },
		"described actor":   func(w *engineWire) { w.DescActors[0] = -1 },
		"description term":  func(w *engineWire) { w.DescTerms[0] = 1 << 30 },
		"name offsets":      func(w *engineWire) { w.NameOffs = w.NameOffs[1:] },
		"author":            func(w *engineWire) { w.Authors[0] = 99 },
		"contest":           func(w *engineWire) { w.ContestOf[0] = 5 },
		"contested":         func(w *engineWire) { w.ContestSents[0] = 1 << 30 },
		"contest sentence":  func(w *engineWire) { w.ContestFlat[0] = 1 << 30 },
		"contest offsets":   func(w *engineWire) { w.ContestOffs = nil },
		"document count":    func(w *engineWire) { w.Docs++ },
		"actor count":       func(w *engineWire) { w.Actors-- },
	} {
		var c engineWire
		if err := c.read(wire.NewDecoder(bytes.NewReader(data))); err != nil {
			t.Fatal(err)
		}
		corrupt(&c)
		var buf bytes.Buffer
		if err := c.write(wire.NewEncoder(&buf)); err != nil {
			t.Fatal(err)
		}
		if _, err := DecodeEngine(wire.NewDecoder(&buf), b.docs, b.links); err == nil || strings.Contains(err.Error(), "EOF") {
			t.Errorf("%s: %v, want the damage caught", name, err)
		} else if !strings.HasPrefix(err.Error(), "answer snapshot: ") {
			t.Errorf("%s: error %q does not say where it comes from", name, err)
		}
	}
}

func TestEncodeWithoutEngine(t *testing.T) {
	var e *Engine
	if err := e.Encode(wire.NewEncoder(&bytes.Buffer{})); err == nil {
		t.Error("encoded a nil engine")
	}
}

func BenchmarkDecodeEngine(b *testing.B) {
	l := buildLinked(ingest.Seeds())
	data := encoded(b, l.e)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeEngine(wire.NewDecoder(bytes.NewReader(data)), l.docs, l.links); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data))/1024, "snapshot-KB")
}

// Two builds of the same documents must give the same engine, term ids
// included: replicas that build their own answer alike, and a snapshot
// answers as a fresh build would.
func TestBuildsOfTheSameDocumentsAreIdentical(t *testing.T) {
	for name, docs := range map[string][]*corpus.Document{"seeds": ingest.Seeds(), "made-up": snapshotCorpus()} {
		t.Run(name, func(t *testing.T) {
			a, b := buildLinked(docs), buildLinked(docs)
			if !reflect.DeepEqual(a.e.ix, b.e.ix) || !reflect.DeepEqual(a.e.context, b.e.context) {
				t.Error("two builds gave different indexes")
			}
			// The links point to two registries; what they hold of their own
			// must agree.
			la, lb := *a.e.links, *b.e.links
			la.reg, la.cl, lb.reg, lb.cl = nil, nil, nil, nil
			if !reflect.DeepEqual(la, lb) {
				t.Error("two builds gave different links")
			}
		})
	}
}
