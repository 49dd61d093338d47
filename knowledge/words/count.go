package words

import "strconv"

// Count writes n of a regular English noun: "1 document", "3 documents",
// "0 documents".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
