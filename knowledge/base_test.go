package knowledge

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/briefing"
	"briefbot/knowledge/ingest"
)

var seedBase = New(ingest.Seeds())

func TestDocByIDOrFileName(t *testing.T) {
	for _, ref := range []string{"besa-taliban-and-al-qaeda-what-next", "besa-taliban-and-al-qaeda-what-next.txt"} {
		if d, ok := seedBase.Doc(ref); !ok || d.ID != "besa-taliban-and-al-qaeda-what-next" {
			t.Errorf("Doc(%q) = %v, %v", ref, d, ok)
		}
	}
	if _, ok := seedBase.Doc("nope"); ok {
		t.Error("found a document that does not exist")
	}
}

func TestActorReportGathersWhatIsKnown(t *testing.T) {
	r := seedBase.Actor("zawahri")
	if r.Match == nil || r.Match.Name != "Ayman al-Zawahiri" {
		t.Fatalf("match = %+v", r.Match)
	}
	if len(r.Related) == 0 || len(r.Claims) == 0 || len(r.Candidates) == 0 || len(r.Candidates) > 25 {
		t.Errorf("related %d, claims %d, candidates %d", len(r.Related), len(r.Claims), len(r.Candidates))
	}
	for _, c := range r.Claims {
		for _, s := range c.Sources {
			d, _ := seedBase.Doc(s.Doc)
			if !strings.Contains(d.Text, s.Quote) {
				t.Errorf("claim quote is not verbatim: %q", s.Quote)
			}
		}
	}
	// The report's JSON has every contract field, with lists never null.
	raw, _ := json.Marshal(seedBase.Actor("no such actor at all qqq"))
	for _, want := range []string{`"match":null`, `"candidates":[`, `"descriptions":[]`, `"claims":[]`, `"related":[]`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("%s lacks %s", raw, want)
		}
	}
}

func TestClaimsOfAnActor(t *testing.T) {
	if len(seedBase.Claims("")) == 0 {
		t.Fatal("no claims at all")
	}
	for _, c := range seedBase.Claims("Ben Wallace") {
		if c.SpeakerID != seedBase.Actor("Ben Wallace").Match.ID {
			t.Errorf("claim of another speaker: %+v", c)
		}
	}
	if got := seedBase.Claims("qqqq zzzz"); got != nil {
		t.Errorf("an unknown actor has claims: %v", got)
	}
}

func TestActorsByKind(t *testing.T) {
	all, people := seedBase.Actors(""), seedBase.Actors(actors.Person)
	if len(people) == 0 || len(people) >= len(all) {
		t.Fatalf("all %d, people %d", len(all), len(people))
	}
	for _, a := range people {
		if a.Kind != actors.Person {
			t.Errorf("%s is a %s", a.Name, a.Kind)
		}
	}
}

func TestCompleteOffersAtMost25Actors(t *testing.T) {
	found := seedBase.Complete("tal")
	if len(found) == 0 || len(found) > 25 || found[0].Name != "Taliban" {
		t.Fatalf("Complete(tal) = %d actors, first %v", len(found), found)
	}
}

func TestBriefingIsDeterministicAndWindowed(t *testing.T) {
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	a, _ := json.Marshal(seedBase.Briefing(BriefQuery{Now: now}))
	b, _ := json.Marshal(seedBase.Briefing(BriefQuery{Now: now}))
	if string(a) != string(b) {
		t.Error("the same corpus and time gave two briefings")
	}
	all := seedBase.Briefing(BriefQuery{Now: now})
	if len(all.Sections) == 0 {
		t.Fatal("empty briefing")
	}
	// Only the Independent's article is dated from September 2021 on.
	windowed := seedBase.Briefing(BriefQuery{Since: day("2021-09-01"), Now: now})
	if windowed.Since != "2021-09-01" {
		t.Errorf("since = %q", windowed.Since)
	}
	for _, s := range windowed.Sections {
		for _, it := range s.Items {
			if it.Tag == "new" {
				for _, c := range it.Citations {
					if c.Doc != "independent-taliban-and-al-qaeda-how-are-they-linked" {
						t.Errorf("%s is not new since 2021-09-01", c.Doc)
					}
				}
			}
		}
	}
	if got := seedBase.Briefing(BriefQuery{Actor: "no such actor qqq", Now: now}); len(got.Sections) != 0 {
		t.Errorf("an unknown actor got a briefing of %d sections", len(got.Sections))
	}
}

// day reads a test's YYYY-MM-DD.
func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestWholeBriefingStampedAnew: the briefing of everything is composed
// once per base; each request gets it stamped with its own time, and it is
// the briefing Compose gives.
func TestWholeBriefingStampedAnew(t *testing.T) {
	kb := New(ingest.Seeds())
	t1, t2 := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC), time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	first, second := kb.Briefing(BriefQuery{Now: t1}), kb.Briefing(BriefQuery{Now: t2})
	if first.Generated != "2026-12-06T09:00:00Z" || second.Generated != "2026-12-07T09:00:00Z" {
		t.Errorf("stamps %q and %q", first.Generated, second.Generated)
	}
	want := briefing.Compose(briefing.Input{Docs: kb.docs, Actors: kb.actors, Claims: kb.claims, Now: t2})
	if len(second.Sections) == 0 || !reflect.DeepEqual(second, want) {
		t.Errorf("the kept briefing differs from a composed one:\n%+v\n%+v", second, want)
	}
}
