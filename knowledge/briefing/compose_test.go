package briefing_test

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/briefing"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
)

var seeds = sync.OnceValue(func() briefing.Input {
	docs := ingest.Seeds()
	reg := actors.Build(docs)
	return briefing.Input{Docs: docs, Actors: reg, Claims: claims.Extract(docs, reg),
		Now: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)}
})

// checkCited fails for an item without a citation, or a citation whose
// quote is not verbatim in its document.
func checkCited(t *testing.T, in briefing.Input, b briefing.Briefing) {
	t.Helper()
	byID := map[string]*corpus.Document{}
	for _, d := range in.Docs {
		byID[d.ID] = d
	}
	for _, s := range b.Sections {
		if len(s.Items) == 0 {
			t.Errorf("section %q is empty: empty sections are left out", s.Title)
		}
		for _, it := range s.Items {
			if it.Text == "" || len(it.Citations) == 0 {
				t.Errorf("%s: item %q has no text or no citation", s.Title, it.Text)
			}
			for _, c := range it.Citations {
				d := byID[c.Doc]
				if d == nil || !strings.Contains(d.Text, c.Quote) || c.Quote == "" {
					t.Errorf("%s: citation %s of %q is not verbatim", s.Title, c, it.Text)
				}
			}
		}
	}
}

func section(b briefing.Briefing, title string) *briefing.Section {
	for i := range b.Sections {
		if b.Sections[i].Title == title {
			return &b.Sections[i]
		}
	}
	return nil
}

func TestComposeWholeCorpus(t *testing.T) {
	in := seeds()
	b := briefing.Compose(in)
	checkCited(t, in, b)
	if b.Generated != "2026-11-22T09:00:00Z" || b.Since != "" {
		t.Errorf("generated %q since %q", b.Generated, b.Since)
	}
	docs := section(b, briefing.TitleDocuments)
	if docs == nil {
		t.Fatal("no documents section")
	}
	seen := map[string]bool{}
	for _, it := range docs.Items {
		seen[it.Citations[0].Doc] = true
		if it.Tag != briefing.New {
			t.Errorf("document item tagged %q", it.Tag)
		}
	}
	if len(seen) != len(in.Docs) {
		t.Errorf("documents section covers %d of %d documents", len(seen), len(in.Docs))
	}
	for _, title := range []string{briefing.TitleJudgements, briefing.TitleCorroborated, briefing.TitleActors} {
		if section(b, title) == nil {
			t.Errorf("the seeds give no %q section", title)
		}
	}
	for _, it := range section(b, briefing.TitleCorroborated).Items {
		if corpus.DistinctDocs(it.Citations) < 2 || it.Tag != briefing.Corroborated {
			t.Errorf("corroborated item %q has %d documents, tag %q", it.Text, corpus.DistinctDocs(it.Citations), it.Tag)
		}
	}
	for _, it := range section(b, briefing.TitleJudgements).Items {
		if it.Likelihood != "" && it.Likelihood != claims.Likelihood(it.Hedge) {
			t.Errorf("judgement %q: likelihood %q does not follow hedge %q", it.Text, it.Likelihood, it.Hedge)
		}
	}
	if s := section(b, briefing.TitleSingle); s != nil {
		for _, it := range s.Items {
			if corpus.DistinctDocs(it.Citations) != 1 {
				t.Errorf("single-source item %q has %d documents", it.Text, corpus.DistinctDocs(it.Citations))
			}
		}
	}
	texts := map[string]string{}
	for _, s := range b.Sections {
		if s.Title == briefing.TitleActors {
			continue
		}
		for _, it := range s.Items {
			key := it.Text + "|" + it.Citations[0].Doc
			if other, dup := texts[key]; dup {
				t.Errorf("%q appears in %q and %q", it.Text, other, s.Title)
			}
			texts[key] = s.Title
		}
	}
}

