package answer

import (
	"testing"

	"briefbot/knowledge/corpus"
)

func TestYearOfReport(t *testing.T) {
	for _, c := range []struct {
		name       string
		paragraphs []string
		want       string
	}{
		{"one year in most paragraphs", []string{
			"Local investment was the big story in 1960's development effort, as in 1959.",
			"During 1960, this office supplied 954 visitors with information.",
			"The 1960 campaign brought 239 inquiries, against 180 in 1959.",
			"In 1960 two conferences were organized.",
		}, "1960"},
		{"a tie says nothing", []string{"In 1959 and 1960.", "In 1960.", "In 1959.", "1959, 1960."}, ""},
		{"too few paragraphs", []string{"In 1960 it rained.", "In 1960 it snowed."}, ""},
		{"decades and codes are no years", []string{
			"The 1960s were loud.", "In 1960 it rained.", "Code A1960 and 19600 units.", "The 1960s again.",
		}, ""},
		{"none", []string{"No years here.", "Nor here.", "Nor here either."}, ""},
	} {
		d := corpus.New("r", "r.txt", corpus.Meta{}, c.paragraphs)
		if got := yearOfReport(d); got != c.want {
			t.Errorf("%s: yearOfReport = %q, want %q", c.name, got, c.want)
		}
	}
}
