package knowledge_test

import (
	"os"
	"sync"
	"testing"
	"time"

	"briefbot/knowledge"
	"briefbot/knowledge/ingest"
)

// largeBase is the base of BRIEFBOT_BENCH_DOCS (knowledge/answer/testdata/
// bench-corpus.sh makes 100 MB of addresses), built once for the
// benchmarks of what a whole-base request costs.
var largeBase = sync.OnceValues(func() (*knowledge.Base, error) {
	docs, errs := ingest.Load([]string{os.Getenv("BRIEFBOT_BENCH_DOCS")}, ingest.Options{})
	if len(docs) == 0 {
		return nil, errs[0]
	}
	return knowledge.New(docs), nil
})

func loadLarge(b *testing.B) *knowledge.Base {
	if os.Getenv("BRIEFBOT_BENCH_DOCS") == "" {
		b.Skip("BRIEFBOT_BENCH_DOCS names no corpus (see knowledge/answer/testdata/bench-corpus.sh)")
	}
	kb, err := largeBase()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	return kb
}

// BenchmarkBriefingLarge composes the briefings /briefing shows: the whole
// base's, and the most mentioned actor's.
func BenchmarkBriefingLarge(b *testing.B) {
	kb := loadLarge(b)
	top := kb.Actors("")[0].Name
	for name, actor := range map[string]string{"everything": "", "top actor": top} {
		b.Run(name, func(b *testing.B) {
			for range b.N {
				kb.Briefing(knowledge.BriefQuery{Actor: actor, Now: time.Now()})
			}
		})
	}
}

// BenchmarkDocumentWordsLarge counts every document's words, as /sources
// shows them: counted once per base.
func BenchmarkDocumentWordsLarge(b *testing.B) {
	kb := loadLarge(b)
	for range b.N {
		for _, d := range kb.Docs() {
			kb.Words(d.ID)
		}
	}
}

// BenchmarkAmend takes one new article into a base, as the live watcher
// does when a file arrives, and cites from it to show it is served; the
// whole rebuild that follows is not part of it (bench/ times the build).
func BenchmarkAmend(b *testing.B) {
	b.Run("seeds", func(b *testing.B) { benchAmend(b, knowledge.New(ingest.Seeds())) })
	b.Run("large", func(b *testing.B) { benchAmend(b, loadLarge(b)) })
}

func benchAmend(b *testing.B, kb *knowledge.Base) {
	seed := ingest.Seeds()[0]
	for b.Loop() {
		docs, errs := ingest.Parse("new-article.txt", ".txt", []byte(seed.Text))
		if len(errs) > 0 {
			b.Fatal(errs[0])
		}
		if !kb.Amend(docs, nil).Cite(docs[0].SentenceText(0)).Found {
			b.Fatal("the new article is not cited")
		}
	}
}
