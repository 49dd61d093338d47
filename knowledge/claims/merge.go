package claims

import (
	"fmt"
	"slices"
	"strings"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/internal/parallel"
	"briefbot/knowledge/internal/unionfind"
	"briefbot/knowledge/words"
)

// Corroboration: the same claim carried by several documents (in full or in
// part, re-punctuated, with lost apostrophes or another transliteration) is
// kept once, with one citation per document. Candidates are only the claims
// sharing a three-word shingle, so the work grows with the corpus, not with
// its square.

const (
	// mergeMinWords is the shortest shared passage that makes two texts
	// the same claim; shorter overlaps are common phrases.
	mergeMinWords = 4
	// mergeOverlap is the share of the shorter text that must align.
	mergeOverlap = 0.8
	// maxBucket skips shingles so common that they say nothing.
	maxBucket = 64
	// minQuotedShare is how much of the longer quotation the shorter must
	// be: a four-word phrase found inside a paragraph-long quotation is a
	// common phrase, not the same statement.
	minQuotedShare = 0.5
	// maxCompareWords bounds the words compared, so that a runaway quote
	// (never closed) costs no more than a normal one.
	maxCompareWords = 120
)

// compareTerms returns the words of c that merge compares.
func compareTerms(c *Claim) []string {
	t := words.Terms(c.Text)
	return t[:min(len(t), maxCompareWords)]
}

// merge folds corroborating claims into the first one, keeping the order.
//
// Claims are read in order: a claim that repeats an earlier one word for
// word joins it at once; any other is compared with the earlier claims it
// shares enough three-word shingles with, and joins the group of the first
// that states the same thing. Which claims share shingles does not depend
// on what merged, so the candidates are found first, on all CPUs; claims
// linked by no chain of candidates never meet, so each such component is
// then merged by itself, in order, the components on all CPUs. The groups
// are those of reading every claim in order on one CPU.
func merge(raw []*Claim) []*Claim {
	terms := make([][]string, len(raw))
	parallel.For(len(raw), func(_, i int) {
		c := raw[i]
		if c.terms == nil {
			c.terms = compareTerms(c) // made outside extractDoc
		}
		terms[i] = c.terms
	})
	// The earliest claim of a group is its root, so that the output loop
	// meets every root before the claims it absorbs.
	groups := unionfind.New(len(raw))
	repeats, buckets := verbatimRepeats(raw, terms)
	for i, j := range repeats {
		if j >= 0 {
			groups.Union(i, j)
		}
	}
	cands := make([][]int32, len(raw))
	shared := make([][]int32, parallel.Workers()) // per worker and claim, shingles shared with the claim read; reset after it
	for w := range shared {
		shared[w] = make([]int32, len(raw))
	}
	parallel.For(len(raw), func(w, i int) {
		if repeats[i] < 0 {
			cands[i] = candidates(raw, terms, buckets, shared[w], i)
		}
	})
	// A claim joins a group only when it states the same thing as the
	// group's first claim: comparing with any member would let chains (A
	// overlaps B, B overlaps C) gather claims that share nothing.
	components := connected(cands)
	parallel.For(len(components), func(_, k int) {
		for _, i := range components[k] {
			for _, j := range cands[i] {
				r := groups.Find(int(j))
				if r != groups.Find(i) && sameClaim(raw[r], raw[i], terms[r], terms[i]) {
					groups.Union(i, r)
				}
			}
		}
	})
	var out []*Claim
	byRoot := map[int]*Claim{}
	for i, c := range raw {
		// needed only while merging; a snapshot holds none of it
		c.context, c.ownWords, c.terms = nil, false, nil
		r := groups.Find(i)
		if r == i {
			byRoot[i] = c
			out = append(out, c)
			continue
		}
		absorb(byRoot[r], c)
	}
	return out
}

