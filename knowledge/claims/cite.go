package claims

import (
	"math"
	"sort"
	"strings"

	"briefbot/knowledge/words"
)

const (
	// citeThreshold is the least similarity reported as found: one word in
	// five changed, dropped or added still passes; a sentence on the same
	// topic that shares a few names does not.
	citeThreshold = 0.72
	// maxQueryWords bounds the words of a quotation that are aligned.
	maxQueryWords = 300
	// maxAnchors is how many of the query's rarest words are looked up.
	maxAnchors = 12
	// maxPostings skips words too common to point anywhere.
	maxPostings = 50000
	// maxCandidates bounds the places aligned per query; a long query,
	// costlier to align and more specific, gets fewer (candidateWords /
	// its length, at least minCandidates).
	maxCandidates  = 40
	minCandidates  = 8
	candidateWords = 4000
	// diagonalBucket groups nearby offsets of the query in a document.
	diagonalBucket = 8
)

// Cite finds where a quotation comes from: every place in every document
// whose words align with it, best first, earliest source first among
// equals. An exact or normalised copy (quotes, apostrophes, punctuation)
// scores 1; a misquote scores less; below citeThreshold nothing is found.
func (s *Set) Cite(text string) CiteResult {
	res := CiteResult{Query: text, Matches: []Match{}}
	q := words.Terms(text)
	if len(q) == 0 {
		return res
	}
	q = q[:min(len(q), maxQueryWords)]
	type hit struct {
		doc, first, end int
		sim             float64
	}
	var hits []hit
	for _, c := range s.index.candidates(q) {
		slack := 4 + len(q)/5
		lo := max(0, c.diag*diagonalBucket-slack)
		hi := min(s.index.wordCount(c.doc), c.diag*diagonalBucket+diagonalBucket+len(q)+slack)
		if lo >= hi {
			continue
		}
		doc := s.index.wordsAt(c.doc, lo, hi)
		a := align(len(q), len(doc), compareStrings(q, doc))
		sim := a.similarity(len(q))
		if sim < citeThreshold {
			continue
		}
		hits = append(hits, hit{c.doc, lo + a.first, lo + a.end, sim})
	}
	// Keep the best of overlapping hits in one document.
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].sim > hits[j].sim })
	var kept []hit
	for _, h := range hits {
		overlaps := false
		for _, k := range kept {
			if k.doc == h.doc && h.first < k.end && k.first < h.end {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, h)
		}
	}
	trimmed := strings.TrimSpace(text)
	for _, h := range kept {
		d := s.docs[h.doc]
		bs, be := s.index.byteSpan(h.doc, h.first, h.end)
		ss, se := sentenceBounds(d, bs, be)
		m := Match{Similarity: math.Round(h.sim*1000) / 1000, Speaker: s.speakerAt(h.doc, bs, be), Citation: d.Cite(ss, se)}
		switch {
		case h.sim < 1:
			m.Method = "fuzzy"
		case strings.Contains(d.Text[ss:se], trimmed):
			m.Method = "exact"
		default:
			m.Method = "normalized"
		}
		res.Matches = append(res.Matches, m)
	}
	SortMatches(res.Matches, s.docOrder)
	res.Found = len(res.Matches) > 0
	return res
}

// methodRank puts an exact copy before a normalised one of equal score.
var methodRank = map[string]int{"exact": 0, "normalized": 1, "fuzzy": 2}

// SortMatches orders matches best first, then by source date (dated
// sources first), then by document order (each document's position by id)
// and position.
func SortMatches(ms []Match, order map[string]int) {
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Similarity != b.Similarity {
			return a.Similarity > b.Similarity
		}
		if methodRank[a.Method] != methodRank[b.Method] {
			return methodRank[a.Method] < methodRank[b.Method]
		}
		if (a.Citation.Date == "") != (b.Citation.Date == "") {
			return a.Citation.Date != ""
		}
		if a.Citation.Date != b.Citation.Date {
			return a.Citation.Date < b.Citation.Date
		}
		if order[a.Citation.Doc] != order[b.Citation.Doc] {
			return order[a.Citation.Doc] < order[b.Citation.Doc]
		}
		if a.Citation.Paragraph != b.Citation.Paragraph {
			return a.Citation.Paragraph < b.Citation.Paragraph
		}
		return a.Citation.Sentence < b.Citation.Sentence
	})
}

