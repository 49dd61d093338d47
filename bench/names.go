package main

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"briefbot/knowledge/corpus"
)

// Parts of synthetic names and of the sentences that introduce them. A given
// name and a surname of two to four syllables give millions of names.
var (
	givenNames = strings.Fields(`Amara Bilal Carmen Dmitri Elena Farid Grace Hamid Ines Jamal Karin Layla
Mateo Nadia Omar Priya Quentin Rahim Sofia Tariq Ursula Viktor Wanda Ximena Yusuf Zainab Ahmed Beatriz
Chen Dalia Emeka Fatima Gustav Hana Ibrahim Jana Kofi Lucia Malik Noor Olga Pavel Rania Samir Tomas
Uma Vera Walid Yara Zoran`)
	syllables = strings.Fields(`bar ka mir zad ro len ti han da vo sul mak ri nes tor gal bek fa lu shin`)
	roles     = strings.Fields(`minister envoy commander governor spokesman analyst mayor ambassador judge negotiator`)
	places    = strings.Fields(`Kandahar Quetta Herat Peshawar Mosul Aleppo Sanaa Mogadishu Tripoli Bamako`)
	days      = strings.Fields(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday`)
)

// syntheticNames returns n distinct person names drawn with seed.
func syntheticNames(n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 1<<32))
	seen := make(map[string]bool, n)
	names := make([]string, 0, n)
	for len(names) < n {
		var sur strings.Builder
		for range 2 + rng.IntN(3) {
			sur.WriteString(syllables[rng.IntN(len(syllables))])
		}
		s := sur.String()
		name := givenNames[rng.IntN(len(givenNames))] + " " + strings.ToUpper(s[:1]) + s[1:]
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	return names
}

// namesPerRoster is how many names one roster document introduces.
const namesPerRoster = 200

// rosterDocs writes documents that introduce each name once, in a plain news
// sentence with no speech verb (so that no claim is made of it), five
// sentences a paragraph: a corpus whose actors are exactly these names, for
// timing completion over as many names as asked.
func rosterDocs(names []string, seed uint64) []*corpus.Document {
	rng := rand.New(rand.NewPCG(seed, 1<<34))
	var docs []*corpus.Document
	for start := 0; start < len(names); start += namesPerRoster {
		var paras []string
		var para []string
		for _, n := range names[start:min(start+namesPerRoster, len(names))] {
			para = append(para, fmt.Sprintf("%s, the %s of %s, arrived in %s on %s.",
				n, pick(rng, roles), pick(rng, places), pick(rng, places), pick(rng, days)))
			if len(para) == sentencesPerParagraph {
				paras, para = append(paras, strings.Join(para, " ")), nil
			}
		}
		paras = append(paras, strings.Join(para, " "))
		id := fmt.Sprintf("roster-%d", len(docs)+1)
		docs = append(docs, corpus.New(id, id+".txt", corpus.Meta{Title: "Roster " + id}, paras))
	}
	return docs
}

func pick(rng *rand.Rand, list []string) string { return list[rng.IntN(len(list))] }

// prefixes returns, for n names drawn from names, what a user has typed when
// autocomplete fires: its first 2 to all of its characters.
func prefixes(names []string, n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 1<<33))
	drawn := rng.Perm(len(names))[:min(n, len(names))]
	out := make([]string, len(drawn))
	for i, d := range drawn {
		r := []rune(names[d])
		if len(r) <= 2 {
			out[i] = names[d]
			continue
		}
		out[i] = string(r[:2+rng.IntN(len(r)-1)])
	}
	return out
}
