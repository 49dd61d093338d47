package claims

import (
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
)

// A made-up article with other names, cue verbs and layouts than the seeds.
var article = []string{
	`Harbour strike enters third week`,
	`“We will not go back until the contracts are signed,” union leader Marta Quill insisted on Monday. “Nobody here wants a long strike.`,
	`“But nobody will be bullied either,” she added.`,
	`Port director Henrik Solberg told reporters that the company had offered a 4% rise and that “the offer stays on the table”.`,
	`According to the regional labour office, about 1,200 dockers have joined the strike, while the union claims 3,000 members are out.`,
	`The stoppage is likely to cost the port $3m a week, analysts estimate, and it is unclear whether ministers will intervene.`,
	`"Shipping lines are already rerouting to Gdansk," said a logistics consultant who asked not to be named.`,
	`A “temporary” settlement was rejected last year.`,
	`“Talks can resume on Friday if both sides agree,” Ana Ruiz of the Harbour Employers Federation was quick to add.`,
	`The strike began on March 3, 2025, after talks collapsed.`,
}

func TestGeneralArticle(t *testing.T) {
	doc := corpus.New("harbour", "harbour.txt", corpus.Meta{Date: "2025-03-01"}, article)
	s := Extract([]*corpus.Document{doc}, nil)
	for _, c := range []struct{ text, speaker string }{
		{"We will not go back until the contracts are signed", "union leader Marta Quill"},
		{"Nobody here wants a long strike", "union leader Marta Quill"},
		{"But nobody will be bullied either", "union leader Marta Quill"}, // "she added"
		{"the company had offered a 4% rise", "Port director Henrik Solberg"},
		{"about 1,200 dockers have joined the strike", "the regional labour office"},
		{"Shipping lines are already rerouting to Gdansk", "a logistics consultant"},
		{"Talks can resume on Friday", "Ana Ruiz of the Harbour Employers Federation"},
	} {
		found := claimsWith(s, "", c.text)
		if len(found) == 0 {
			t.Errorf("no claim holds %q", c.text)
			continue
		}
		if got := found[0].Speaker; got != c.speaker {
			t.Errorf("%q: speaker %q, want %q", c.text, got, c.speaker)
		}
	}
	for _, c := range claimsWith(s, "", "temporary") {
		if c.Speaker != "" {
			t.Errorf("scare quote attributed: %+v", c)
		}
	}
	figures := map[string]string{} // text -> speaker
	for _, c := range s.ByKind(Figure) {
		figures[c.Text] = c.Speaker
	}
	for want, speaker := range map[string]string{
		"about 1,200 dockers": "the regional labour office", "3,000 members": "the union", "$3m a week": "analysts",
		"March 3, 2025": "",
	} {
		if got, ok := figures[want]; !ok || got != speaker {
			t.Errorf("figure %q: found %v, speaker %q, want %q", want, ok, got, speaker)
		}
	}
	hedged := claimsWith(s, "", "is likely to cost the port")
	if len(hedged) == 0 || !strings.Contains(hedged[0].Hedge, "likely") || hedged[0].Likelihood == "" {
		t.Errorf("hedged claim: %+v", hedged)
	}
}

func TestBadInputIsSafe(t *testing.T) {
	for _, paras := range [][]string{
		{`“This quote never closes and runs on. And on.`, `Another paragraph “with a nested “inner” quote” said nobody.`},
		{`"Straight quote never closed, said the man`},
		{`”Closing first“ then opening, said X.`},
		{`...!!!???`, `“”`, `""`, `“ ”`},
		{strings.Repeat(`“a `, 3000)},
		{strings.Repeat("said ", 2000)},
		{"\x00\xff binary \xfe junk “said” the"},
	} {
		doc := corpus.New("bad", "bad.txt", corpus.Meta{}, paras)
		s := Extract([]*corpus.Document{doc, nil}, nil)
		for _, c := range s.All() {
			if !strings.Contains(doc.Text, c.Text) {
				t.Errorf("claim text not verbatim: %q", c.Text)
			}
		}
		s.Cite(paras[0])
		s.Contested()
	}
	if s := Extract(nil, nil); len(s.All()) != 0 || s.Cite("anything").Found {
		t.Error("an empty corpus has claims")
	}
}

func TestLikelihoodScale(t *testing.T) {
	for hedge, want := range map[string]string{
		"probably": Likely, "Probably": Likely, "very likely": VeryLikely, "likely": Likely,
		"unlikely": Unlikely, "highly unlikely": VeryUnlikely, "may": RoughlyEvenChance,
		"might": RoughlyEvenChance, "could": RoughlyEvenChance, "believed to": Likely,
		"appear to": Likely, "seems": Likely, "almost certainly": AlmostCertain,
		"probably wasn’t": Unlikely, "most likely won't": VeryUnlikely, "seems, very unlikely": VeryUnlikely,
		"unclear": "", "rumours": "", "": "", "banana": "",
	} {
		if got := Likelihood(hedge); got != want {
			t.Errorf("Likelihood(%q) = %q, want %q", hedge, got, want)
		}
	}
}

func TestSameWordForgivesSpellingNotOtherWords(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"qaida", "qaeda", true}, {"qaedas", "qaeda", true}, {"terrorists", "terorists", true},
		{"helmand", "helmand", true}, {"ill", "all", false}, {"taliban", "pakistan", false},
		{"zawahiri", "zawahri", true}, {"come", "came", false}, {"afghanistan", "afganistan", true},
	} {
		if got := sameWord(c.a, c.b); got != c.want {
			t.Errorf("sameWord(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

// A second made-up article: appositive speakers, pronouns, short whole
// utterances, reported clauses without "that".
func TestSecondArticle(t *testing.T) {
	doc := corpus.New("border", "border.txt", corpus.Meta{}, []string{
		`Maria Lopez, a spokeswoman for the ministry, said on Tuesday that the border would reopen within days.`,
		`“We are ready,” she said. “The trucks are waiting.”`,
		`“This is a lie,” rebel commander Idris Kane told Reuters by phone.`,
		`Analysts warn the truce may not hold.`,
		`Asked whether the army would withdraw, General Sato replied: “Not this year.”`,
		`Officials noted the date.`,
	})
	s := Extract([]*corpus.Document{doc}, nil)
	for _, c := range []struct{ text, speaker string }{
		{"the border would reopen within days", "Maria Lopez"},
		{"We are ready", "Maria Lopez"},
		{"The trucks are waiting", "Maria Lopez"},
		{"This is a lie", "rebel commander Idris Kane"},
		{"the truce may not hold", "Analysts"},
		{"Not this year", "General Sato"},
	} {
		found := claimsWith(s, "", c.text)
		if len(found) == 0 || found[0].Speaker != c.speaker {
			t.Errorf("%q: %+v, want speaker %q", c.text, found, c.speaker)
		}
	}
	if got := claimsWith(s, "", "the date"); len(got) != 0 {
		t.Errorf("an object read as a reported clause: %+v", got[0])
	}
}