// saidSpan is where an attributed claim's text lies in a document.
type saidSpan struct {
	start, end int
	speaker    string
}

// maxSaidLookBack bounds how many earlier spans a lookup checks: spans
// that start long before a match and still hold most of it are rare.
const maxSaidLookBack = 32

// indexSaid lists, per document and by position, the spans of the quote
// and reported claims that name a speaker.
func indexSaid(claims []*Claim, ndocs int) [][]saidSpan {
	said := make([][]saidSpan, ndocs)
	for _, c := range claims {
		if c.Speaker == "" || !isAttributable(c) {
			continue
		}
		for _, sp := range c.spans {
			said[sp.doc] = append(said[sp.doc], saidSpan{sp.start, sp.end, c.Speaker})
		}
	}
	for _, row := range said {
		sort.SliceStable(row, func(i, j int) bool { return row[i].start < row[j].start })
	}
	return said
}

// speakerAt returns the speaker of the attributed claim whose text holds
// most of the byte span [start, end) of document di, or "".
func (s *Set) speakerAt(di, start, end int) string {
	row := s.said[di]
	i := sort.Search(len(row), func(i int) bool { return row[i].start >= end })
	for k := i - 1; k >= 0 && k >= i-maxSaidLookBack; k-- {
		sp := row[k]
		if overlap := min(end, sp.end) - max(start, sp.start); overlap > 0 && 2*overlap >= end-start {
			return sp.speaker
		}
	}
	return ""
}

// candidate is a place worth aligning: a document and a bucket of offsets
// of the query's start in it.
type candidate struct {
	doc, diag, votes int
}

// candidates looks up the query's rarest words and returns the places where
// several of them fall at consistent offsets, most votes first.
func (ix *textIndex) candidates(q []string) []candidate {
	type anchor struct {
		pos int
		id  int32
	}
	var anchors []anchor
	seen := map[int32]bool{}
	for i, w := range q {
		id, ok := ix.vocab[w]
		if !ok || ix.postingCount[id] == 0 || seen[id] {
			continue
		}
		seen[id] = true
		anchors = append(anchors, anchor{i, id})
	}
	sort.SliceStable(anchors, func(i, j int) bool { return ix.postingCount[anchors[i].id] < ix.postingCount[anchors[j].id] })
	anchors = anchors[:min(len(anchors), maxAnchors)]
	type key struct{ doc, diag int }
	votes := map[key]int{}
	for n, a := range anchors {
		if ix.postingCount[a.id] > maxPostings && n > 0 {
			break
		}
		voted := map[key]bool{}
		ix.postingsOf(a.id, maxPostings, func(p int32) {
			doc, pos := ix.place(p)
			k := key{doc, floorDiv(pos-a.pos, diagonalBucket)}
			if !voted[k] {
				voted[k] = true
				votes[k]++
			}
		})
	}
	need := max(1, (len(anchors)+3)/4)
	var out []candidate
	for k, v := range votes {
		if v >= need {
			out = append(out, candidate{k.doc, k.diag, v})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].votes != out[j].votes {
			return out[i].votes > out[j].votes
		}
		if out[i].doc != out[j].doc {
			return out[i].doc < out[j].doc
		}
		return out[i].diag < out[j].diag
	})
	return out[:min(len(out), maxCandidates, max(minCandidates, candidateWords/len(q)))]
}

func floorDiv(a, b int) int {
	if a < 0 {
		return -((-a + b - 1) / b)
	}
	return a / b
}
