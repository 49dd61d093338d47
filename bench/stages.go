package main

import (
	"fmt"
	"time"

	"briefbot/knowledge/actors"
	"briefbot/knowledge/answer"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/corpus"
)

// stageBreakdown builds briefbot's stages one by one on docs and times each:
// the facade builds them all in one call, which says nothing of where the
// time goes. A stage that panics is reported in failed and left out, so that
// one stage's bug does not lose the other figures.
func stageBreakdown(docs []*corpus.Document) (times map[string]time.Duration, failed []string) {
	times = map[string]time.Duration{}
	var reg *actors.Registry
	var set *claims.Set
	stage := func(name string, build func()) {
		defer func() {
			if r := recover(); r != nil {
				failed = append(failed, fmt.Sprintf("%s: panic: %v", name, r))
			}
		}()
		start := time.Now()
		build()
		times[name] = time.Since(start)
	}
	stage("actors", func() { reg = actors.Build(docs) })
	stage("claims", func() { set = claims.Extract(docs, reg) })
	stage("index", func() { answer.New(docs, reg, set) })
	return times, failed
}
