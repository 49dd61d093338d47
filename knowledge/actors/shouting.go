package actors

import (
	"unicode"

	"briefbot/knowledge/words"
)

// shouting reports whether a sentence is written in capitals: three words
// or more, two thirds of its words. Capitals then tell no name from any
// other word ("JOHN SMITH SAID THE TALKS WOULD RESUME"), so the sentence
// names no actor rather than one made of the whole sentence.
func shouting(raw []words.Token) bool {
	wordsSeen, capitals := 0, 0
	for _, t := range raw {
		upper, lower := 0, 0
		for _, r := range t.Text {
			switch {
			case unicode.IsUpper(r):
				upper++
			case unicode.IsLower(r):
				lower++
			}
		}
		if upper+lower < 2 {
			continue
		}
		wordsSeen++
		if lower == 0 {
			capitals++
		}
	}
	return capitals >= 3 && 3*capitals >= 2*wordsSeen
}
