package knowledge

import (
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
)

// article is a document none of the seeds resembles: what it says can only
// be found in it.
func article(t *testing.T, name, text string) *corpus.Document {
	t.Helper()
	docs, errs := ingest.Parse(name, ".txt", []byte(text))
	if len(errs) > 0 || len(docs) != 1 {
		t.Fatalf("parsing %s: %v", name, errs)
	}
	return docs[0]
}

const harbourText = `Title: Harbour dredging resumes in Valparaiso
Source: Coastal Ledger
Date: 2024-03-02

Port engineer Marisol Quintero said the dredging of the northern basin would finish by October.

The Valparaiso harbour authority estimated that 40 ships a week were delayed by silt.
`

func citesDoc(answers []corpus.Citation, id string) bool {
	return slices.ContainsFunc(answers, func(c corpus.Citation) bool { return c.Doc == id })
}

func TestAmendServesAnAddedDocumentAtOnce(t *testing.T) {
	harbour := article(t, "harbour.txt", harbourText)
	amended := seedBase.Amend([]*corpus.Document{harbour}, nil)
	if amended.Unmerged() != 1 || seedBase.Unmerged() != 0 {
		t.Fatalf("unmerged: amended %d, built %d", amended.Unmerged(), seedBase.Unmerged())
	}
	if len(amended.Docs()) != len(seedBase.Docs())+1 {
		t.Errorf("documents: %d, want %d", len(amended.Docs()), len(seedBase.Docs())+1)
	}
	if _, ok := amended.Doc("harbour.txt"); !ok {
		t.Error("the added document is not listed")
	}

	res := amended.Ask("When will the dredging of the northern basin finish?", 0)
	if !res.Answered || !citesDoc(res.Answers[0].Citations, harbour.ID) {
		t.Errorf("the added document's answer is not found first: %+v", res)
	}
	if res := seedBase.Ask("When will the dredging of the northern basin finish?", 0); res.Answered && citesDoc(res.Answers[0].Citations, harbour.ID) {
		t.Error("the built base changed")
	}
	// The built base's answers are still served.
	want, got := seedBase.Ask("Who leads the Taliban?", 0), amended.Ask("Who leads the Taliban?", 0)
	if !got.Answered || len(got.Answers) != len(want.Answers) || got.Answers[0].Text != want.Answers[0].Text {
		t.Errorf("a question the built base answers: got %+v, want %+v", got, want)
	}

	cite := amended.Cite("40 ships a week were delayed by silt")
	if !cite.Found || cite.Matches[0].Citation.Doc != harbour.ID {
		t.Errorf("cite in the added document: %+v", cite)
	}
	if r := amended.Actor("Marisol Quintero"); r.Match == nil || r.Match.Name != "Marisol Quintero" {
		t.Errorf("an actor of the added document only: %+v", r.Match)
	}
	if got := amended.Complete("Quinter"); !slices.ContainsFunc(got, func(a *actors.Actor) bool { return a.Name == "Marisol Quintero" }) {
		t.Errorf("completion lacks the added actor: %d actors", len(got))
	}
	if r := amended.Actor("zawahri"); r.Match == nil || r.Match.Name != "Ayman al-Zawahiri" {
		t.Errorf("an actor of the built base: %+v", r.Match)
	}

	// A briefing of the window the document arrived in shows it.
	b := amended.Briefing(BriefQuery{Since: day("2024-03-01"), Now: day("2024-03-03"),
		Seen: map[string]time.Time{harbour.ID: day("2024-03-02")}})
	if raw, _ := json.Marshal(b); !strings.Contains(string(raw), `"doc":"`+harbour.ID+`"`) {
		t.Errorf("the briefing lacks the added document:\n%s", raw)
	}
	if err := amended.WriteSnapshot(io.Discard); !errors.Is(err, ErrAmended) {
		t.Errorf("snapshot of an amended base: %v", err)
	}
}

func TestAmendStopsServingRemovedAndChangedDocuments(t *testing.T) {
	besa, _ := seedBase.Doc("besa-taliban-and-al-qaeda-what-next")
	sentence := besa.Text[besa.Sentences[3].Start:besa.Sentences[3].End]
	if !seedBase.Cite(sentence).Found {
		t.Fatalf("the built base does not cite %q", sentence)
	}
	gone := seedBase.Amend(nil, []string{besa.ID})
	if _, ok := gone.Doc(besa.ID); ok || len(gone.Docs()) != len(seedBase.Docs())-1 {
		t.Error("a removed document is still listed")
	}
	if r := gone.Cite(sentence); slices.ContainsFunc(r.Matches, func(m claims.Match) bool { return m.Citation.Doc == besa.ID }) {
		t.Errorf("a removed document is still cited: %+v", r)
	}
	for _, c := range gone.Claims("") {
		if !slices.ContainsFunc(c.Sources, func(s corpus.Citation) bool { return s.Doc != besa.ID }) {
			t.Fatalf("a claim only the removed document carries: %+v", c)
		}
	}
	res := gone.Ask(sentence, 10)
	for _, a := range res.Answers {
		if citesDoc(a.Citations, besa.ID) {
			t.Errorf("an answer cites the removed document: %+v", a)
		}
	}

	// A new version of the document replaces the old one, and a second
	// amendment keeps the first one's documents.
	changed := article(t, besa.File, "Title: "+besa.Title+"\n\nThe paper was withdrawn by its authors in March.\n")
	if changed.ID != besa.ID {
		t.Fatalf("ids differ: %s, %s", changed.ID, besa.ID)
	}
	harbour := article(t, "harbour.txt", harbourText)
	twice := seedBase.Amend([]*corpus.Document{harbour}, nil).Amend([]*corpus.Document{changed}, nil)
	if twice.Unmerged() != 2 || len(twice.Docs()) != len(seedBase.Docs())+1 {
		t.Errorf("unmerged %d, documents %d", twice.Unmerged(), len(twice.Docs()))
	}
	if d, _ := twice.Doc(besa.ID); d != changed {
		t.Error("the old version is served")
	}
	if r := twice.Cite(sentence); r.Found {
		t.Errorf("the old version is cited: %+v", r.Matches[0])
	}
	if r := twice.Cite("withdrawn by its authors in March"); !r.Found {
		t.Error("the new version is not cited")
	}
	if r := twice.Cite("40 ships a week were delayed by silt"); !r.Found {
		t.Error("the first amendment's document is lost")
	}
	if seedBase.Amend(nil, nil) != seedBase {
		t.Error("an empty amendment made a new base")
	}
}
