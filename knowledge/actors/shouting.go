package actors

import (
	"unicode"
	"unicode/utf8"

	"briefbot/knowledge/words"
)

// shouting reports whether a sentence is written in capitals: three words
// or more, two thirds of its words. Capitals then tell no name from any
// other word ("JOHN SMITH SAID THE TALKS WOULD RESUME"), so the sentence
// names no actor rather than one made of the whole sentence.
func shouting(raw []words.Token) bool {
	wordsSeen, capitals := 0, 0
	for i, t := range raw {
		// Every sentence of the corpus is asked: most tell by their first
		// words that even all the words left in capitals would be too few.
		if left := len(raw) - i; capitals+left < 3 || 3*(capitals+left) < 2*(wordsSeen+left) {
			return false
		}
		upper, lower := letterCases(t.Text)
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

// letterCases counts the upper and lower case letters of s, bytewise for
// ASCII.
func letterCases(s string) (upper, lower int) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return letterCasesUnicode(s)
		case 'A' <= c && c <= 'Z':
			upper++
		case 'a' <= c && c <= 'z':
			lower++
		}
	}
	return upper, lower
}

func letterCasesUnicode(s string) (upper, lower int) {
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	return upper, lower
}
