package ingest

import (
	"slices"
)

// The same text twice is one document: a folder holding each article as
// .txt and as .json, or a page saved twice, would otherwise cite everything
// twice and let a copy corroborate its original. Copies are recognised on
// the cleaned text with case, punctuation and spacing folded; near copies
// (a changed word, a line more) by a sketch of their word sequences, when
// they also name the same names and numbers in the same order: a story
// rewritten with other names or figures is another story.

const (
	// sketchSize is how many shingle hashes describe a document: the
	// smallest ones, so that two documents sharing most shingles share
	// most of them.
	sketchSize = 64
	// shingleWords is the length of the word sequences compared.
	shingleWords = 5
	// nearCopyShare is the share of sketch hashes two near copies share.
	nearCopyShare = 0.95
	// maxSketchBucket bounds the documents compared through one hash.
	maxSketchBucket = 64
)

// fingerprint describes a document's text for finding copies.
type fingerprint struct {
	whole  uint64   // hash of every folded word in order
	named  uint64   // hash of the capitalised words and numbers in order
	words  int      // how many words
	sketch []uint64 // the smallest shingle hashes, ascending
}

// dropDuplicates keeps the first of each set of copies, in order, and
// returns an error naming each copy left out and the document it repeats.
// A file named twice (by itself and inside a folder) is silently read once.
func dropDuplicates(docs []loaded) ([]loaded, []error) {
	kept := docs[:0:0]
	var errs []error
	byWhole := map[uint64]int{}   // hash of the text -> index into kept
	buckets := map[uint64][]int{} // sketch hash -> indexes into kept
	var prints []fingerprint      // of kept
	for _, d := range docs {
		fp := fingerprintOf(d.Doc.Text)
		orig, ok := byWhole[fp.whole]
		if !ok {
			orig = nearCopy(fp, prints, buckets)
		}
		if orig >= 0 {
			if o := kept[orig]; o.Doc.File != d.Doc.File || o.N != d.N {
				errs = append(errs, &FileError{File: d.Doc.File, Reason: recordPrefix(d.N) + "the same text as " + o.Doc.File + ", loaded once"})
			}
			continue
		}
		byWhole[fp.whole] = len(kept)
		for _, h := range fp.sketch {
			if len(buckets[h]) < maxSketchBucket {
				buckets[h] = append(buckets[h], len(kept))
			}
		}
		kept = append(kept, d)
		prints = append(prints, fp)
	}
	return kept, errs
}

// nearCopy returns the index of a kept document that fp nearly copies, or -1.
func nearCopy(fp fingerprint, prints []fingerprint, buckets map[uint64][]int) int {
	if len(fp.sketch) < sketchSize {
		return -1 // too short to tell a copy from a common phrase
	}
	shared := map[int]int{}
	for _, h := range fp.sketch {
		for _, k := range buckets[h] {
			shared[k]++
		}
	}
	best, bestN := -1, 0
	for k, n := range shared {
		other := prints[k]
		// Other names or other numbers make another story, however
		// alike the rest of the words.
		if other.named != fp.named || float64(n) < nearCopyShare*sketchSize || n < bestN || n == bestN && k > best ||
			10*abs(other.words-fp.words) > max(other.words, fp.words) {
			continue
		}
		best, bestN = k, n
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// fingerprintOf folds text to lower-case words of letters and digits and
// hashes them (FNV-1a), in one pass and without keeping the words.
func fingerprintOf(text string) fingerprint {
	const offset, prime = 14695981039346656037, 1099511628211
	fp := fingerprint{whole: offset, named: offset}
	var recent [shingleWords]uint64
	word, inWord, named := uint64(offset), false, false
	opening := true // a capital here opens a sentence and names nothing
	end := func() {
		if !inWord {
			return
		}
		fp.whole = (fp.whole ^ word) * prime
		if named {
			fp.named = (fp.named ^ word) * prime
		}
		recent[fp.words%shingleWords] = word
		fp.words++
		if fp.words >= shingleWords {
			sh := uint64(offset)
			for i := range shingleWords {
				sh = (sh ^ recent[(fp.words+i)%shingleWords]) * prime
			}
			fp.sketch = addToSketch(fp.sketch, sh)
		}
		word, inWord, named, opening = offset, false, false, false
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 'A' && c <= 'Z':
			named = named || !inWord && !opening
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80:
			named = named || c >= '0' && c <= '9'
			word = (word ^ uint64(c)) * prime
			inWord = true
		default:
			end()
			opening = opening || c == '.' || c == '!' || c == '?' || c == '\n' || c == '"'
		}
	}
	end()
	return fp
}

// addToSketch keeps the sketchSize smallest distinct hashes, ascending.
func addToSketch(s []uint64, h uint64) []uint64 {
	if len(s) == sketchSize && h >= s[len(s)-1] {
		return s
	}
	i, found := slices.BinarySearch(s, h)
	if found {
		return s
	}
	if len(s) == sketchSize {
		s = s[:len(s)-1]
	}
	return slices.Insert(s, i, h)
}
