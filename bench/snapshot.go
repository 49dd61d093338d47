package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"briefbot/knowledge"
	"briefbot/knowledge/basecache"
	"briefbot/knowledge/claims"
	"briefbot/knowledge/ingest"
)

// Start-up at scale (issue 8, item 5). After its measurements the briefbot
// child keeps a snapshot of its knowledge base, as `briefbot serve` does in
// its data directory, keyed by the corpus files. A second child then starts
// as a restarted server would: it names the files, reads the snapshot and
// reports ready, and the parent times that start-up as it timed the build.
// Both children digest their answers to the same questions: they must agree.

type snapshotResult struct {
	Bytes     int64   `json:"bytes"`
	SaveMS    float64 `json:"save_ms"`
	OpenMS    float64 `json:"open_ms"`    // from main to the cache opened (the program hashed)
	KeyMS     float64 `json:"key_ms"`     // hashing the corpus files, alongside the reading
	LoadMS    float64 `json:"load_ms"`    // reading and checking the snapshot, the key included
	StartupMS float64 `json:"startup_ms"` // launch to ready of the restarted child, set by the parent
	LiveHeap  int64   `json:"live_heap_bytes"`
	Digest    string  `json:"answers_sha256"` // of the answers to digestQuestions
	// SameAnswers: the restarted child's digest is the built one's.
	SameAnswers bool `json:"same_answers"`
	// AmendMS times the restarted base taking in one new article as the
	// live watcher does (read, then served from a segment of its own while
	// the whole base is rebuilt); AmendCited says the article is then cited.
	AmendMS    float64 `json:"amend_ms,omitempty"`
	AmendCited bool    `json:"amend_cited,omitempty"`
}

// keepSnapshot saves b as the snapshot of the corpus in dir.
func keepSnapshot(b *knowledge.Base, m manifest, dir string) (*snapshotResult, error) {
	cache, err := basecache.Open(dir)
	if err != nil {
		return nil, err
	}
	key, err := basecache.FilesKey(m.Shards, ingest.Options{})
	if err != nil {
		return nil, err
	}
	start := time.Now()
	if err := cache.Save(key, b); err != nil {
		return nil, err
	}
	r := &snapshotResult{SaveMS: ms(time.Since(start)), Digest: answerDigest(b)}
	info, err := os.Stat(cache.Path())
	if err != nil {
		return nil, err
	}
	r.Bytes = info.Size()
	return r, nil
}

// runRestart is the restarted child: ready as soon as the snapshot is read.
func runRestart(cfg childConfig) error {
	start := time.Now()
	m, err := readManifest(cfg.Manifest)
	if err != nil {
		return err
	}
	cache, err := basecache.Open(cfg.Snapshot)
	if err != nil {
		return err
	}
	var keyed time.Duration
	opened := time.Now()
	stop := profile(cfg.Pprof, cfg.Engine+"-restart.prof")
	b, _, err := cache.Load(func() (basecache.Key, error) {
		defer func() { keyed = time.Since(opened) }()
		return basecache.FilesKey(m.Shards, ingest.Options{})
	})
	stop()
	if err != nil {
		return err
	}
	loaded := time.Since(opened)
	fmt.Println(readyLine)
	r := snapshotResult{KeyMS: ms(keyed), LoadMS: ms(loaded), OpenMS: ms(opened.Sub(start)), LiveHeap: liveHeap()}
	heapProfile(cfg.Pprof, cfg.Engine+"-restart-heap.prof")
	r.Digest = answerDigest(b)
	r.AmendMS, r.AmendCited = takeInOne(b)
	return writeJSON(cfg.Out, r)
}

// takeInOne times b taking in one new article: the first seed's text under
// a name the corpus lacks. It reports the milliseconds taken and whether
// the article's first sentence is then cited from it.
func takeInOne(b *knowledge.Base) (float64, bool) {
	start := time.Now()
	docs, errs := ingest.Parse("bench-new-article.txt", ".txt", []byte(ingest.Seeds()[0].Text))
	if len(errs) > 0 || len(docs) != 1 {
		return 0, false
	}
	amended := b.Amend(docs, nil)
	took := ms(time.Since(start))
	cite := amended.Cite(docs[0].SentenceText(0))
	return took, slices.ContainsFunc(cite.Matches, func(m claims.Match) bool { return m.Citation.Doc == docs[0].ID })
}

// answerDigest hashes b's answers to questions drawn from its own
// documents: the first words of every 97th sentence, up to 500 of them.
func answerDigest(b *knowledge.Base) string {
	h := sha256.New()
	asked := 0
	for _, d := range b.Docs() {
		for i := 0; i < len(d.Sentences) && asked < 500; i += 97 {
			words := strings.Fields(d.SentenceText(i))
			data, _ := json.Marshal(b.Ask(strings.Join(words[:min(8, len(words))], " "), 3))
			h.Write(data)
			asked++
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}
