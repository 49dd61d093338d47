package actors

import (
	"fmt"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
)

// FuzzBuildAndQuery builds a registry from arbitrary text and queries it
// with the same text: no panic, and every answer within its limits.
func FuzzBuildAndQuery(f *testing.F) {
	for _, s := range []string{
		"", "(", ")", "((AQ))", "Foo (", "al-", "-al", "A.B.C. D.", "Dr.", "Mr. . .", "bin",
		"The Alpha Beta Group (ABG) met the ABG (Alpha Beta Group).",
		"Al-Qaida's al-Qaidas AL-QAIDA al–Qaida", "Tалибан and Taliban", "\x00\x01\x02 Kabul\x7f",
		"Photograph: Jane Doe", strings.Repeat("A", 300),
		"Mullah Omar, Omar, Abu Omar Khorasani, Khorasani.", "😀 Kabul 😀 (😀)", "\xff\xfe Kabul",
		"X (the Y) Z (A B C D E F G H I J)", "US (United States) and U.S. and U.S",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := corpus.New("f", "f.txt", corpus.Meta{}, strings.Split(s, "\n\n"))
		r := Build([]*corpus.Document{d})
		for _, a := range r.All() {
			if a.Mentions != len(a.Mentioned) || a.ID == "" || r.ByID(a.ID) != a {
				t.Fatalf("inconsistent actor %+v", a)
			}
			r.Related(a.ID)
		}
		for _, q := range []string{s, strings.ToLower(s), s + "s"} {
			if _, cands := r.Lookup(q); len(cands) > MaxCandidates {
				t.Fatalf("%d candidates", len(cands))
			}
			if got := r.Complete(q); len(got) > MaxCandidates {
				t.Fatalf("%d choices", len(got))
			}
			r.Resolve(q)
			for _, sp := range r.Match(q) {
				if sp.Start < 0 || sp.End > len(q) || q[sp.Start:sp.End] != sp.Text || sp.Actor == nil {
					t.Fatalf("bad span %+v", sp)
				}
			}
		}
		for i := range d.Sentences {
			r.InSentence(d, i)
		}
	})
}

// TestRunOnText: a table or list read as one huge sentence still gives
// bounded names and descriptions.
func TestRunOnText(t *testing.T) {
	d := corpus.New("t", "t.txt", corpus.Meta{}, []string{
		strings.Repeat("Zed Omega, a militant leader, ", 3000) + strings.Repeat("(AB) Alpha Beta ", 500) + strings.Repeat("in Kabul ", 3000),
	})
	r := Build([]*corpus.Document{d})
	z := actorCovering(r, []string{"Zed Omega"})
	if z == nil || z.Mentions != 3000 || len(z.Descriptions) == 0 || len(z.Descriptions[0].Text) > 2*maxContext {
		t.Fatalf("Zed Omega: %v", z)
	}
	if k := actorCovering(r, []string{"Kabul"}); k == nil || k.Kind != Place {
		t.Fatalf("Kabul: %v", k)
	}
	for _, a := range r.All() {
		if len(a.Name) > 2000 {
			t.Errorf("a name of %d bytes", len(a.Name))
		}
	}
}

// TestSentencesInCapitalsNameNoActor: a wire that writes every word in
// capitals gives no actor made of its sentences, while a short headline
// in capitals still names its acronyms and the same names written in
// mixed case are found.
func TestSentencesInCapitalsNameNoActor(t *testing.T) {
	var docs []*corpus.Document
	for i := range 50 {
		docs = append(docs, corpus.New(fmt.Sprintf("wire-%02d", i), fmt.Sprintf("wire-%02d.txt", i), corpus.Meta{}, []string{
			fmt.Sprintf("JOHN SMITH SAID THE TALKS IN REGION %d WOULD RESUME ON MONDAY.", i),
			"THE ARMY REPORTED CASUALTIES AFTER THE FIGHTING NEAR THE BORDER.",
			"NATO TALKS RESUME",
			"John Smith, the envoy, met NATO officials in Brussels on Tuesday.",
		}))
	}
	r := Build(docs)
	names := map[string]bool{}
	for _, a := range r.All() {
		names[a.Name] = true
		if strings.Count(a.Name, " ") >= 3 || strings.Contains(a.Name, "SAID") || strings.Contains(a.Name, "ARMY") {
			t.Errorf("actor %q (%s) made of a sentence in capitals", a.Name, a.Kind)
		}
	}
	for _, want := range []string{"John Smith", "NATO", "Brussels"} {
		if !names[want] {
			t.Errorf("%q is not an actor; actors: %v", want, names)
		}
	}
}

// A heading in capitals run into the sentence after it, as the addresses
// print them on one line ("CONDITION OF THE TREASURY The condition of the
// Treasury ..."), makes no actor of its words: "OF" and "THE" are no
// acronyms. An acronym between ordinary words is still one.
func TestHeadingsInCapitalsNameNoActor(t *testing.T) {
	var docs []*corpus.Document
	for i := range 20 {
		docs = append(docs, corpus.New(fmt.Sprintf("address-%02d", i), fmt.Sprintf("address-%02d.txt", i), corpus.Meta{}, []string{
			fmt.Sprintf("CONDITION OF THE TREASURY The condition of the Treasury is sound in year %d. THE NAVY The Navy has %d ships. FOREIGN AFFAIRS AND TRADE Our trade with the UK and NATO grew.", i, i+3),
		}))
	}
	names := map[string]bool{}
	for _, a := range Build(docs).All() {
		names[a.Name] = true
		if k := strings.ToLower(strings.Fields(a.Name)[0]); k == "of" || k == "the" || k == "and" || strings.Contains(a.Name, "AFFAIRS") {
			t.Errorf("actor %q (%s) made of a heading", a.Name, a.Kind)
		}
	}
	for _, want := range []string{"Treasury", "Navy", "UK", "NATO"} {
		if !names[want] {
			t.Errorf("%q is not an actor; actors: %v", want, names)
		}
	}
}
