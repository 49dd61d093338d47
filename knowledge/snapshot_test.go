package knowledge

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
	"briefbot/knowledge/internal/wire"
)

// behaviour records what a base answers to everything the bot can ask of
// it, as JSON, so that two bases can be compared call for call.
func behaviour(t *testing.T, b *Base) map[string]string {
	t.Helper()
	out := map[string]string{}
	record := func(call string, v any) {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%s: %v", call, err)
		}
		out[call] = string(data)
	}
	record("docs", b.Docs())
	record("actors", b.Actors(""))
	record("claims", b.Claims(""))
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	record("brief", b.Briefing(BriefQuery{Now: now}))
	record("brief since", b.Briefing(BriefQuery{Since: day("2021-09-01"), Now: now}))
	for _, a := range b.Actors("") {
		record("actor "+a.Name, b.Actor(a.Name))
		record("claims "+a.Name, b.Claims(a.Name))
		record("brief "+a.Name, b.Briefing(BriefQuery{Actor: a.Name, Now: now}))
		for _, prefix := range []string{a.Name[:1], a.Name[:min(4, len(a.Name))], strings.ToLower(a.Name)} {
			record("complete "+prefix, b.Complete(prefix))
		}
	}
	for _, c := range b.Claims("") {
		record("cite "+c.Text, b.Cite(c.Text))
		words := strings.Fields(c.Text)
		misquote := strings.Join(append(words[:len(words)/2:len(words)/2], "not", strings.Join(words[len(words)/2:], " ")), " ")
		record("cite "+misquote, b.Cite(misquote))
	}
	// Questions made from every tenth sentence's words, plus the kinds of
	// question people ask.
	questions := []string{"Who leads the Taliban?", "How many fighters does al-Qaeda have?", "What did the UN report say?",
		"Where is Zawahiri?", "Is al-Qaeda rebuilding in Afghanistan?", "When did Kabul fall?", "Why did the US leave?", "zawahri", ""}
	for _, d := range b.Docs() {
		for i := 0; i < len(d.Sentences); i += 10 {
			words := strings.Fields(d.SentenceText(i))
			questions = append(questions, "What about "+strings.Join(words[:min(6, len(words))], " ")+"?")
		}
	}
	for _, q := range questions {
		record("ask "+q, b.Ask(q, 5))
	}
	return out
}

// snapshotReaders read a snapshot both ways: from a reader, and viewed in
// memory as a mapped file is.
var snapshotReaders = map[string]func(data []byte) (*Base, error){
	"reader": func(data []byte) (*Base, error) { return ReadSnapshot(bytes.NewReader(data), int64(len(data))) },
	"memory": ReadMappedSnapshot,
}

