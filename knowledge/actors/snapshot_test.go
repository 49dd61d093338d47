package actors

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
	"briefbot/knowledge/internal/wire"
)

func encodeRegistry(t testing.TB, r *Registry) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Encode(wire.NewEncoder(&buf)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// given returns docs as DecodeRegistry asks for them.
func given(docs []*corpus.Document) func() []*corpus.Document {
	return func() []*corpus.Document { return docs }
}

func roundTrip(t testing.TB, r *Registry, docs []*corpus.Document) *Registry {
	t.Helper()
	got, err := DecodeRegistry(wire.NewDecoder(bytes.NewReader(encodeRegistry(t, r))), given(docs))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestRegistryRoundTrip(t *testing.T) {
	for name, docs := range map[string][]*corpus.Document{"seeds": ingest.Seeds(), "made up": madeUp(), "empty": nil} {
		t.Run(name, func(t *testing.T) {
			want := Build(docs)
			got := roundTrip(t, want, docs)
			sameRegistry(t, got, want)
			if g, w := transcript(got, docs), transcript(want, docs); g != w {
				t.Errorf("the decoded registry answers differently:\n%s", firstDifference(g, w))
			}
			samePointers(t, got, docs)
		})
	}
}

// sameRegistry compares every field; the name index's pool holds a
// function, which cannot compare, so it is checked by what it gives.
func sameRegistry(t *testing.T, got, want *Registry) {
	t.Helper()
	g, w := got.names, want.names
	for field, pair := range map[string][2]any{
		"actors": {got.actors, want.actors}, "byID": {got.byID, want.byID}, "docIndex": {got.docIndex, want.docIndex},
		"sentences": {got.sentences, want.sentences}, "links": {got.links, want.links},
		"vocabulary": {got.vocabulary, want.vocabulary}, "lowerStems": {got.lowerStems, want.lowerStems},
		"names.actors": {g.actors, w.actors}, "names.entries": {g.entries, w.entries}, "names.exact": {g.exact, w.exact},
		"names.trigrams": {g.trigrams, w.trigrams}, "names.skeletons": {g.skeletons, w.skeletons},
		"names.prefixes": {g.prefixes, w.prefixes}, "names.compacts": {g.compacts, w.compacts},
	} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("%s differs after a round trip", field)
		}
	}
	c := g.pool.Get().(*counters)
	if len(c.hits) != len(g.entries) || len(c.seen) != len(g.entries) {
		t.Errorf("pooled counters sized %d/%d for %d entries", len(c.hits), len(c.seen), len(g.entries))
	}
}

// samePointers checks that the decoded registry points into docs and into
// itself, not into copies.
func samePointers(t *testing.T, r *Registry, docs []*corpus.Document) {
	t.Helper()
	given := map[*corpus.Document]bool{}
	for _, d := range docs {
		given[d] = true
	}
	for i, a := range r.actors {
		if r.byID[a.ID] != a || r.names.actors[i] != a {
			t.Fatalf("%s: the id map or the name index holds another actor", a.ID)
		}
		for _, m := range a.Mentioned {
			if !given[m.Doc] {
				t.Fatalf("%s: a mention points at a copy of %s", a.ID, m.Doc.ID)
			}
		}
	}
	for i, d := range r.links.docs {
		if d != docs[i] {
			t.Fatalf("relations cite a copy of %s", d.ID)
		}
	}
}

