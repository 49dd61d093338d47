package briefing_test

import (
	"strings"
	"testing"

	"briefbot/knowledge/briefing"
	"briefbot/knowledge/corpus"
)

func TestMarkdownWholeBriefing(t *testing.T) {
	in := seeds()
	b := briefing.Compose(in)
	md := briefing.Markdown(b)
	if !strings.HasPrefix(md, "# Briefing\n") {
		t.Errorf("markdown starts %q", md[:min(40, len(md))])
	}
	for _, s := range b.Sections {
		if !strings.Contains(md, "\n## "+s.Title+"\n") {
			t.Errorf("section %q missing", s.Title)
		}
	}
	items, sources := 0, 0
	for _, s := range b.Sections {
		items += len(s.Items)
		for _, it := range s.Items {
			sources += len(it.Citations)
		}
	}
	if got := strings.Count(md, "\n- "); got != items {
		t.Errorf("%d items rendered, want %d", got, items)
	}
	if got := strings.Count(md, "\n  1. "); got != items {
		t.Errorf("%d items with a first source, want %d", got, items)
	}
}

func TestMarkdownEscapesAndMarks(t *testing.T) {
	hostile := "*bold* [link](http://x) # not a heading\n> quote `code` <@&123> @everyone"
	b := briefing.Briefing{Generated: "2026-11-22T09:00:00Z", Since: "2026-11-21", Actor: "al-Qaeda_core",
		Sections: []briefing.Section{{Title: briefing.TitleContested, Items: []briefing.Item{
			{Text: hostile, Tag: briefing.Contested, Subject: "Zawahiri", Newest: true, Speaker: "A *spokesman*",
				Hedge: "probably", Likelihood: "likely",
				Citations: []corpus.Citation{{Doc: "d1", Meta: corpus.Meta{Title: "T", URL: "https://e.com/a"}, Paragraph: 2, Quote: hostile},
					{Doc: "speech", Paragraph: 1, Sentence: 212, Quote: "A line of a long speech."}}},
		}}}}
	md := briefing.Markdown(b, "**Late:** due 2026-11-22T09:00:00+01:00")
	for _, want := range []string{
		"# Briefing: al-Qaeda\\_core", "> **Late:** due 2026-11-22T09:00:00+01:00", "**On Zawahiri:**",
		"**Contested, newest source**", `\*bold\*`, `\[link\]`, `\# not a heading \> quote`, "*likely*",
		"hedged “probably”", "<https://e.com/a>", "documents since 2026-11-21",
		"2. speech — ¶1, sentence 212\n", // a long paragraph's citation names its sentence
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "\n# not") || strings.Contains(md, "\n> quote") {
		t.Errorf("document text broke out of its item:\n%s", md)
	}
	if empty := briefing.Markdown(briefing.Briefing{}); !strings.Contains(empty, "Nothing to report") {
		t.Errorf("empty briefing renders %q", empty)
	}
}

func TestCorroboratedLabelCountsPublishers(t *testing.T) {
	cite := func(doc, source string) corpus.Citation {
		return corpus.Citation{Doc: doc, Meta: corpus.Meta{Source: source}}
	}
	for _, c := range []struct {
		cites []corpus.Citation
		want  string
	}{
		{[]corpus.Citation{cite("a", "Wire"), cite("b", "Wire"), cite("c", "Post")}, "Corroborated by 3 documents from 2 publishers"},
		{[]corpus.Citation{cite("a", "Wire"), cite("b", "Post")}, "Corroborated by 2 documents"},
		{[]corpus.Citation{cite("a", "Wire"), cite("b", "Wire"), cite("c", "")}, "Corroborated by 3 documents"},
	} {
		if got := briefing.Label(briefing.Item{Tag: briefing.Corroborated, Citations: c.cites}); got != c.want {
			t.Errorf("Label = %q, want %q", got, c.want)
		}
	}
}