func roundTrip(t *testing.T, b *Base, read func([]byte) (*Base, error)) *Base {
	t.Helper()
	var buf bytes.Buffer
	if err := b.WriteSnapshot(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestSnapshotAnswersAsTheBuiltBase(t *testing.T) {
	madeUp := []*corpus.Document{
		corpus.New("wire-1", "wire-1.txt", corpus.Meta{Title: "Border talks", Source: "Wire", Date: "2024-03-02"}, []string{
			`Minister Lena Okafor said the ceasefire "will probably hold through the winter".`,
			"At least 40 observers arrived in Port Esra on Monday, the Northern Coalition said.",
		}),
		corpus.New("wire-2", "wire-2.txt", corpus.Meta{Title: "Observers", Source: "Other Wire"}, []string{
			"At least 40 observers arrived in Port Esra on Monday, the Northern Coalition said.",
			"Okafor warned that the Northern Coalition may be rearming.",
		}),
	}
	for name, docs := range map[string][]*corpus.Document{"seeds": ingest.Seeds(), "made up": madeUp} {
		built := New(docs)
		want := behaviour(t, built)
		for how, read := range snapshotReaders {
			got := behaviour(t, roundTrip(t, built, read))
			if len(got) != len(want) {
				t.Errorf("%s, %s: %d calls after the round trip, %d before", name, how, len(got), len(want))
			}
			for call, w := range want {
				if got[call] != w {
					t.Errorf("%s, %s: %s differs after the round trip:\n got %.300s\nwant %.300s", name, how, call, got[call], w)
				}
			}
		}
	}
}

// A base read in memory keeps views of the snapshot and never writes
// them: a mapped file is read-only (and shared with the page cache).
func TestMappedSnapshotIsNeverWritten(t *testing.T) {
	var buf bytes.Buffer
	if err := seedBase.WriteSnapshot(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	written := bytes.Clone(data)
	b, err := ReadMappedSnapshot(data)
	if err != nil {
		t.Fatal(err)
	}
	behaviour(t, b)
	if !bytes.Equal(data, written) {
		t.Error("answering from a snapshot in memory wrote into it")
	}
	text := b.Docs()[0].Text
	if !within(unsafe.Slice(unsafe.StringData(text), len(text)), data) {
		t.Error("a document's text was copied out of the snapshot")
	}
}

// Every section starts aligned from the snapshot's start, so that the
// columns each aligns from its own start are aligned in a mapped file.
func TestSectionsStartAligned(t *testing.T) {
	var buf bytes.Buffer
	if err := seedBase.WriteSnapshot(&buf); err != nil {
		t.Fatal(err)
	}
	spans, err := sectionSpans(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range spans {
		if s.at%wire.ColumnAlign != 0 {
			t.Errorf("section %d starts at byte %d", i, s.at)
		}
	}
}

// within reports whether b lies in the memory of data.
func within(b, data []byte) bool {
	start := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	return p >= start && p+uintptr(len(b)) <= start+uintptr(len(data))
}

func TestSnapshotOfAnEmptyBase(t *testing.T) {
	for how, read := range snapshotReaders {
		b := roundTrip(t, New(nil), read)
		if len(b.Docs()) != 0 || b.Ask("who?", 3).Answered {
			t.Errorf("%s: an empty base came back with content", how)
		}
	}
}

func TestReadSnapshotRefusesWhatItCannotTrust(t *testing.T) {
	var buf bytes.Buffer
	if err := seedBase.WriteSnapshot(&buf); err != nil {
		t.Fatal(err)
	}
	whole := buf.Bytes()
	if _, err := ReadSnapshot(bytes.NewReader(nil), 0); !errors.Is(err, ErrSnapshotFormat) {
		t.Errorf("empty input: err = %v", err)
	}
	other := strings.Replace(string(whole), snapshotFormat, "briefbot knowledge base, format 0\n", 1)
	if _, err := ReadSnapshot(strings.NewReader(other), int64(len(other))); !errors.Is(err, ErrSnapshotFormat) {
		t.Errorf("another format: err = %v", err)
	}
	for _, cut := range []int{40, len(whole) / 4, len(whole) / 2, len(whole) * 3 / 4, len(whole) - 1} {
		if b, err := ReadSnapshot(bytes.NewReader(whole[:cut]), int64(len(whole))); err == nil || b != nil {
			t.Errorf("cut at %d of %d: base %v, err %v", cut, len(whole), b != nil, err)
		}
		if b, err := ReadMappedSnapshot(whole[:cut]); err == nil || b != nil {
			t.Errorf("in memory, cut at %d of %d: base %v, err %v", cut, len(whole), b != nil, err)
		}
	}
	// Section lengths that do not fit the snapshot are refused before
	// anything is read.
	for name, c := range map[string]struct {
		lengths [sections]uint64
		want    string
	}{
		"longer than the snapshot":  {[sections]uint64{1 << 62}, "left"},
		"shorter than the sections": {[sections]uint64{1, 1, 1, 1}, "between the sections"},
	} {
		bad := append([]byte(snapshotFormat), make([]byte, 100)...)
		for _, n := range c.lengths {
			bad = binary.BigEndian.AppendUint64(bad, n)
		}
		if _, err := ReadSnapshot(bytes.NewReader(bad), int64(len(bad))); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("section lengths %s: err = %v", name, err)
		}
	}
	if _, err := ReadSnapshot(bytes.NewReader([]byte(snapshotFormat)), int64(len(snapshotFormat))); err == nil {
		t.Error("a snapshot of no sections read")
	}
	// Damage inside one section is caught by that section's part, whichever
	// goroutine decodes it.
	for section := range sections {
		damaged := append([]byte(nil), whole...)
		at := sectionStart(t, damaged, section)
		for i := at; i < at+64 && i < len(damaged); i++ {
			damaged[i] = 0xff
		}
		for how, read := range snapshotReaders {
			if b, err := read(damaged); err == nil || b != nil {
				t.Errorf("%s: section %d damaged: base %v, err %v", how, section, b != nil, err)
			}
		}
	}
}

// sectionStart returns the offset of section in a snapshot.
func sectionStart(t *testing.T, snapshot []byte, section int) int {
	t.Helper()
	table := len(snapshot) - 8*sections
	at := len(snapshotFormat)
	for i := range section {
		at += int(binary.BigEndian.Uint64(snapshot[table+8*i:]))
	}
	if at >= table {
		t.Fatalf("no section %d", section)
	}
	return at
}

func BenchmarkReadSnapshotSeeds(b *testing.B) {
	var buf bytes.Buffer
	if err := seedBase.WriteSnapshot(&buf); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := ReadSnapshot(bytes.NewReader(buf.Bytes()), int64(buf.Len())); err != nil {
			b.Fatal(err)
		}
	}
}

// Reading a snapshot pauses the garbage collector; the setting from before
// is back once every read is done, however the reads overlap or fail.
func TestReadSnapshotGivesTheCollectorBack(t *testing.T) {
	var buf bytes.Buffer
	if err := seedBase.WriteSnapshot(&buf); err != nil {
		t.Fatal(err)
	}
	whole := buf.Bytes()
	defer debug.SetGCPercent(debug.SetGCPercent(123))
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			data := whole
			if i%3 == 0 {
				data = whole[:len(whole)/2] // damaged: the read fails
			}
			ReadSnapshot(bytes.NewReader(data), int64(len(whole)))
		})
	}
	wg.Wait()
	if got := debug.SetGCPercent(123); got != 123 {
		t.Errorf("GC percent after the reads = %d, want 123", got)
	}
}
