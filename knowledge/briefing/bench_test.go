package briefing_test

import (
	"testing"
	"time"

	"briefbot/knowledge/briefing"
)

// BenchmarkCompose composes the seeds' briefing from a built base (actors
// and claims are built once, as the knowledge base does).
func BenchmarkCompose(b *testing.B) {
	in := seeds()
	in.Since = time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		briefing.Compose(in)
	}
}

func BenchmarkMarkdown(b *testing.B) {
	br := briefing.Compose(seeds())
	for b.Loop() {
		briefing.Markdown(br)
	}
}
