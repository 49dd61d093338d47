package claims

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
)

func TestSeedQuotesHaveTheirSpeakers(t *testing.T) {
	s, _ := seedSet(t)
	for _, c := range []struct{ doc, text, speaker string }{
		{"besa", "It’s a Catch-22", "a retired counterterrorism official"},
		{"besa", "historically significant figures remain", "Aaron Zelin"},
		{"besa", "Warlords will play an active role", "Romain Malejacq"},
		{"besa", "a warlord-ridden wasteland", "Graeme Wood"},
		{"besa", "go back to a pre-9/11 state", "Michael McCaul"},
		{"besa", "just ask them to operate low-key", "Douglas London"},
		{"besa", "could quickly rebuild their networks", "Mark Milley"},
		{"independent", "The Taliban are terrorists", "Leon Panetta"},
		{"independent", "no question in my mind", "Leon Panetta"}, // continued in the next paragraph
		{"independent", "the Taliban’s policy is to avoid being seen", "Atiyyat Allah al-Libi"},
		{"independent", "We defer to them in this regard", "Atiyyat Allah al-Libi"}, // continued quote
		{"independent", "seat of the anticipated caliphate", "Cole Bunzel"},
		{"guardian", "absolutely worried that failed states", "Ben Wallace"},
		{"guardian", "will probably come back", "Ben Wallace"},
		{"independent", "will probably come back", "Ben Wallace"},
	} {
		checkSpeaker(t, s, c.doc, c.text, c.speaker)
	}
}

// checkSpeaker checks that a quote or reported claim of doc holds text and
// is attributed to speaker.
func checkSpeaker(t *testing.T, s *Set, doc, text, speaker string) {
	t.Helper()
	found := claimsWith(s, doc, text)
	if len(found) == 0 {
		t.Errorf("%s: no claim holds %q", doc, text)
		return
	}
	if k := found[0].Kind; k != Reported && k != Quote {
		t.Errorf("%q: kind %s", text, k)
	}
	if got := found[0].Speaker; !speakerIs(got, speaker) {
		t.Errorf("%s %q: speaker %q, want %q", doc, text, got, speaker)
	}
}

func TestClaimsAreVerbatimAndOrdered(t *testing.T) {
	s, docs := seedSet(t)
	all := s.All()
	if len(all) < 40 {
		t.Fatalf("only %d claims on the seeds", len(all))
	}
	order := map[string]int{}
	for i, d := range docs {
		order[d.ID] = i
	}
	ids := map[string]bool{}
	for i, c := range all {
		assertVerbatim(t, c, docs)
		if ids[c.ID] {
			t.Errorf("duplicate claim id %s", c.ID)
		}
		ids[c.ID] = true
		if corpus.DistinctDocs(c.Sources) != len(c.Sources) {
			t.Errorf("claim %s cites one document twice", c.ID)
		}
		if i > 0 && order[all[i-1].Sources[0].Doc] > order[c.Sources[0].Doc] {
			t.Errorf("claims out of document order at %d", i)
		}
	}
}

func TestReportedSpeechAndInstitutions(t *testing.T) {
	s, _ := seedSet(t)
	for _, c := range []struct{ doc, text, speaker string }{
		{"besa", "would violate the accord with the Taliban", "Officials of the Trump administration"},
		{"guardian", "characterised the relationship as", "US intelligence services"},
		{"guardian", "Zawahiri is very ill", "security officials"},
		{"geopoliticalmonitor", "senior al-Qaeda leaders in Afghanistan are primarily located", "UN|United Nations"},
		{"geopoliticalmonitor", "al-Qaeda training sites have been created", "UN|United Nations"}, // "That same report declares"
		{"independent", "never went away", "UN Security Council|United Nations Security Council"},
		{"independent", "How sincere such a move would be", "Asfandyar Mir"},
	} {
		checkSpeaker(t, s, c.doc, c.text, c.speaker)
	}
}

func TestDescribedSpeakerKeptAsWritten(t *testing.T) {
	s, _ := seedSet(t)
	c := claimsWith(s, "besa", "It’s a Catch-22")
	if len(c) == 0 || c[0].Speaker != "a retired counterterrorism official" || c[0].SpeakerID != "" {
		t.Fatalf("got %+v", c)
	}
}

func TestSpeakersAreLinkedToActors(t *testing.T) {
	s, _ := seedSet(t)
	c := claimsWith(s, "guardian", "will probably come back")
	if len(c) == 0 || c[0].SpeakerID == "" {
		t.Fatalf("Ben Wallace not linked: %+v", c)
	}
	said := s.ByActor(c[0].SpeakerID)
	if len(said) < 2 || said[0].SpeakerID != c[0].SpeakerID {
		t.Errorf("ByActor(%s) = %d claims", c[0].SpeakerID, len(said))
	}
	for _, k := range []Kind{Quote, Reported, Figure, Assessment} {
		for _, c := range s.ByKind(k) {
			if c.Kind != k {
				t.Errorf("ByKind(%s) returned a %s", k, c.Kind)
			}
		}
		if len(s.ByKind(k)) == 0 {
			t.Errorf("no %s claims on the seeds", k)
		}
	}
}

