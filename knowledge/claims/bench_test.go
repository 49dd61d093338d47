package claims

import (
	"fmt"
	"strings"
	"testing"

	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
)

// longCorpus repeats the seeds' paragraphs into one document of about size
// bytes: a long document must cost linear time, not quadratic.
func longCorpus(size int) []*corpus.Document {
	var paras []string
	seeds := ingest.Seeds()
	n := 0
	for n < size {
		for _, d := range seeds {
			for i := range d.Paragraphs {
				p := d.ParagraphText(i + 1)
				paras = append(paras, p)
				n += len(p) + 2
			}
		}
	}
	return []*corpus.Document{corpus.New("long", "long.txt", corpus.Meta{}, paras)}
}

// BenchmarkExtract runs over 1 MB and 5 MB: time per byte (MB/s) stays
// flat when the work is linear.
func BenchmarkExtract(b *testing.B) {
	for _, mb := range []int{1, 5} {
		docs := longCorpus(mb << 20)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(docs[0].Text)))
			for range b.N {
				Extract(docs, nil)
			}
		})
	}
}

func BenchmarkExtractSeeds(b *testing.B) {
	docs := ingest.Seeds()
	for b.Loop() {
		Extract(docs, nil)
	}
}

func BenchmarkCite5MB(b *testing.B) {
	s := Extract(longCorpus(5<<20), nil)
	queries := []string{
		"al-Qaida will probably come back",
		"The Taliban are terrorists, and they are going to support all terrorists",
		strings.Repeat("the Taliban and al-Qaeda remain close allies ", 230)[:10000],
	}
	b.ResetTimer()
	for range b.N {
		for _, q := range queries {
			s.Cite(q)
		}
	}
}

// BenchmarkExtractCorpus extracts 100 copies of the seeds as separate
// documents (about 5.6 MB), the shape of a real corpus.
func BenchmarkExtractCorpus(b *testing.B) {
	var docs []*corpus.Document
	seeds := ingest.Seeds()
	for i := range 100 {
		for _, d := range seeds {
			c := *d
			c.ID = fmt.Sprintf("%s-%d", d.ID, i)
			docs = append(docs, &c)
		}
	}
	b.ResetTimer()
	for range b.N {
		Extract(docs, nil)
	}
}