// verbatimRepeats finds, for each claim, the earlier claim it repeats word
// for word (-1 for none). It fills the shingle buckets with the claims that
// repeat none, in order: each bucket holds the first maxBucket claims with
// its shingle (a shingle repeated in one claim, once per repeat). Keys and
// shingles are made as they are read, not kept for every claim at once: on
// a large corpus they would add hundreds of MB to the build's peak.
func verbatimRepeats(raw []*Claim, terms [][]string) ([]int, map[uint64][]int32) {
	repeats := make([]int, len(raw))
	buckets := map[uint64][]int32{}
	verbatim := map[string]int{} // kind and words -> first claim
	for i, c := range raw {
		repeats[i] = -1
		text := string(c.Kind) + "\x00" + strings.Join(terms[i], " ")
		if j, ok := verbatim[text]; ok && c.Kind != Figure && sameSpeaker(raw[j], c) &&
			(len(terms[i]) >= minClaimWords || c.spans[0].doc == raw[j].spans[0].doc || c.SpeakerID != "" && c.SpeakerID == raw[j].SpeakerID) {
			repeats[i] = j
			continue
		}
		verbatim[text] = i
		for _, key := range shingles(c.Kind, terms[i]) {
			if b := buckets[key]; len(b) < maxBucket {
				buckets[key] = append(b, int32(i))
			}
		}
	}
	return repeats, buckets
}

// candidates returns the earlier claims that claim i shares enough
// shingles with to be worth aligning, in the order first met. A shingle
// counts the claims its bucket held when claim i was added to it, and none
// when the bucket was already full. shared is zero, and left so.
func candidates(raw []*Claim, terms [][]string, buckets map[uint64][]int32, shared []int32, i int) []int32 {
	var order []int32
	keys := shingles(raw[i].Kind, terms[i])
	for k, key := range keys {
		b := buckets[key]
		at, _ := slices.BinarySearch(b, int32(i))
		at += countBefore(keys[:k], key) // the claim's own earlier repeats of it
		if at >= len(b) || b[at] != int32(i) {
			continue // the bucket was full
		}
		for _, j := range b[:at] {
			if shared[j] == 0 {
				order = append(order, j)
			}
			shared[j]++
		}
	}
	var out []int32
	for _, j := range order {
		if int(shared[j]) >= minShared(raw[i].Kind, len(terms[i]), len(terms[j])) {
			out = append(out, j)
		}
		shared[j] = 0
	}
	return out
}

// countBefore counts key among keys.
func countBefore(keys []uint64, key uint64) int {
	n := 0
	for _, k := range keys {
		if k == key {
			n++
		}
	}
	return n
}

// connected groups the claims that have candidates by the links that join
// them, directly or through others, each group in claim order. A claim
// with no candidate has nothing to compare, so it is in no group.
func connected(cands [][]int32) [][]int {
	linked := unionfind.New(len(cands))
	for i, cs := range cands {
		for _, j := range cs {
			linked.Union(i, int(j))
		}
	}
	return linked.Groups(func(i int) bool { return len(cands[i]) > 0 })
}

// minShared is how many three-word shingles two claims must share before
// they are worth aligning. sameClaim needs mergeOverlap of the words to
// align; even with the mismatches spread out, each breaking three shingles,
// that leaves this many intact (a quote may be carried in part, so only the
// shorter text counts for it).
func minShared(k Kind, a, b int) int {
	need := max(a, b)
	if k == Quote {
		need = min(a, b)
	}
	return max(1, int((1-3*(1-mergeOverlap))*float64(need))-2)
}

// shingles returns the hashed three-word shingles of a claim's words (the
// whole text when shorter), salted with its kind: FNV-1a over the kind and
// each word after a zero byte.
func shingles(k Kind, t []string) []uint64 {
	n := min(3, len(t))
	if n == 0 {
		return nil
	}
	out := make([]uint64, 0, len(t)-n+1)
	for i := 0; i+n <= len(t); i++ {
		h := fnvString(fnvOffset, string(k))
		for _, w := range t[i : i+n] {
			h = fnvString(fnvByte(h, 0), w)
		}
		out = append(out, h)
	}
	return out
}