// transcript records what r answers to lookups, completions, matches and
// resolutions of every spelling and of mangled ones, and its relations and
// sentence rows, by actor id.
func transcript(r *Registry, docs []*corpus.Document) string {
	var b strings.Builder
	ids := func(as []*Actor) string {
		var out []string
		for _, a := range as {
			out = append(out, a.ID)
		}
		return strings.Join(out, ",")
	}
	id := func(a *Actor) string {
		if a == nil {
			return "-"
		}
		return a.ID
	}
	var queries []string
	for _, a := range r.actors {
		for _, s := range append([]string{a.Name}, a.Aliases...) {
			queries = append(queries, s, strings.ToLower(s[:len(s)/2]), s[1:], "the "+s+" said")
		}
	}
	queries = append(queries, "", "x", "zawahri", "alqaeda", "talib", "Who leads the Taliban?", "ISIS-K", "Kabuls")
	for _, q := range queries {
		best, cands := r.Lookup(q)
		fmt.Fprintf(&b, "%q lookup %s %s complete %s resolve %s match", q, id(best), ids(cands), ids(r.Complete(q)), id(r.Resolve(q)))
		for _, sp := range r.Match(q) {
			fmt.Fprintf(&b, " %d-%d %q %s %v", sp.Start, sp.End, sp.Text, sp.Actor.ID, sp.Fuzzy)
		}
		b.WriteByte('\n')
	}
	for _, a := range r.actors {
		fmt.Fprintf(&b, "%s related %+v\n", a.ID, r.Related(a.ID))
	}
	for _, k := range []Kind{Person, Organization, Place, Other} {
		fmt.Fprintf(&b, "%s: %s\n", k, ids(r.OfKind(k)))
	}
	for _, d := range docs {
		for i := range d.Sentences {
			fmt.Fprintf(&b, "%s/%d: %s\n", d.ID, i, ids(r.InSentence(d, i)))
		}
	}
	return b.String()
}

func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf(" got %s\nwant %s", g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}

func TestDecodeRegistryRejectsTruncatedStreams(t *testing.T) {
	docs := madeUp()
	whole := encodeRegistry(t, Build(docs))
	for _, cut := range []int{0, 1, 10, len(whole) / 4, len(whole) / 2, len(whole) - 1} {
		if _, err := DecodeRegistry(wire.NewDecoder(bytes.NewReader(whole[:cut])), given(docs)); err == nil {
			t.Errorf("decoding %d of %d bytes gave no error", cut, len(whole))
		}
	}
}

