package main

import (
	"math/rand/v2"
	"strings"
)

// Parts of synthetic person names: a given name and a surname of two or
// three syllables give about 50 x 5,000 distinct names.
var (
	givenNames = strings.Fields(`Amara Bilal Carmen Dmitri Elena Farid Grace Hamid Ines Jamal Karin Layla
Mateo Nadia Omar Priya Quentin Rahim Sofia Tariq Ursula Viktor Wanda Ximena Yusuf Zainab Ahmed Beatriz
Chen Dalia Emeka Fatima Gustav Hana Ibrahim Jana Kofi Lucia Malik Noor Olga Pavel Rania Samir Tomas
Uma Vera Walid Yara Zoran`)
	syllables = strings.Fields(`bar ka mir zad ro len ti han da vo sul mak ri nes tor gal bek fa lu shin`)
)

// completionNames returns n names to type prefixes of: the actors found, then
// synthetic names drawn with seed until there are n.
func completionNames(found []string, n int, seed uint64) []string {
	names := append([]string(nil), found[:min(len(found), n)]...)
	rng := rand.New(rand.NewPCG(seed, 1<<32))
	for len(names) < n {
		var sur strings.Builder
		for range 2 + rng.IntN(2) {
			sur.WriteString(syllables[rng.IntN(len(syllables))])
		}
		s := sur.String()
		names = append(names, givenNames[rng.IntN(len(givenNames))]+" "+strings.ToUpper(s[:1])+s[1:])
	}
	return names
}

// prefixes returns, for each name, what a user has typed when autocomplete
// fires: its first 2 to all of its characters.
func prefixes(names []string, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 1<<33))
	out := make([]string, len(names))
	for i, n := range names {
		r := []rune(n)
		if len(r) <= 2 {
			out[i] = n
			continue
		}
		out[i] = string(r[:2+rng.IntN(len(r)-1)])
	}
	return out
}
