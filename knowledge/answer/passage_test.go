package answer

import "testing"

func TestRefersBack(t *testing.T) {
	for _, c := range []struct {
		sentence string
		n        int
		want     bool
	}{
		{"Additionally, she is the chief editor.", leanWords, true},
		{"“They will remain businessmen.", leanWords, true},
		{"It is also unclear.", leanWords, true},
		{"Italy is far away.", leanWords, false},
		{"While the precise circumstances of his execution are not known", leanWords, false},
		{"While the precise circumstances of his execution are not known", pronounWords, true},
		{"", pronounWords, false},
		{"Hezbollah and Hamas", pronounWords, false},
	} {
		if got := refersBack(c.sentence, c.n); got != c.want {
			t.Errorf("refersBack(%q, %d) = %v", c.sentence, c.n, got)
		}
	}
}
