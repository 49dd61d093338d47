package claims

import (
	"slices"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
)

func TestCorroborationCountsDocuments(t *testing.T) {
	s, _ := seedSet(t)
	for _, c := range []struct {
		text string
		docs int
	}{
		{"is present in at least 15 Afghan provinces", 3},
		{"will probably come back", 2},
	} {
		var quote *Claim
		n := 0
		for _, q := range claimsWith(s, "", c.text) {
			if q.Kind == Quote {
				quote = q
				n++
			}
		}
		if n != 1 {
			t.Errorf("%q appears as %d quote claims, want one", c.text, n)
			continue
		}
		if got := corpus.DistinctDocs(quote.Sources); got != c.docs || len(quote.Sources) != c.docs {
			t.Errorf("%q: %d sources in %d documents, want %d", c.text, len(quote.Sources), got, c.docs)
		}
	}
}

func TestMergeKeepsOneCitationPerDocument(t *testing.T) {
	doc := corpus.New("d1", "d1.txt", corpus.Meta{Date: "2024-01-02"}, []string{
		`“We will rebuild the network in the mountains,” said the commander.`,
		`Later he repeated: “We will rebuild the network in the mountains,” said the commander.`,
	})
	other := corpus.New("d2", "d2.txt", corpus.Meta{}, []string{
		`The commander said that "we will rebuild the network in the mountains".`,
	})
	s := Extract([]*corpus.Document{doc, other}, nil)
	quotes := claimsWith(s, "", "rebuild the network in the mountains")
	if len(quotes) != 1 {
		t.Fatalf("got %d claims, want the repeats merged into one", len(quotes))
	}
	if n := len(quotes[0].Sources); n != 2 {
		t.Errorf("%d citations, want one per document (2)", n)
	}
}

func TestContestedStrengthAndCondition(t *testing.T) {
	s, _ := seedSet(t)
	var strength, condition *Contest
	contests := s.Contested()
	for i := range contests {
		ct := &contests[i]
		texts := ""
		for _, c := range ct.Claims {
			texts += c.Text + " | "
		}
		t.Logf("contest %q: %s newest=%d (%s)", ct.Subject, texts, ct.Newest, ct.NewestBy)
		switch {
		case strings.Contains(texts, "200-500") && strings.Contains(texts, "2,000"):
			strength = ct
		case strings.Contains(texts, "very ill") && strings.Contains(texts, "July 31, 2022"):
			condition = ct
		}
	}
	if strength == nil {
		t.Fatal("al-Qaeda's strength is not contested")
	}
	if !containsText(strength, "a few hundred to a thousand") {
		t.Error("the UN estimate of a few hundred to a thousand is missing from the strength contest")
	}
	if condition == nil {
		t.Fatal("Zawahiri's condition is not contested")
	}
	if !containsText(condition, "rumours of his death") {
		t.Error("the rumoured death is missing from the condition contest")
	}
	for _, ct := range []*Contest{strength, condition} {
		if corpus.DistinctDocs(sources(ct)) < 2 {
			t.Errorf("%s: a contest needs two documents", ct.Subject)
		}
		if ct.Newest < 0 || ct.Newest >= len(ct.Claims) {
			t.Fatalf("%s: newest = %d", ct.Subject, ct.Newest)
		}
	}
	// Claims about an actor are listed under it, after what it says.
	about := s.ByActor(condition.Claims[0].About)
	for _, c := range condition.Claims {
		if !slices.Contains(about, c) {
			t.Errorf("ByActor(%s) lacks %q", c.About, c.Text)
		}
	}
	// The 2023 report and the 2022 killing are the newest statements.
	if n := strength.Claims[strength.Newest]; !strings.Contains(n.Text, "2,000") {
		t.Errorf("newest strength claim = %q", n.Text)
	}
	if n := condition.Claims[condition.Newest]; !strings.Contains(n.Sources[0].Quote, "killed") {
		t.Errorf("newest condition claim = %q", n.Text)
	}
	for _, c := range strength.Claims {
		if c.Sources[0].Doc == "independent-taliban-and-al-qaeda-how-are-they-linked" && c.Sources[0].Date != "2021-09-07" {
			t.Errorf("citation lost its date: %+v", c.Sources[0])
		}
	}
}

func containsText(ct *Contest, s string) bool {
	for _, c := range ct.Claims {
		for _, src := range c.Sources {
			if strings.Contains(src.Quote, s) {
				return true
			}
		}
	}
	return false
}

func sources(ct *Contest) []corpus.Citation {
	var out []corpus.Citation
	for _, c := range ct.Claims {
		out = append(out, c.Sources...)
	}
	return out
}

func TestAgreeingFiguresAreNotContested(t *testing.T) {
	a := corpus.New("a", "a.txt", corpus.Meta{}, []string{"The Northern Front has at least 300 fighters in Varsk."})
	b := corpus.New("b", "b.txt", corpus.Meta{}, []string{"Officials say the Northern Front has at least 300 fighters in Varsk."})
	c := corpus.New("c", "c.txt", corpus.Meta{}, []string{"The Northern Front has around 5,000 fighters, a new count shows."})
	if got := Extract([]*corpus.Document{a, b}, nil).Contested(); len(got) != 0 {
		t.Errorf("agreeing figures contested: %+v", got)
	}
	got := Extract([]*corpus.Document{a, b, c}, nil).Contested()
	if len(got) != 1 || len(got[0].Claims) != 2 {
		t.Fatalf("disagreeing figures: %+v", got)
	}
}
