package actors

import (
	"testing"

	"briefbot/knowledge/corpus"
)

// presidents is a made-up pair of speeches naming two persons who share a
// surname, one of them in three spellings, and a man of one party.
func presidents() []*corpus.Document {
	a := corpus.New("s1", "s1.txt", corpus.Meta{}, []string{
		"In 1905 Theodore Roosevelt sent a fleet around the world. Roosevelt said the canal would be built.",
		"The Czech Republic and the Swiss Republic sent envoys; the Republic of Chile did not.",
		"The plan was praised by Republican Abraham Lincoln Smith, and the Tehrik Insaf Party (TIP) objected.",
	})
	b := corpus.New("s2", "s2.txt", corpus.Meta{}, []string{
		"Franklin D. Roosevelt spoke of fear. Roosevelt asked Congress for help.",
		"Later, Franklin Delano Roosevelt and Franklin Roosevelt were names the press used for one man.",
		"Abraham Lincoln Smith voted for the plan.",
	})
	return []*corpus.Document{a, b}
}

func TestPersonsSharingASurnameStayApart(t *testing.T) {
	r := Build(presidents())
	ted := actorCovering(r, []string{"Theodore Roosevelt"})
	fdr := actorCovering(r, []string{"Franklin D. Roosevelt", "Franklin Delano Roosevelt", "Franklin Roosevelt"})
	if ted == nil || fdr == nil || ted == fdr {
		t.Fatalf("Theodore and Franklin Roosevelt must be two actors, Franklin's three forms one: %v, %v; actors %v",
			name(ted), name(fdr), names(r.All()))
	}
	if ted.Kind != Person || fdr.Kind != Person {
		t.Errorf("kinds: %s %s", ted.Kind, fdr.Kind)
	}
	for _, place := range []string{"Czech Republic", "Swiss Republic", "Republic of Chile"} {
		a := actorCovering(r, []string{place})
		if a == nil || a.Kind != Place {
			t.Errorf("%s: %v, want a place of its own", place, a)
		}
	}
	if a := actorCovering(r, []string{"Czech Republic", "Swiss Republic"}); a != nil {
		t.Errorf("two republics merged into %q", a.Name)
	}
	if a := actorCovering(r, []string{"Republican Abraham Lincoln Smith"}); a != nil {
		t.Errorf("a party word kept in a name: %q", a.Name)
	}
	if a := r.Resolve("Eleanor Roosevelt"); a != nil {
		t.Errorf("Resolve(Eleanor Roosevelt) = %q, a person with another given name", a.Name)
	}
}

func TestAcronymLookupNeedsTheDocumentsSpelling(t *testing.T) {
	r := Build(presidents())
	if best, cands := r.Lookup("TTP"); best != nil || len(cands) == 0 {
		t.Errorf("Lookup(TTP) = %v, %d candidates; want no match and candidates to choose from", name(best), len(cands))
	}
	if best, _ := r.Lookup("TIP"); best == nil || best.Name != "Tehrik Insaf Party" {
		t.Errorf("Lookup(TIP) = %v, want the expansion the document defines", name(best))
	}
}
