package corpus

import "testing"

func TestDistinguishTitles(t *testing.T) {
	intro := func(id, file string, m Meta) *Document {
		m.Title = "Introduction"
		return New(id, file, m, []string{"Text."})
	}
	byAuthor := []*Document{intro("a", "a.md", Meta{Author: "Ann Lee"}), intro("b", "b.md", Meta{Author: "Bo Chen"})}
	byDate := []*Document{intro("c", "x/c.md", Meta{Date: "2024-01-02"}), intro("d", "y/c.md", Meta{Date: "2024-03-04"})}
	byFile := []*Document{intro("e", "x/e.md", Meta{}), intro("f", "x/f.md", Meta{})}
	byPath := []*Document{intro("g", "x/same.md", Meta{}), intro("h", "y/same.md", Meta{})}
	alone := New("i", "i.md", Meta{Title: "Its own title"}, []string{"Text."})
	for _, c := range []struct {
		docs []*Document
		want []string
	}{
		{byAuthor, []string{"Ann Lee", "Bo Chen"}},
		{byDate, []string{"2024-01-02", "2024-03-04"}},
		{byFile, []string{"e.md", "f.md"}},
		{byPath, []string{"x/same.md", "y/same.md"}},
		{[]*Document{alone}, []string{""}},
	} {
		DistinguishTitles(c.docs)
		for i, d := range c.docs {
			if d.Distinct != c.want[i] {
				t.Errorf("%s: Distinct = %q, want %q", d.ID, d.Distinct, c.want[i])
			}
		}
	}
	if got := byAuthor[0].Cite(0, 4).String(); got != "Introduction (Ann Lee) — ¶1" {
		t.Errorf("citation = %q", got)
	}
}

func TestDistinctSources(t *testing.T) {
	cs := []Citation{{Doc: "a", Meta: Meta{Source: "Wire"}}, {Doc: "b", Meta: Meta{Source: "wire "}}, {Doc: "c"}, {Doc: "d", Meta: Meta{Source: "Post"}}}
	if n := DistinctSources(cs); n != 2 {
		t.Errorf("DistinctSources = %d, want 2 (one publisher named twice, one document naming none)", n)
	}
}