func TestDecodeRegistryRejectsDamage(t *testing.T) {
	docs := madeUp()
	whole := encodeRegistry(t, Build(docs))
	for name, damage := range map[string]func(*wireRegistry){
		"a missing column":              func(w *wireRegistry) { w.Kinds = w.Kinds[1:] },
		"two actors with one id":        func(w *wireRegistry) { w.IDs[1] = w.IDs[0] },
		"aliases past the flat column":  func(w *wireRegistry) { w.Aliases.Lens[0] += 1000 },
		"aliases left over":             func(w *wireRegistry) { w.Aliases.Items = append(w.Aliases.Items, "x") },
		"a mention's document":          func(w *wireRegistry) { w.mentionDocs[0] = 99 },
		"a mention's sentence":          func(w *wireRegistry) { w.mentionSentences[0] = 1 << 30 },
		"a mention outside its span":    func(w *wireRegistry) { w.mentionEnds[0] = 1 << 30 },
		"a mention ending before start": func(w *wireRegistry) { w.mentionStarts[0] = w.mentionEnds[0] + 1 },
		"mention columns differ":        func(w *wireRegistry) { w.mentionEnds = w.mentionEnds[1:] },
		"more mentions than stored":     func(w *wireRegistry) { w.Mentions[0] += 1 },
		"a cited sentence":              func(w *wireRegistry) { w.CitationSentences[0] = 1 << 30 },
		"a cited document":              func(w *wireRegistry) { w.CitationDocs[0] = 7 },
		"citations left over":           func(w *wireRegistry) { w.Citations[0] = 0 },
		"description counts":            func(w *wireRegistry) { w.Descriptions[0] += 3 },
		"stems without counts":          func(w *wireRegistry) { w.LowerStemCounts = nil },
		"a sentence's actor":            func(w *wireRegistry) { w.SentenceActors[0] = int32(len(w.IDs)) },
		"sentence rows missing":         func(w *wireRegistry) { w.SentenceStarts = w.SentenceStarts[1:] },
		"a sentence row ending early":   func(w *wireRegistry) { w.SentenceStarts[1] = w.SentenceStarts[len(w.SentenceStarts)-1] + 1 },
		"sentence actors left over":     func(w *wireRegistry) { w.SentenceActors = append(w.SentenceActors, 0) },
		"an evidence sentence":          func(w *wireRegistry) { w.Relations.RefSentence[0] = 1 << 20 },
		"a pair in the wrong order":     func(w *wireRegistry) { w.Relations.As[0] = w.Relations.Bs[0] },
		"a pair of no actor":            func(w *wireRegistry) { w.Relations.Bs[0] = int32(len(w.IDs)) },
		"a repeated pair":               func(w *wireRegistry) { w.Relations.As[1], w.Relations.Bs[1] = w.Relations.As[0], w.Relations.Bs[0] },
		"a link to no pair":             func(w *wireRegistry) { w.Relations.Adj.Items[0] = 1 << 20 },
		"links of no actor":             func(w *wireRegistry) { w.Relations.AdjActors[0] = -2 },
		"evidence left over":            func(w *wireRegistry) { w.Relations.Refs[0]-- },
		"a name of no actor":            func(w *wireRegistry) { w.NameIndex.Actors[0] = int32(len(w.IDs)) },
		"a negative actor":              func(w *wireRegistry) { w.NameIndex.Actors[0] = -1 },
		"skeletons of other words":      func(w *wireRegistry) { w.NameIndex.Skeletons.Lens[0]++; w.NameIndex.Skeletons.Lens[1]-- },
		"a posting past the entries":    func(w *wireRegistry) { w.NameIndex.Trigrams.Entries.Items[0] = 1 << 20 },
		"postings without keys":         func(w *wireRegistry) { w.NameIndex.Exact.Keys = w.NameIndex.Exact.Keys[1:] },
		"keys out of order":             func(w *wireRegistry) { w.NameIndex.Exact.Keys[0] = "zzzz" },
		"a key repeated":                func(w *wireRegistry) { w.NameIndex.Trigrams.Keys[1] = w.NameIndex.Trigrams.Keys[0] },
		"a compact past the entries":    func(w *wireRegistry) { w.NameIndex.CompactEntries[0] = -5 },
		"prefixes out of order":         func(w *wireRegistry) { w.NameIndex.PrefixWords[0] = "zzzz" },
		"prefix columns differ":         func(w *wireRegistry) { w.NameIndex.PrefixEntries = nil },
	} {
		var w wireRegistry
		if err := w.read(wire.NewDecoder(bytes.NewReader(whole))); err != nil {
			t.Fatal(err)
		}
		damage(&w)
		var buf bytes.Buffer
		if err := w.write(wire.NewEncoder(&buf)); err != nil {
			t.Fatal(err)
		}
		_, err := DecodeRegistry(wire.NewDecoder(&buf), given(docs))
		if err == nil || !strings.HasPrefix(err.Error(), "actors: ") || strings.Contains(err.Error(), "EOF") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestDecodeRegistryRejectsOtherDocuments(t *testing.T) {
	docs := madeUp()
	whole := encodeRegistry(t, Build(docs))
	for name, other := range map[string][]*corpus.Document{"fewer": docs[:1], "none": nil, "a nil": {docs[0], nil, docs[2]}} {
		if _, err := DecodeRegistry(wire.NewDecoder(bytes.NewReader(whole)), given(other)); err == nil {
			t.Errorf("%s documents: no error", name)
		}
	}
}

func BenchmarkDecodeRegistry(b *testing.B) {
	docs := ingest.Seeds()
	whole := encodeRegistry(b, Build(docs))
	b.SetBytes(int64(len(whole)))
	for b.Loop() {
		if _, err := DecodeRegistry(wire.NewDecoder(bytes.NewReader(whole)), given(docs)); err != nil {
			b.Fatal(err)
		}
	}
}
