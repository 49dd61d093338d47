package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// generatorVersion changes whenever the generated corpora would change, so
// that a cached corpus from an older harness is rebuilt, not reused.
const generatorVersion = 1

// shardBytes bounds one generated file well under ingest's per-file limit
// (64 MB): loading holds one file's raw text at a time, so the raw text of a
// 1 GB corpus is never in memory whole.
const shardBytes = 16_000_000

// manifest describes one generated corpus; it is written last, so a corpus
// whose generation was interrupted has none and is generated again.
type manifest struct {
	Version int      `json:"version"`
	Seed    uint64   `json:"seed"`
	Target  int64    `json:"target_bytes"`
	Bytes   int64    `json:"bytes"` // text bytes written
	Docs    int      `json:"docs"`
	Copies  int      `json:"copies"` // how many passes over the source corpus
	Shards  []string `json:"shards"`
}

// parseSize reads "10MB", "100MB", "1GB" (decimal units) as bytes.
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}}
	u := strings.ToUpper(strings.TrimSpace(s))
	for _, unit := range units {
		if n, ok := strings.CutSuffix(u, unit.suffix); ok {
			v, err := strconv.ParseFloat(n, 64)
			if err != nil || v <= 0 {
				return 0, fmt.Errorf("bad size %q", s)
			}
			return int64(v * float64(unit.mult)), nil
		}
	}
	return 0, fmt.Errorf("bad size %q: want a number with KB, MB or GB", s)
}

// ensureCorpus returns the manifest of the corpus of size target under
// cache and its path, generating the corpus from the sources when it is
// missing or stale.
func ensureCorpus(cache, label string, target int64, seed uint64, sources func() ([]speech, error)) (manifest, string, error) {
	dir := filepath.Join(cache, fmt.Sprintf("%s-seed%d", label, seed))
	path := filepath.Join(dir, "manifest.json")
	if m, err := readManifest(path); err == nil && m.Version == generatorVersion && m.Target == target && m.Seed == seed {
		return m, path, nil
	}
	m, err := generate(dir, target, seed, sources)
	if err != nil {
		return manifest{}, "", err
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return manifest{}, "", err
	}
	return m, path, os.WriteFile(path, data, 0o644)
}

// generate writes the corpus afresh into dir.
func generate(dir string, target int64, seed uint64, sources func() ([]speech, error)) (manifest, error) {
	src, err := sources()
	if err != nil {
		return manifest{}, err
	}
	if err := os.RemoveAll(dir); err != nil {
		return manifest{}, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return manifest{}, err
	}
	return writeCorpus(dir, src, target, seed, shardBytes)
}

func readManifest(path string) (manifest, error) {
	var m manifest
	data, err := os.ReadFile(path)
	if err == nil {
		err = json.Unmarshal(data, &m)
	}
	return m, err
}

// writeCorpus writes documents until target text bytes: the sources in a
// seeded order, then varied copies of them, each copy with its own names and
// numbers, in shards of about shardSize text bytes. Only the sources and one
// shard's buffer are held in memory.
func writeCorpus(dir string, src []speech, target int64, seed uint64, shardSize int64) (manifest, error) {
	m := manifest{Version: generatorVersion, Seed: seed, Target: target}
	order := rand.New(rand.NewPCG(seed, 0)).Perm(len(src))
	names := properNames(src)
	var w *shardWriter
	defer func() {
		if w != nil {
			w.close()
		}
	}()
	for copyNo := uint64(0); m.Bytes < target; copyNo++ {
		m.Copies++
		v := newVariation(names, seed, copyNo)
		for _, i := range order {
			if m.Bytes >= target {
				break
			}
			if w == nil || w.bytes >= shardSize {
				if w != nil {
					err := w.close()
					w = nil
					if err != nil {
						return m, err
					}
				}
				name := filepath.Join(dir, fmt.Sprintf("shard-%04d.jsonl", len(m.Shards)))
				var err error
				if w, err = newShardWriter(name); err != nil {
					return m, err
				}
				m.Shards = append(m.Shards, name)
			}
			s := speech{Year: src[i].Year, Name: v.apply(src[i].Name), Text: v.apply(src[i].Text)}
			if err := w.write(s); err != nil {
				return m, err
			}
			m.Bytes += int64(len(s.Text))
			m.Docs++
		}
	}
	err := w.close()
	w = nil
	return m, err
}

// shardWriter writes one .jsonl shard.
type shardWriter struct {
	f     *os.File
	buf   *bufio.Writer
	enc   *json.Encoder
	bytes int64
}

func newShardWriter(path string) (*shardWriter, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	buf := bufio.NewWriterSize(f, 1<<20)
	return &shardWriter{f: f, buf: buf, enc: json.NewEncoder(buf)}, nil
}

func (w *shardWriter) write(s speech) error {
	w.bytes += int64(len(s.Text))
	return w.enc.Encode(s)
}

func (w *shardWriter) close() error {
	err := w.buf.Flush()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	return err
}
