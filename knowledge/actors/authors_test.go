package actors

import "testing"

func TestNameInFileName(t *testing.T) {
	for file, want := range map[string]string{
		"data/1790_george_washington_n.txt":        "George Washington",
		"1825_john_quincy_adams_dr.json":           "John Quincy Adams",
		"1899_william_mc_kinley_r.txt":             "William McKinley",
		"1946_harry_s_truman_d.txt":                "Harry S. Truman",
		"guardian-al-qaida-will-probably-come.txt": "",
		"ca01.txt": "",
		"notes.md": "",
	} {
		if got := nameInFileName(file); got != want {
			t.Errorf("nameInFileName(%q) = %q, want %q", file, got, want)
		}
	}
}
