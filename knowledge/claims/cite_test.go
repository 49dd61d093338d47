package claims

import (
	"math"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

func TestCiteExactAndNormalised(t *testing.T) {
	s, docs := seedSet(t)
	r := s.Cite("al-Qaida will probably come back")
	if !r.Found || r.Matches[0].Similarity != 1 || r.Matches[0].Method != "exact" {
		t.Fatalf("exact quote: %+v", r)
	}
	if r.Matches[0].Speaker == "" || !speakerIs(r.Matches[0].Speaker, "Ben Wallace") {
		t.Errorf("speaker = %q", r.Matches[0].Speaker)
	}
	// Straight quotes and a lost apostrophe for the document's curly ones.
	r = s.Cite(`"Its a Catch-22. The Taliban ensuring that al-Qaeda sticks to rule"`)
	if !r.Found || r.Matches[0].Method == "fuzzy" && r.Matches[0].Similarity < 0.9 {
		t.Fatalf("normalised quote: %+v", r)
	}
	for _, m := range r.Matches {
		if !strings.Contains(textOf(docs, m.Citation.Doc), m.Citation.Quote) {
			t.Errorf("citation quote not verbatim: %q", m.Citation.Quote)
		}
	}
}

func TestCiteEveryOccurrenceEarliestFirst(t *testing.T) {
	s, _ := seedSet(t)
	r := s.Cite("is present in at least 15 Afghan provinces")
	if corpus.DistinctDocs(citations(r)) != 3 {
		t.Fatalf("found in %d documents, want 3: %+v", corpus.DistinctDocs(citations(r)), r.Matches)
	}
	// Equal similarity: the dated sources come first, oldest first.
	if r.Matches[0].Citation.Date != "2021-08-20" || r.Matches[1].Citation.Date != "2021-09-07" {
		t.Errorf("order: %s, %s", r.Matches[0].Citation.Date, r.Matches[1].Citation.Date)
	}
}

// A quote said twice in one long paragraph is found twice, each citation
// naming its own sentence, the earlier first.
func TestCiteTellsSentencesOfALongParagraphApart(t *testing.T) {
	said := "The harbour will reopen before the winter storms arrive."
	var b strings.Builder
	for i := 1; i <= 30; i++ {
		if i == 9 || i == 24 {
			b.WriteString(said + " ")
			continue
		}
		b.WriteString("Ships waited in line number " + strings.Repeat("I", i%5+1) + " for the tide. ")
	}
	docs := []*corpus.Document{corpus.New("speech", "speech.txt", corpus.Meta{}, []string{b.String()})}
	r := Extract(docs, nil).Cite(said)
	var got []int
	for _, m := range r.Matches {
		if m.Citation.Quote == said {
			got = append(got, m.Citation.Sentence)
		}
	}
	if len(got) != 2 || got[0] != 9 || got[1] != 24 {
		t.Errorf("sentences of the matches %v, want [9 24]: %+v", got, r.Matches)
	}
}

func citations(r CiteResult) []corpus.Citation {
	var out []corpus.Citation
	for _, m := range r.Matches {
		out = append(out, m.Citation)
	}
	return out
}

func textOf(docs []*corpus.Document, id string) string {
	for _, d := range docs {
		if d.ID == id {
			return d.Text
		}
	}
	return ""
}

// TestCiteFindsEveryQuoteWithOneWordChanged changes one word in each
// sentence of every quote claim of the seeds, then drops one, and expects
// the source document to be found.
func TestCiteFindsEveryQuoteWithOneWordChanged(t *testing.T) {
	s, _ := seedSet(t)
	tried := 0
	for _, c := range s.ByKind(Quote) {
		for _, sentence := range quoteSentences(c.Text) {
			toks := words.Tokenize(sentence)
			if len(toks) < 5 {
				continue
			}
			mid := toks[len(toks)/2]
			for _, variant := range []string{
				sentence[:mid.Start] + "elephant" + sentence[mid.End:],           // a changed word
				sentence[:mid.Start] + strings.TrimLeft(sentence[mid.End:], " "), // a dropped word
			} {
				tried++
				r := s.Cite(variant)
				if !r.Found || !citesDoc(r, c.Sources[0].Doc) {
					t.Errorf("not found: %q (from %s)", variant, c.Sources[0].Doc)
					continue
				}
				if sim := r.Matches[0].Similarity; sim >= 1 || sim < citeThreshold {
					t.Errorf("similarity %.3f for a misquote: %q", sim, variant)
				}
			}
		}
	}
	t.Logf("%d misquotes of %d quote claims tried", tried, len(s.ByKind(Quote)))
	if tried < 30 {
		t.Errorf("only %d misquotes tried", tried)
	}
}

func quoteSentences(text string) []string {
	var out []string
	for _, sp := range corpus.SplitSentences(text) {
		out = append(out, text[sp[0]:sp[1]])
	}
	return out
}

func citesDoc(r CiteResult, doc string) bool {
	for _, m := range r.Matches {
		if m.Citation.Doc == doc {
			return true
		}
	}
	return false
}

func TestCiteAbsentSentencesAreNotFound(t *testing.T) {
	s, _ := seedSet(t)
	for _, q := range []string{
		"The Taliban have cut all ties with al-Qaeda since the Doha agreement was signed.",
		"UN monitors estimate that al-Qaeda has 10,000 fighters in Afghanistan.",
		"Al-Qaeda has been completely destroyed in Afghanistan by American forces.",
		"Ayman al-Zawahiri is alive and living in Iran, according to Pakistani officials.",
		"The Taliban will hand over every foreign fighter to the United Nations.",
		"Ben Wallace said al-Qaida will never return to Afghanistan.",
		"Russia and China have recognised the Taliban government in Kabul.",
		"The Haqqani network has broken with al-Qaeda over the killing of its leader.",
		"Al-Qaeda in the Indian Subcontinent was dissolved in 2022.",
		"Sirajuddin Haqqani told reporters that no terrorists live in Kabul.",
		"The prison breaks freed no al-Qaeda members, the Taliban insisted.",
		"Western embassies reopened in Kabul last year with Taliban protection.",
	} {
		if r := s.Cite(q); r.Found {
			t.Errorf("absent sentence found: %q -> %.3f %q", q, r.Matches[0].Similarity, r.Matches[0].Citation.Quote)
		}
	}
}

func TestCiteBadInputIsSafe(t *testing.T) {
	s, _ := seedSet(t)
	for _, q := range []string{"", "   ", "!!!...“”’—", strings.Repeat("?!", 5000), "\x00\xff\xfe"} {
		if r := s.Cite(q); r.Found || r.Matches == nil {
			t.Errorf("Cite(%.20q) = %+v", q, r)
		}
	}
	long := strings.Repeat("the Taliban and al-Qaeda remain close allies in Afghanistan ", 170)[:10000]
	if r := s.Cite(long); r.Found {
		t.Errorf("a 10,000-character repetition was found: %.3f", r.Matches[0].Similarity)
	}
	// A long genuine passage is still found.
	para := s.docs[0].ParagraphText(13)
	if r := s.Cite(para); !r.Found || r.Matches[0].Citation.Doc != s.docs[0].ID {
		t.Errorf("a whole paragraph was not found")
	}
}

func TestPostingsAreSizedExactly(t *testing.T) {
	for _, places := range [][]int32{{0}, {1, 128}, {127, 16511}, {16384, 16385, math.MaxInt32}, nil} {
		if got, want := gapsSize(places), len(appendGaps(nil, places)); got != want {
			t.Errorf("gapsSize(%v) = %d, want %d", places, got, want)
		}
	}
	s, _ := seedSet(t)
	ix := s.index
	if len(ix.postings) != cap(ix.postings) || int(ix.postingStart[len(ix.words)]) != len(ix.postings) {
		t.Errorf("postings hold %d bytes in %d, the last term ending at %d", len(ix.postings), cap(ix.postings), ix.postingStart[len(ix.words)])
	}
	for id := range ix.words {
		n := 0
		last := int32(-1)
		ix.postingsOf(int32(id), math.MaxInt, func(w int32) {
			if w <= last || w >= ix.firstWord[len(ix.firstWord)-1] {
				t.Fatalf("term %q: posting %d after %d", ix.words[id], w, last)
			}
			last = w
			n++
		})
		if n != int(ix.postingCount[id]) {
			t.Fatalf("term %q: %d postings read, %d counted", ix.words[id], n, ix.postingCount[id])
		}
	}
}
