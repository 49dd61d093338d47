package claims

import (
	"fmt"
	"strings"
	"testing"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/words"
)

var regions = []string{"northern", "southern", "eastern", "western", "coastal", "mountain", "river", "desert"}

// oneSpeaker is n short speeches by one speaker: the same formulae, sums
// and units in every speech, said about different districts, regions and
// roads.
func oneSpeaker(n int) []*corpus.Document {
	docs := make([]*corpus.Document, n)
	for i := range docs {
		docs[i] = corpus.New(fmt.Sprintf("speech-%04d", i), fmt.Sprintf("speech-%04d.txt", i),
			corpus.Meta{Title: fmt.Sprintf("Address %d", i), Author: "Jane Marlow", Date: fmt.Sprintf("%04d-01-15", 1000+i%999)},
			[]string{
				"I thank you for the honor of addressing you again.",
				fmt.Sprintf("I propose that the budget of district %d be raised by $2,000,000 this year.", i),
				fmt.Sprintf("We will build %d miles of road in the %s region, and %d bridges.", 10+i%7, regions[i%len(regions)], i%5+1),
				fmt.Sprintf("The harvest of %s farms fell by 10 percent, the ministry said.", regions[(i*3)%len(regions)]),
			})
	}
	return docs
}

// quotingEachOther is a report and n commentaries, each quoting the
// report's long finding whole and adding a judgement of its own about
// another region.
func quotingEachOther(n int) []*corpus.Document {
	finding := "The inspectors found that the reservoir had lost a third of its capacity to silt over a decade, and that the dam's spillway would not survive a flood of the size seen in the last century."
	docs := []*corpus.Document{corpus.New("report", "report.txt", corpus.Meta{Title: "Reservoir report"},
		[]string{finding, "The report was delivered to the council in March."})}
	for i := range n {
		docs = append(docs, corpus.New(fmt.Sprintf("comment-%02d", i), fmt.Sprintf("comment-%02d.txt", i), corpus.Meta{Title: fmt.Sprintf("Commentary %d", i)},
			[]string{
				fmt.Sprintf("The report said: “%s”", finding),
				fmt.Sprintf("The council of the %s region will probably ignore the warning, as it ignored the last one.", regions[i%len(regions)]),
			}))
	}
	return docs
}

// figureList is a document that is one long list of figures, and a
// second list of the same items with other quantities.
func figureList(n int) []*corpus.Document {
	var a, b []string
	for i := range n {
		a = append(a, fmt.Sprintf("Depot %d holds %d tonnes of grain.", i, 100+i%50))
		b = append(b, fmt.Sprintf("Depot %d holds %d tonnes of grain.", i, 151+i%50))
	}
	return []*corpus.Document{
		corpus.New("list-a", "list-a.txt", corpus.Meta{Title: "Stocks in May"}, []string{strings.Join(a, " ")}),
		corpus.New("list-b", "list-b.txt", corpus.Meta{Title: "Stocks in June"}, []string{strings.Join(b, " ")}),
	}
}

// capitals is a wire service writing every word in capitals.
func capitals(n int) []*corpus.Document {
	docs := make([]*corpus.Document, n)
	for i := range docs {
		docs[i] = corpus.New(fmt.Sprintf("wire-%03d", i), fmt.Sprintf("wire-%03d.txt", i), corpus.Meta{Title: fmt.Sprintf("WIRE %d", i)},
			[]string{
				fmt.Sprintf("JOHN SMITH SAID THE TALKS IN THE %s REGION WOULD RESUME ON MONDAY.", strings.ToUpper(regions[i%len(regions)])),
				fmt.Sprintf("THE ARMY REPORTED %d CASUALTIES AFTER THE FIGHTING NEAR THE BORDER.", i%9+2),
			})
	}
	return docs
}

// TestNoFalseCorroborationBurst: corpora that repeat formulae, quote each
// other, list figures or shout in capitals corroborate a claim only where
// its documents state the same thing: every citation of a claim citing
// several documents quotes the same words.
func TestNoFalseCorroborationBurst(t *testing.T) {
	for _, c := range []struct {
		name     string
		docs     []*corpus.Document
		wantText string // a claim that must be corroborated by wantDocs documents
		wantDocs int
	}{
		{"5,000 speeches by one speaker", oneSpeaker(5000), "", 0},
		// The twelve commentaries quote the finding; the report states it
		// in its own voice.
		{"documents quoting each other at length", quotingEachOther(12), "the dam's spillway would not survive a flood", 12},
		{"one long list of figures", figureList(3000), "", 0},
		{"names in capitals", capitals(200), "", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := Extract(c.docs, actors.Build(c.docs))
			found := c.wantText == ""
			for _, cl := range s.All() {
				n := corpus.DistinctDocs(cl.Sources)
				if n < 2 {
					continue
				}
				if strings.Contains(cl.Text, c.wantText) && n >= c.wantDocs {
					found = true
				}
				first := sameWords(cl.Sources[0].Quote)
				for _, src := range cl.Sources[1:] {
					if !strings.Contains(sameWords(src.Quote), first) && !strings.Contains(first, sameWords(src.Quote)) {
						t.Errorf("%q corroborated by %d documents, among them %q and %q", cl.Text, n, cl.Sources[0].Quote, src.Quote)
						break
					}
				}
			}
			if !found {
				t.Errorf("no claim holding %q is corroborated by %d documents", c.wantText, c.wantDocs)
			}
		})
	}
}

// sameWords folds a quote to its words, so that punctuation and case do
// not tell two citations of one statement apart.
func sameWords(q string) string { return words.Normalize(q) }

func BenchmarkExtractOneSpeaker5000(b *testing.B) {
	docs := oneSpeaker(5000)
	reg := actors.Build(docs)
	b.ResetTimer()
	for range b.N {
		Extract(docs, reg)
	}
}