// FNV-1a, 64 bits, read from strings in place (hash/fnv would copy each
// word into a byte slice).
const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

func fnvByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = fnvByte(h, s[i])
	}
	return h
}

// sameClaim decides whether two claims of the same kind state the same
// thing: their words align over most of the shorter one, their speakers do
// not disagree, and figures count the same quantity.
func sameClaim(a, b *Claim, ta, tb []string) bool {
	if a.Kind != b.Kind || !sameSpeaker(a, b) {
		return false
	}
	if a.Kind == Figure {
		return sameFigure(a, b)
	}
	if len(ta) > len(tb) {
		ta, tb = tb, ta
	}
	short, long := len(ta), len(tb)
	if short < mergeMinWords || float64(short) < minQuotedShare*float64(long) || !samePolarity(ta, tb) || !sameNumbers(ta, tb) {
		return false
	}
	// A short phrase ("a republican form of government", "Nothing could
	// be further from the truth") is a formula many write; it is one claim
	// only when one known speaker says it.
	if short < minClaimWords && (a.SpeakerID == "" || a.SpeakerID != b.SpeakerID) {
		return false
	}
	// A quote may be carried in part, but then whole and in one stretch;
	// a sentence of the writer's own is the same claim only when nearly
	// all of both align.
	al := align(short, long, compareStrings(ta, tb))
	if swapsContent(ta, tb[al.first:al.end]) {
		return false
	}
	if a.Kind == Quote {
		return float64(al.matched) >= mergeOverlap*float64(short) && al.end-al.first <= al.matched+max(1, short/5)
	}
	return float64(al.matched) >= mergeOverlap*float64(long)
}

// swapsContent reports whether one text puts content words where the
// other has others, in more than one of ten of its content words: "the
// harvest of northern farms fell" is not "the harvest of western farms
// fell", however alike the rest, while a long passage may carry an edit.
// A word dropped or added on one side only, or spelled another way, is an
// edit, not a swap.
func swapsContent(a, b []string) bool {
	missingA, contentA := unmatchedContent(a, b)
	missingB, _ := unmatchedContent(b, a)
	return min(missingA, missingB)*10 > contentA
}

// unmatchedContent counts a's content words, and those of them b lacks.
func unmatchedContent(a, b []string) (missing, content int) {
	for _, w := range a {
		if words.IsStop(w) || w[0] >= '0' && w[0] <= '9' {
			continue
		}
		content++
		if !slices.ContainsFunc(b, func(o string) bool { return sameWord(w, o) }) {
			missing++
		}
	}
	return missing, content
}

// minClaimWords is the shortest text that is a claim by its words alone.
const minClaimWords = 8

// sameNumbers reports whether two texts state the same numbers: "orders
// paid was 300,917" and "... 361,180" are two claims however alike the
// rest.
func sameNumbers(ta, tb []string) bool {
	var na, nb []string
	for _, w := range ta {
		if w[0] >= '0' && w[0] <= '9' {
			na = append(na, w)
		}
	}
	for _, w := range tb {
		if w[0] >= '0' && w[0] <= '9' {
			nb = append(nb, w)
		}
	}
	slices.Sort(na)
	slices.Sort(nb)
	return slices.Equal(na, nb)
}

// sameFigure: the same quantity of the same unit, about the same named
// subject, said among the same words. A number alone ("$2,000,000", "10
// miles") recurs in unrelated sentences; a date anchors many claims and
// states none.
func sameFigure(a, b *Claim) bool {
	if a.Measure == nil || b.Measure == nil || *a.Measure != *b.Measure || a.Measure.Class == "date" ||
		a.About == "" || !sameWord(a.About, b.About) {
		return false
	}
	ca, cb := a.figureContext(), b.figureContext()
	shared := 0
	for _, w := range ca {
		if slices.ContainsFunc(cb, func(v string) bool { return sameWord(w, v) }) {
			shared++
		}
	}
	return shared >= minFigureContext && 2*shared >= min(len(ca), len(cb))
}