func TestContestedSideBySideNewestMarked(t *testing.T) {
	in := seeds()
	contests := in.Claims.Contested()
	b := briefing.Compose(in)
	s := section(b, briefing.TitleContested)
	if len(contests) == 0 {
		if s != nil {
			t.Error("a contested section without contests")
		}
		t.Skip("the claims package finds no contest in the seeds")
	}
	if s == nil {
		t.Fatalf("%d contests, no contested section", len(contests))
	}
	bySubject := map[string][]briefing.Item{}
	for _, it := range s.Items {
		if it.Tag != briefing.Contested || it.Subject == "" {
			t.Errorf("contested item %+v lacks its tag or subject", it)
		}
		bySubject[it.Subject] = append(bySubject[it.Subject], it)
	}
	for _, ct := range contests {
		items, shown := bySubject[ct.Subject]
		if !shown {
			continue
		}
		if len(items) != len(ct.Claims) {
			t.Errorf("contest %q: %d items for %d claims", ct.Subject, len(items), len(ct.Claims))
		}
		newest := 0
		for _, it := range items {
			if it.Newest {
				newest++
			}
		}
		if want := map[bool]int{true: 1, false: 0}[ct.Newest >= 0]; newest != want {
			t.Errorf("contest %q: %d items marked newest, want %d", ct.Subject, newest, want)
		}
	}
}

func TestComposeIsDeterministic(t *testing.T) {
	in := seeds()
	first, _ := json.Marshal(briefing.Compose(in))
	docs := ingest.Seeds()
	reg := actors.Build(docs)
	again := in
	again.Docs, again.Actors, again.Claims = docs, reg, claims.Extract(docs, reg)
	second, _ := json.Marshal(briefing.Compose(again))
	if string(first) != string(second) {
		t.Error("the same corpus and time gave two different briefings")
	}
}

func TestNewSinceLastBriefing(t *testing.T) {
	in := seeds()
	last := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	in.Since = last
	in.Seen = map[string]time.Time{}
	for _, d := range in.Docs {
		in.Seen[d.ID] = last.Add(-24 * time.Hour)
	}
	fresh := in.Docs[len(in.Docs)-1]
	in.Seen[fresh.ID] = last.Add(time.Hour)
	b := briefing.Compose(in)
	checkCited(t, in, b)
	if b.Since != "2026-11-21" {
		t.Errorf("since %q", b.Since)
	}
	s := section(b, briefing.TitleNew)
	if s == nil {
		t.Fatal("no new section")
	}
	for _, it := range s.Items {
		if it.Citations[0].Doc != fresh.ID {
			t.Errorf("new item from %s, want only %s", it.Citations[0].Doc, fresh.ID)
		}
	}
	for _, sec := range b.Sections {
		for _, it := range sec.Items {
			if sec.Title == briefing.TitleContested || sec.Title == briefing.TitleActors {
				continue
			}
			if !cites(it, fresh.ID) {
				t.Errorf("%s: %q has no source in the new document", sec.Title, it.Text)
			}
		}
	}

	for id := range in.Seen {
		in.Seen[id] = last.Add(-time.Hour)
	}
	if quiet := briefing.Compose(in); len(quiet.Sections) != 0 {
		t.Errorf("nothing new, yet %d sections", len(quiet.Sections))
	}
}

func cites(it briefing.Item, doc string) bool {
	for _, c := range it.Citations {
		if c.Doc == doc {
			return true
		}
	}
	return false
}

func TestActorBriefing(t *testing.T) {
	in := seeds()
	all := in.Actors.All()
	if len(all) == 0 {
		t.Fatal("no actors in the seeds")
	}
	top := all[0]
	in.Actor = top.ID
	b := briefing.Compose(in)
	checkCited(t, in, b)
	if b.Actor != top.Name {
		t.Errorf("actor %q, want %q", b.Actor, top.Name)
	}
	docs := map[string]bool{}
	for _, id := range top.Docs {
		docs[id] = true
	}
	for _, s := range b.Sections {
		if s.Title == briefing.TitleContested || s.Title == briefing.TitleActors {
			continue
		}
		for _, it := range s.Items {
			if !docs[it.Citations[0].Doc] && s.Title == briefing.TitleDocuments {
				t.Errorf("document %s does not mention %s", it.Citations[0].Doc, top.Name)
			}
		}
	}
	if a := section(b, briefing.TitleActors); a == nil || a.Items[0].Actor != top.Name {
		t.Errorf("actors in focus of %s's briefing: %+v", top.Name, a)
	}
}

