package main

import (
	"slices"
	"strings"
	"testing"
	"time"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
	"briefbot/knowledge/words"
)

func TestPercentileIsNearestRank(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- { // unsorted on purpose: summarize sorts
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	got := summarize(ds)
	want := latency{N: 100, P50: 50, P99: 99, Max: 100}
	if got != want {
		t.Fatalf("summarize(1..100 ms) = %+v, want %+v", got, want)
	}
	if ds[0] != 100*time.Millisecond {
		t.Fatal("summarize reordered its input")
	}
	if got := summarize([]time.Duration{7 * time.Millisecond}); got.P50 != 7 || got.P99 != 7 || got.Max != 7 {
		t.Fatalf("one sample: %+v", got)
	}
	if got := summarize(nil); got != (latency{}) {
		t.Fatalf("no samples: %+v", got)
	}
	// With 10 samples the 99th percentile is the largest, not an interpolation.
	ten := []time.Duration{1, 2, 3, 4, 5, 6, 7, 8, 9, 1000}
	if p := percentile(ten, 99); p != 1000 {
		t.Fatalf("p99 of ten = %v, want 1000", p)
	}
	if p := percentile(ten, 50); p != 5 {
		t.Fatalf("p50 of ten = %v, want 5", p)
	}
}

var testDocs = []*corpus.Document{
	corpus.New("a", "a.txt", corpus.Meta{}, []string{
		"The committee approved the new railroad bonds after a long debate in the capital city. " +
			"Farmers across the western territories demanded cheaper freight rates and better roads. Short one.",
		"The treasury reported a surplus of revenue over expenditures for the third consecutive year running.",
	}),
	corpus.New("b", "b.txt", corpus.Meta{}, []string{
		"Engineers inspected the bridge foundations and found serious cracks in several concrete pillars downstream.",
	}),
}

func TestQuestionsAreDeterministicAndAnswerable(t *testing.T) {
	a := newQuestionMaker(7, 0).draw(testDocs, 10)
	b := newQuestionMaker(7, 0).draw(testDocs, 10)
	if !slices.Equal(a, b) {
		t.Fatalf("same seed, different questions:\n%v\n%v", a, b)
	}
	if len(a) != 4 {
		t.Fatalf("got %d questions, want one per long sentence (4): %v", len(a), a)
	}
	sentences := map[string]bool{}
	for _, d := range testDocs {
		for i := range d.Sentences {
			sentences[d.SentenceText(i)] = true
		}
	}
	for _, q := range a {
		if !sentences[q.Answer] {
			t.Errorf("answer %q is not a sentence of the documents", q.Answer)
		}
		terms := strings.Fields(q.Text)
		if len(terms) < minTerms || len(terms) > maxTerms {
			t.Errorf("question %q has %d words, want %d-%d", q.Text, len(terms), minTerms, maxTerms)
		}
		foreign := 0
		for _, w := range terms {
			if words.IsStop(words.Key(w)) {
				t.Errorf("question %q contains the stop word %q", q.Text, w)
			}
			if !strings.Contains(strings.ToLower(q.Answer), w) {
				foreign++
			}
		}
		if foreign > 1 {
			t.Errorf("question %q has %d words not in its answer, want at most one decoy", q.Text, foreign)
		}
	}
	if c := newQuestionMaker(8, 0).draw(testDocs, 10); slices.Equal(a, c) {
		t.Error("a different seed gave the same questions")
	}
}

func TestVariationChangesNamesAndNumbersOnly(t *testing.T) {
	src := []speech{{Text: "In 1862 the army of General Grant met the men of Lee near Shiloh, and 300 fell."}}
	names := properNames(src)
	if !slices.Contains(names, "Shiloh") || slices.Contains(names, "In") || slices.Contains(names, "The") {
		t.Fatalf("proper names = %v", names)
	}
	if v := newVariation(names, 1, 0); v.apply(src[0].Text) != src[0].Text {
		t.Fatal("copy 0 must be the original")
	}
	one := newVariation(names, 1, 1).apply(src[0].Text)
	if one == src[0].Text || len(one) == 0 {
		t.Fatalf("copy 1 unchanged: %q", one)
	}
	if again := newVariation(names, 1, 1).apply(src[0].Text); again != one {
		t.Fatalf("copy 1 not reproducible: %q vs %q", one, again)
	}
	if !strings.Contains(one, " the army of ") || !strings.HasSuffix(one, " fell.") {
		t.Fatalf("common words changed: %q", one)
	}
}

func TestDetagRestoresProse(t *testing.T) {
	in := "\tThe/at jury/nn said/vbd ``/`` no/at evidence/nn ''/'' was/bedz found/vbn ,/, in/in Atlanta's/np$ case/nn ./."
	want := `The jury said "no evidence" was found, in Atlanta's case.`
	if got := detag(in); got != want {
		t.Fatalf("detag = %q, want %q", got, want)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"10MB": 10e6, "1GB": 1e9, "0.5gb": 5e8} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "10", "MB", "-1MB", "tenMB"} {
		if _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q) accepted", bad)
		}
	}
}

func TestWriteCorpusMultipliesWithVariedCopies(t *testing.T) {
	src := []speech{
		{Year: 1900, Name: "Ada Lovelace", Text: "In 1843 Lovelace wrote notes on the engine of Babbage."},
		{Year: 1901, Name: "Brown ca01", Text: "The jury of Fulton said 12 men had voted."},
	}
	var size int64
	for _, s := range src {
		size += int64(len(s.Text))
	}
	m, err := writeCorpus(t.TempDir(), src, 3*size, 1, 60)
	if err != nil {
		t.Fatal(err)
	}
	if m.Copies != 3 || m.Docs != 6 || m.Bytes < 3*size {
		t.Fatalf("manifest %+v: want 3 copies, 6 docs, at least %d bytes", m, 3*size)
	}
	if len(m.Shards) < 2 {
		t.Fatalf("%d shards, want several at 60 bytes a shard", len(m.Shards))
	}
	docs, errs := ingest.Load(m.Shards, ingest.Options{})
	if len(errs) > 0 || len(docs) != 6 {
		t.Fatalf("loaded %d docs, errors %v", len(docs), errs)
	}
	texts := map[string]bool{}
	for _, d := range docs {
		texts[d.Text] = true
	}
	if len(texts) != 6 {
		t.Fatalf("%d distinct texts among 6 documents: copies must differ", len(texts))
	}
}

func TestSyntheticNamesAndRoster(t *testing.T) {
	names := syntheticNames(500, 3)
	if !slices.Equal(names, syntheticNames(500, 3)) {
		t.Fatal("same seed, different names")
	}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] || len(strings.Fields(n)) != 2 {
			t.Fatalf("name %q repeated or not a given name and a surname", n)
		}
		seen[n] = true
	}
	docs := rosterDocs(names, 3)
	mentioned := 0
	for _, d := range docs {
		for _, n := range names {
			mentioned += strings.Count(d.Text, n+", the ")
		}
	}
	if len(docs) != (500+namesPerRoster-1)/namesPerRoster || mentioned != 500 {
		t.Fatalf("%d roster documents mention %d names, want every name once", len(docs), mentioned)
	}
	ps := prefixes(names, 50, 3)
	if len(ps) != 50 {
		t.Fatalf("%d prefixes, want 50", len(ps))
	}
	for _, p := range ps {
		if len([]rune(p)) < 2 || !slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, p) }) {
			t.Fatalf("prefix %q is not the start of a name", p)
		}
	}
}
