package live

import (
	"context"
	"log/slog"

	"briefbot/knowledge/basecache"
	"briefbot/knowledge/ingest"
)

// source is where a Watcher's documents come from: files (--docs) or the
// store's library (briefbot ingest).
type source interface {
	// load returns the documents, or ok false when they cannot have
	// changed since the last load.
	load(ctx context.Context) (l batch, ok bool, err error)
	// forget makes the next load read everything again.
	forget()
}

// fileSource loads the --docs paths when a file was added, changed or
// removed since the last load.
type fileSource struct {
	paths     []string
	options   ingest.Options
	log       *slog.Logger
	snapshots snapshots
	files     fingerprint
	loaded    bool
	reported  map[string]bool // load errors already logged
}

func (s *fileSource) load(context.Context) (batch, bool, error) {
	files := scan(s.paths)
	if s.loaded && files.equal(s.files) {
		return batch{}, false, nil
	}
	first := !s.loaded
	s.files, s.loaded = files, true
	// The snapshot is named by the raw files, so that reading it spares
	// the cleaning as well as the build. (Files skipped when it was built
	// are then not named again in the log.)
	l, _ := s.snapshots.keyed(func() (basecache.Key, error) { return basecache.FilesKey(s.paths, s.options) }, first)
	if l.base == nil {
		var errs []error
		l.docs, errs = ingest.Load(s.paths, s.options)
		s.report(errs)
	}
	return l, true, nil
}

func (s *fileSource) forget() { s.loaded = false }

// report logs the load errors not logged before, so a broken file is
// named once rather than on every poll.
func (s *fileSource) report(errs []error) {
	now := map[string]bool{}
	for _, err := range errs {
		msg := err.Error()
		now[msg] = true
		if !s.reported[msg] {
			s.log.Warn("live: file skipped", "err", msg)
		}
	}
	s.reported = now
}