const (
	// figureWindow is how many content words on each side of a figure
	// say what it counts.
	figureWindow = 5
	// minFigureContext is how many of them two figures must share.
	minFigureContext = 2
	// contextBytes is how far from a figure its window is looked for.
	contextBytes = 300
)

// figureContext returns the content words next to a figure in the sentence
// it was found in, up to figureWindow on each side, leaving out numbers,
// stop words and the words of its subject.
func (c *Claim) figureContext() []string {
	if c.context == nil {
		c.context = c.readFigureContext()
	}
	return c.context
}

func (c *Claim) readFigureContext() []string {
	quote := c.Sources[0].Quote
	at := strings.Index(quote, c.Text)
	if at < 0 {
		return []string{}
	}
	// The subject's own words ("treasury") say nothing more.
	content := func(s string) []string {
		var out []string
		for _, w := range words.Terms(s) {
			if !words.IsStop(w) && (w[0] < '0' || w[0] > '9') && !strings.Contains(c.About, w) {
				out = append(out, w)
			}
		}
		return out
	}
	// A few hundred bytes hold the window, however long the sentence (a
	// list of figures may be one).
	end := at + len(c.Text)
	before, after := content(quote[max(0, at-contextBytes):at]), content(quote[end:min(len(quote), end+contextBytes)])
	return append(append([]string{}, before[max(0, len(before)-figureWindow):]...), after[:min(len(after), figureWindow)]...)
}

// sameSpeaker: two linked speakers must be the same actor. An unlinked one
// does not block: the same words of four or more in two documents are one
// claim reported twice, one writer naming "the UN", another "the council".
// A document's author speaking in the first person is known even unlinked:
// two presidents reporting "the state of the Union was good" are two claims.
func sameSpeaker(a, b *Claim) bool {
	if (a.ownWords || b.ownWords) && a.SpeakerID == "" && b.SpeakerID == "" && a.Speaker != "" && b.Speaker != "" {
		return words.Key(a.Speaker) == words.Key(b.Speaker)
	}
	return a.SpeakerID == "" || b.SpeakerID == "" || a.SpeakerID == b.SpeakerID
}

// negations turn a statement into its opposite.
var negations = words.Set(`not no never nor cannot none nothing neither`)

// samePolarity reports whether both texts deny, or neither does: "the
// state of the Union was not good" is not "... was good".
func samePolarity(ta, tb []string) bool {
	return slices.ContainsFunc(ta, func(w string) bool { return negations[w] }) ==
		slices.ContainsFunc(tb, func(w string) bool { return negations[w] })
}

// absorb adds c's source to kept, one citation per document, and fills in
// what kept lacks.
func absorb(kept, c *Claim) {
	kept.spans = append(kept.spans, c.spans...)
	if !hasDoc(kept.Sources, c.Sources[0].Doc) {
		kept.Sources = append(kept.Sources, c.Sources[0])
	}
	if kept.Speaker == "" && c.Speaker != "" {
		kept.Speaker, kept.SpeakerID, kept.Attribution = c.Speaker, c.SpeakerID, c.Attribution
	}
	if kept.About == "" {
		kept.About, kept.State = c.About, c.State
	}
}

func hasDoc(cs []corpus.Citation, doc string) bool {
	for _, c := range cs {
		if c.Doc == doc {
			return true
		}
	}
	return false
}

// claimID names a claim by where it first appears, stable across runs.
func claimID(c *Claim) string {
	h := fnvString(fnvOffset, fmt.Sprintf("%s\x00%s\x00%d\x00%s", c.Sources[0].Doc, c.Kind, c.spans[0].start, c.Text))
	var b strings.Builder
	b.WriteString("c")
	const hex = "0123456789abcdef"
	for v := h; b.Len() < 11; v >>= 4 {
		b.WriteByte(hex[v&15])
	}
	return b.String()
}