func TestComposeEmptyAndUnknown(t *testing.T) {
	b := briefing.Compose(briefing.Input{})
	if b.Sections == nil || len(b.Sections) != 0 {
		t.Errorf("empty input gave %+v", b.Sections)
	}
	in := seeds()
	in.Actor = "no-such-actor"
	if got := briefing.Compose(in); got.Actor != "no-such-actor" || len(got.Sections) != 0 {
		t.Errorf("unknown actor id: actor %q, %d sections", got.Actor, len(got.Sections))
	}
}

func TestComposeOddDocuments(t *testing.T) {
	odd := []*corpus.Document{
		nil,
		corpus.New("empty", "empty.txt", corpus.Meta{}, nil),
		corpus.New("hostile", "h.md", corpus.Meta{Title: "**x** @everyone"}, []string{
			"@everyone <@&123> said \"this will *probably* happen\", according to [a link](http://x).",
			strings.Repeat("word ", 5000),
		}),
	}
	reg := actors.Build(odd)
	in := briefing.Input{Docs: odd, Actors: reg, Claims: claims.Extract(odd, reg), Now: time.Unix(0, 0),
		Since: time.Unix(1, 0), Seen: map[string]time.Time{"hostile": time.Unix(2, 0), "empty": time.Unix(2, 0)}}
	b := briefing.Compose(in)
	checkCited(t, briefing.Input{Docs: odd[1:]}, b)
	if s := section(b, briefing.TitleNew); s == nil || !cites(s.Items[0], "hostile") {
		t.Errorf("the new hostile document is not shown: %+v", b.Sections)
	}
	if md := briefing.Markdown(b); strings.Contains(md, "[a link](") || strings.Contains(md, "**x**") {
		t.Errorf("document markup reached the Markdown unescaped:\n%s", md)
	}
}

// A windowed briefing cannot place a document that states no date and was
// never seen: it is left out, and the briefing says how many were.
func TestWindowCountsTheUndatedDocumentsItLeavesOut(t *testing.T) {
	docs := []*corpus.Document{
		corpus.New("dated", "dated.txt", corpus.Meta{Date: "2026-11-20"}, []string{"The harbour reopened on Monday after repairs."}),
		corpus.New("undated-1", "u1.txt", corpus.Meta{}, []string{"The bridge closed for repairs on Tuesday."}),
		corpus.New("undated-2", "u2.txt", corpus.Meta{}, []string{"The ferry resumed service on Wednesday."}),
		corpus.New("seen", "seen.txt", corpus.Meta{}, []string{"The airport added two flights a day."}),
	}
	reg := actors.Build(docs)
	in := briefing.Input{Docs: docs, Actors: reg, Claims: claims.Extract(docs, reg),
		Since: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC),
		Seen: map[string]time.Time{"seen": time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)}}
	b := briefing.Compose(in)
	if b.Undated != 2 {
		t.Errorf("undated = %d, want 2 (the seen document is placed by when it was seen)", b.Undated)
	}
	md := briefing.Markdown(b)
	if !strings.Contains(md, "2 documents state no date") {
		t.Errorf("the Markdown does not say what was left out:\n%s", md)
	}
	in.Since = time.Time{}
	if whole := briefing.Compose(in); whole.Undated != 0 || whole.UndatedNote() != "" {
		t.Errorf("with no window nothing is left out, got %d", whole.Undated)
	}
	one := briefing.Briefing{Undated: 1}
	if note := one.UndatedNote(); !strings.HasPrefix(note, "1 document states") {
		t.Errorf("one: %q", note)
	}
}
