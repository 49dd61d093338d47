package actors

import (
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
)

// madeUp is a small document about other places and people, so that the
// rules are seen to work beyond the seeds.
func madeUp() []*corpus.Document {
	a := corpus.New("sahel-1", "sahel.txt", corpus.Meta{Title: "Militants in the Sahel", Source: "Test Wire", Date: "2024-03-01"}, []string{
		"Dr. Amina Yusuf, the deputy director of the Sahel Research Institute (SRI), said on Monday that Boko Haram had expanded into Borno State.",
		"Yusuf warned that fighters had been seen in Maiduguri. However, officials in Abuja disputed her figures.",
		"Jama'at Nusrat al-Islam wal-Muslimin (JNIM) operates in Mali and Burkina Faso. According to SRI, JNIM fighters crossed into Niger in January.",
		"Boko Harams leader, Abubakar Shekau, was killed in 2021. Shekau had led the group since 2009.",
		"Photograph: Jane Doe/Test Wire",
	})
	b := corpus.New("sahel-2", "sahel2.txt", corpus.Meta{Title: "Follow-up", Source: "Other Wire"}, []string{
		"Militants Plan to Expand and Fortify Boko Haram Bases – Wire.com The group has a plan to expand its bases.",
		"The Sahel Research Institute said Boko Haram’s fighters had left Borno State. Please share this article.",
		"Amina Yusuf is a senior researcher at the institute. Nigerian president Bola Tinubu said the army would respond.",
	})
	c := corpus.New("pak-1", "pak.txt", corpus.Meta{Title: "Border"}, []string{
		"Tehrik-e-Taliban Pakistan (TTP), often called the Pakistani Taliban, attacked a post near Peshawar. The Taliban in Kabul denied any role.",
		"TTP fighters have sheltered in Afghanistan since 2021, Pakistani officials said. The Taliban government rejected the claim.",
	})
	return []*corpus.Document{a, b, c}
}

func TestGeneralityOnAMadeUpDocument(t *testing.T) {
	r := Build(madeUp())
	for _, want := range []struct {
		kind    Kind
		docs    int
		aliases []string
	}{
		{Person, 2, []string{"Amina Yusuf", "Yusuf"}},
		{Organization, 2, []string{"Sahel Research Institute", "SRI"}},
		{Organization, 2, []string{"Boko Haram"}},
		{Organization, 1, []string{"JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"}},
		{Person, 1, []string{"Abubakar Shekau", "Shekau"}},
		{Person, 1, []string{"Bola Tinubu"}},
		{Place, 2, []string{"Borno State"}},
		{Place, 1, []string{"Mali"}},
		{Place, 1, []string{"Maiduguri"}},
	} {
		a := actorCovering(r, want.aliases)
		switch {
		case a == nil:
			t.Errorf("no one actor covers %q; actors: %v", want.aliases, names(r.All()))
		case a.Kind != want.kind || len(a.Docs) < want.docs:
			t.Errorf("%s: %s in %d docs, want %s in %d", a.Name, a.Kind, len(a.Docs), want.kind, want.docs)
		}
	}
	ttp, taliban := actorCovering(r, []string{"Tehrik-e-Taliban Pakistan", "TTP"}), actorCovering(r, []string{"Taliban"})
	if ttp == nil || taliban == nil || ttp == taliban || ttp.Kind != Organization {
		t.Errorf("TTP and the Taliban must be two organisations: %v, %v", name(ttp), name(taliban))
	}
	for _, a := range r.All() {
		switch strings.ToLower(a.Name) {
		case "monday", "january", "however", "please", "share", "photograph", "jane doe", "according":
			t.Errorf("junk actor %q", a.Name)
		}
		if strings.Contains(a.Name, "Fortify") || strings.Contains(a.Name, "Expand") {
			t.Errorf("a headline's verb in a name: %q", a.Name)
		}
	}
	yusuf := actorCovering(r, []string{"Amina Yusuf"})
	if yusuf == nil || !strings.Contains(yusuf.Description, "deputy director") && !strings.Contains(yusuf.Description, "senior researcher") {
		t.Errorf("Amina Yusuf's description: %+v", yusuf)
	}
	if best, _ := r.Lookup("boko harem"); best == nil || best.Name != "Boko Haram" {
		t.Errorf("Lookup(boko harem) = %v", name(best))
	}
	if a := r.Resolve("deputy director Amina Yusuf"); a != yusuf {
		t.Errorf("Resolve found %v", name(a))
	}
}

// A name opening with a nationality, in the singular or the plural, is no
// person's: the "Americans Act" of a sentence that amended the "Older
// Americans Act", read without its first word.
func TestDemonymOpensNoPersonsName(t *testing.T) {
	var r resolver
	for _, name := range []string{"American Act", "Americans Act"} {
		f := &form{key: strings.ToLower(name), words: strings.Fields(strings.ToLower(name)), names: map[string]int{name: 1}}
		if r.personLike(f) {
			t.Errorf("%q reads as a person's name", name)
		}
	}
	if !r.personLike(&form{key: "amina yusuf", words: []string{"amina", "yusuf"}, names: map[string]int{"Amina Yusuf": 1}}) {
		t.Error("Amina Yusuf does not read as a person's name")
	}
}
