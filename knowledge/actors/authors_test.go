package actors

import (
	"slices"
	"testing"

	"briefbot/knowledge/corpus"
)

// The persons documents are by are actors: the one of the same name when
// the documents name them, else one of their own with no mention; a byline
// may name two; a stated author that is no person's name makes none.
func TestAuthorsAreActors(t *testing.T) {
	docs := []*corpus.Document{
		corpus.New("2009-hale", "2009_martin_hale_d.txt", corpus.Meta{}, []string{"My wife, Anna Hale, and I thank the nation.", "Senator Tom Reyes of Ohio agreed with the plan."}),
		corpus.New("2010-hale", "2010_martin_hale_d.txt", corpus.Meta{}, []string{"Senator Tom Reyes of Ohio spoke again."}),
		corpus.New("reyes", "reyes.txt", corpus.Meta{Author: "Tom Reyes"}, []string{"The senator from Ohio wrote this essay alone."}),
		corpus.New("pair", "pair.txt", corpus.Meta{Author: "Ann Lee, Carl Moss"}, []string{"Two writers agree on the harbour."}),
		corpus.New("wire", "wire.txt", corpus.Meta{Author: "staff and agencies"}, []string{"The harbour closed at noon."}),
	}
	r := Build(docs)
	hale, _ := r.Lookup("Hale")
	if hale == nil || hale.Name != "Martin Hale" || hale.Mentions != 0 || !slices.Equal(hale.Authored, []string{"2009-hale", "2010-hale"}) || !slices.Equal(hale.Docs, hale.Authored) {
		t.Errorf("Hale: %+v, want Martin Hale, the author of both addresses, before Anna Hale named once", hale)
	}
	reyes := r.Resolve("Tom Reyes")
	if reyes == nil || reyes.Mentions == 0 || !slices.Equal(reyes.Authored, []string{"reyes"}) || !slices.Contains(reyes.Docs, "reyes") {
		t.Errorf("Tom Reyes: %+v, want the senator named in the addresses, the author of reyes", reyes)
	}
	for _, name := range []string{"Ann Lee", "Carl Moss"} {
		if a := r.Resolve(name); a == nil || !slices.Equal(a.Authored, []string{"pair"}) {
			t.Errorf("%s: %+v, want the author of pair", name, a)
		}
	}
	for _, a := range r.All() {
		if slices.Contains(a.Authored, "wire") {
			t.Errorf("%s is the author of wire, whose byline names no person", a.Name)
		}
	}
}

func TestNameInFileName(t *testing.T) {
	for file, want := range map[string]string{
		"data/1790_george_washington_n.txt":        "George Washington",
		"1825_john_quincy_adams_dr.json":           "John Quincy Adams",
		"1899_william_mc_kinley_r.txt":             "William McKinley",
		"1946_harry_s_truman_d.txt":                "Harry S. Truman",
		"guardian-al-qaida-will-probably-come.txt": "",
		"ca01.txt": "",
		"notes.md": "",
	} {
		if got := nameInFileName(file); got != want {
			t.Errorf("nameInFileName(%q) = %q, want %q", file, got, want)
		}
	}
}
