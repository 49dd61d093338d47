package live

import (
	"errors"
	"io/fs"
	"log/slog"
	"time"

	"briefbot/knowledge"
	"briefbot/knowledge/basecache"
	"briefbot/knowledge/corpus"
)

// batch is what a source loaded: the documents, and either the base a
// snapshot already holds for them or how to name their content so that a
// base built from them can be kept.
type batch struct {
	docs []*corpus.Document
	base *knowledge.Base // read from a snapshot; nil: to be built
	// rekey names the documents' content as it is now; nil when the source
	// keeps no snapshot. It is asked again after the build, and the build
	// is kept only if the content did not change meanwhile.
	rekey func() (basecache.Key, error)
	key   basecache.Key // rekey's answer before loading
}

// snapshots reads and keeps built bases; a nil cache does neither.
type snapshots struct {
	cache *basecache.Cache
	log   *slog.Logger
}

// keep saves b as the snapshot of l's documents, if they are still what
// l's key names, and returns the base to serve: where snapshots are mapped
// into memory, the snapshot read back (its texts then off the heap, for a
// tenth of the build's time), or else b.
func (s snapshots) keep(l batch, b *knowledge.Base) *knowledge.Base {
	if s.cache == nil || l.rekey == nil {
		return b
	}
	if now, err := l.rekey(); err != nil || now != l.key {
		s.log.Info("live: documents changed during the build; snapshot not kept")
		return b
	}
	start := time.Now()
	if err := s.cache.Save(l.key, b); err != nil {
		s.log.Warn("live: keeping the snapshot", "err", err)
		return b
	}
	s.log.Info("live: snapshot kept", "path", s.cache.Path(), "took", time.Since(start).String())
	if !basecache.Mapped {
		return b // read back, it would be a copy of b
	}
	kept, _, err := s.cache.Load(func() (basecache.Key, error) { return l.key, nil })
	if err != nil {
		s.log.Warn("live: reading back the snapshot just kept; serving the base built", "err", err)
		return b
	}
	return kept
}

// keyed prepares a batch named by rekey; ok is false when the key cannot
// be computed. On the first load (start-up) it also reads the snapshot of
// that content, when there is one (a missing, stale or corrupt snapshot
// only costs a build). Later loads follow a change, which the snapshot,
// kept from the base being replaced, cannot hold: reading it would only
// cost a decode.
func (s snapshots) keyed(rekey func() (basecache.Key, error), first bool) (l batch, ok bool) {
	if s.cache == nil {
		return batch{}, false
	}
	if !first {
		key, err := rekey()
		if err != nil {
			s.log.Warn("live: naming the documents for the snapshot", "err", err)
			return batch{}, false
		}
		return batch{rekey: rekey, key: key}, true
	}
	start := time.Now()
	b, key, err := s.cache.Load(rekey)
	switch {
	case err == nil:
		s.log.Info("live: knowledge base read from its snapshot", "path", s.cache.Path(), "took", time.Since(start).String())
	case errors.Is(err, fs.ErrNotExist):
	case errors.Is(err, basecache.ErrStale):
		s.log.Info("live: snapshot is of other documents or another build; rebuilding", "path", s.cache.Path())
	case errors.Is(err, basecache.ErrCorrupt):
		s.log.Warn("live: snapshot unusable; rebuilding", "path", s.cache.Path(), "err", err)
	default:
		s.log.Warn("live: naming the documents for the snapshot", "err", err)
		return batch{}, false
	}
	l = batch{rekey: rekey, key: key, base: b}
	if b != nil {
		l.docs = b.Docs()
	}
	return l, true
}
