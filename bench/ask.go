package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"sort"
	"time"

	"briefbot/knowledge/answer"
	"briefbot/knowledge/eval"
	"briefbot/knowledge/ingest"
)

// askAll times every generated question and scores hit@1 and hit@3: the
// known sentence appears, normalised, in the top 1 or 3 answers.
func askAll(e engine, qs []question, r *engineResult) {
	h := sha256.New()
	for _, q := range qs {
		h.Write([]byte(q.Text + "\x00"))
	}
	r.Questions, r.QuestionsHash = len(qs), hex.EncodeToString(h.Sum(nil))
	for _, q := range qs[:min(warmUp, len(qs))] {
		e.ask(q.Text, 3)
	}
	times := make([]time.Duration, 0, len(qs))
	hit1, hit3 := 0, 0
	for _, q := range qs {
		t := time.Now()
		res := e.ask(q.Text, 3)
		times = append(times, time.Since(t))
		if found(q, res, 1) {
			hit1++
		}
		if found(q, res, 3) {
			hit3++
		} else if len(r.Misses) < maxMisses {
			r.Misses = append(r.Misses, q)
		}
	}
	r.Ask = summarize(times)
	r.Slowest = slowest(qs, times, maxMisses)
	if len(qs) > 0 {
		r.HitAt1, r.HitAt3 = float64(hit1)/float64(len(qs)), float64(hit3)/float64(len(qs))
	}
}

// slowest returns the n questions that took longest, slowest first.
func slowest(qs []question, times []time.Duration, n int) []slowQuestion {
	order := make([]int, len(times))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return times[order[a]] > times[order[b]] })
	var out []slowQuestion
	for _, i := range order[:min(n, len(order))] {
		out = append(out, slowQuestion{qs[i].Text, ms(times[i])})
	}
	return out
}

// found applies the evaluation rule with the known sentence as the expected
// phrase.
func found(q question, res answer.Result, k int) bool {
	ok, _ := eval.Score(eval.Question{Question: q.Text, ExpectAny: []string{q.Answer}, K: k}, res)
	return ok
}

// loadQuestions reads a question file in the format of knowledge/eval.
func loadQuestions(path string) ([]eval.Question, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("questions: %w", err)
	}
	defer f.Close()
	qs, err := eval.Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return qs, nil
}

func scoreSample(qs []eval.Question, ask func(string, int) answer.Result) score {
	rep := eval.Run(qs, ask)
	return score{Passed: rep.Passed, Total: rep.Total}
}

// sampleOnSeeds scores the sample questions on an engine built from the
// seeds alone, the corpus they were written for.
func sampleOnSeeds(cfg childConfig, qs []eval.Question) (score, error) {
	e, err := newEngine(cfg.Engine, cfg)
	if err != nil {
		return score{}, err
	}
	defer e.close()
	if err := e.add(ingest.Seeds()); err != nil {
		return score{}, err
	}
	if _, err := e.finish(); err != nil {
		return score{}, err
	}
	return scoreSample(qs, e.ask), nil
}