func TestFiguresMeasureSomething(t *testing.T) {
	s, _ := seedSet(t)
	for _, c := range []struct {
		doc, text, unit string
		low, high       float64
	}{
		{"besa", "at least 15 Afghan provinces", "provinces", 15, 15},
		{"independent", "200-500 men", "men", 200, 500},
		{"independent", "$20m a year", "$ a year", 2e7, 2e7},
		{"geopoliticalmonitor", "around 400 al-Qaeda fighters in Afghanistan and up to 2,000", "fighters", 400, 2000},
		{"piotrowski", "a few hundred to a thousand members", "members", 300, 1000},
		{"geopoliticalmonitor", "July 31, 2022", "date", 20220731, 20220731},
		{"geopoliticalmonitor", "June 2023", "date", 20230600, 20230600},
	} {
		var fig *Claim
		for _, f := range claimsWith(s, c.doc, c.text) {
			if f.Kind == Figure {
				fig = f
			}
		}
		if fig == nil || fig.Measure == nil {
			t.Errorf("%s: no figure %q", c.doc, c.text)
			continue
		}
		if m := fig.Measure; m.Unit != c.unit || m.Low != c.low || m.High != c.high {
			t.Errorf("%q measures %+v", c.text, *m)
		}
	}
	for _, c := range s.ByKind(Figure) {
		if c.Measure.Unit != "date" && (strings.Contains(c.Text, "2011") || strings.Contains(c.Text, "9/11")) {
			t.Errorf("a year or a date read as a count: %q", c.Text)
		}
	}
}

func TestHedgesAreKeptAndNeverUpgraded(t *testing.T) {
	s, _ := seedSet(t)
	for _, c := range []struct{ doc, text, hedge, likelihood string }{
		{"guardian", "will probably come back", "probably", Likely},
		{"besa", "It is also unclear whether al-Qaeda terrorists in Iran", "unclear", ""},
		{"piotrowski", "It is very likely that Al-Qaida will move", "very likely", VeryLikely},
		{"guardian", "and it probably wasn’t", "probably wasn’t", Unlikely},
		{"geopoliticalmonitor", "al-Qaeda is unlikely to reconstitute", "unlikely", Unlikely},
	} {
		found := claimsWith(s, c.doc, c.text)
		if len(found) == 0 {
			t.Errorf("%s: no claim holds %q", c.doc, c.text)
			continue
		}
		if !strings.Contains(found[0].Hedge, c.hedge) || found[0].Likelihood != c.likelihood {
			t.Errorf("%q: hedge %q likelihood %q", c.text, found[0].Hedge, found[0].Likelihood)
		}
	}
	for _, c := range s.All() {
		if c.Hedge != "" && c.Likelihood == AlmostCertain {
			t.Errorf("hedged claim made certain: %q (%s)", c.Text, c.Hedge)
		}
		if c.Hedge == "" && c.Likelihood != "" {
			t.Errorf("unhedged claim given a likelihood: %q", c.Text)
		}
	}
}

// TestAttributionPrecisionRecall scores speaker attribution against the
// hand-annotated testdata/attributions.tsv.
func TestAttributionPrecisionRecall(t *testing.T) {
	s, _ := seedSet(t)
	f, err := os.Open("testdata/attributions.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var tp, fp, fn, rows int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("bad annotation line %q", line)
		}
		rows++
		doc, text, want := parts[0], parts[1], parts[2]
		got := ""
		if found := claimsWith(s, doc, text); len(found) > 0 {
			got = found[0].Speaker
		}
		switch {
		case want == "-" && got != "":
			fp++
			t.Logf("speaker given where none is named: %q -> %q", text, got)
		case want == "-":
		case got == "":
			fn++
			t.Logf("missed: %q (want %s)", text, want)
		case speakerIs(got, want):
			tp++
		default:
			fp++
			fn++
			t.Logf("wrong: %q -> %q (want %s)", text, got, want)
		}
	}
	precision := float64(tp) / float64(max(1, tp+fp))
	recall := float64(tp) / float64(max(1, tp+fn))
	t.Logf("speaker attribution on %d annotations: precision %.2f (%d/%d), recall %.2f (%d/%d)",
		rows, precision, tp, tp+fp, recall, tp, tp+fn)
	if rows < 30 {
		t.Errorf("only %d annotations", rows)
	}
	if precision < 0.9 || recall < 0.75 {
		t.Errorf("precision %.2f recall %.2f below the floor (0.90, 0.75)", precision, recall)
	}
}

func TestExtractIsDeterministic(t *testing.T) {
	_, docs := seedSet(t)
	render := func() string {
		s := Extract(docs, nil)
		b, err := json.Marshal(struct {
			Claims   []*Claim
			Contests []Contest
		}{s.All(), s.Contested()})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if first := render(); render() != first || len(first) < 1000 {
		t.Error("two runs over the same documents differ")
	}
}
