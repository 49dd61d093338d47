package ingest

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// slug turns a file name's stem into a stable document id: lower-case ASCII
// letters and digits, every other run of characters one '-', accents
// dropped ("Résumé 2021" -> "resume-2021").
func slug(stem string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(strings.ToLower(stem)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case unicode.Is(unicode.Mn, r):
			// a combining accent of the previous letter
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "doc"
	}
	return b.String()
}
