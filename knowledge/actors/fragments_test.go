package actors

import (
	"testing"

	"briefbot/knowledge/corpus"
)

// fragments is a made-up report whose names are easily cut into pieces:
// hyphenated names, a saint's abbreviation, abbreviated titles and states,
// ordinary words capitalised inside a name, and adjectives of peoples.
func fragments() []*corpus.Document {
	return []*corpus.Document{corpus.New("f1", "f1.txt", corpus.Meta{}, []string{
		"The garrison at St. Augustine was small. Ships sailed up the St. Lawrence Seaway to St. Louis.",
		"In Shan-tung the missions were attacked. South Viet-Nam and Indo-China were at war. The Afghanistan-Pakistan border was closed. The Taliban-controlled areas grew.",
		"The ship reached Cape Fear and later Puget Sound. Sen. John Tower spoke for the Roman Catholic Church. West Indian ports and Roman Catholic schools were named.",
		"Atty. Gen. Robert Kennedy spoke in Birmingham, Ala. yesterday. He was in Opelika, Ala. and Selma, Ala. last week.",
		"I appointed a National Commission on Law Observance. The Secretary of State of the United States wrote to Eastern High School.",
	})}
}

func TestNamesAreNotCutIntoFragments(t *testing.T) {
	r := Build(fragments())
	for _, want := range []string{"St. Augustine", "St. Lawrence Seaway", "Shan-tung", "South Viet-Nam", "Indo-China",
		"Afghanistan", "Pakistan", "Taliban", "Cape Fear", "Puget Sound", "John Tower", "Roman Catholic Church",
		"National Commission on Law Observance", "United States", "Eastern High School", "Robert Kennedy"} {
		if actorCovering(r, []string{want}) == nil {
			t.Errorf("%q not an actor: %v", want, names(r.All()))
		}
	}
	for _, junk := range []string{"Augustine", "Lawrence Seaway", "Shan", "South Viet", "Indo", "Cape", "Puget", "John",
		"Roman Catholic", "West Indian", "Ala", "Atty", "National Commission", "State of the United States", "High School"} {
		for _, a := range r.All() {
			if a.Name == junk {
				t.Errorf("fragment %q listed as an actor", junk)
			}
		}
	}
}
