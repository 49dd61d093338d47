// Package live keeps the knowledge base in step with its documents: the
// --docs directories, polled and re-ingested when a file is added, changed
// or removed, or the documents `briefbot ingest` stored, polled and (on
// PostgreSQL) announced by notification. It serves a change at once, the
// new documents built alone and laid over the current base, then builds a
// new base of every document and swaps it in whole, so that readers never
// see a half-built one. Each document's first-seen time goes to the store,
// so that "new since the last briefing" holds across restarts.
package live

import (
	"cmp"
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"briefbot/knowledge"
	"briefbot/knowledge/basecache"
	"briefbot/knowledge/corpus"
	"briefbot/knowledge/ingest"
)

// DefaultInterval is how often the directories are polled.
const DefaultInterval = 5 * time.Second

// Config configures a Watcher. Paths and Build are required.
type Config struct {
	// Paths are the files and directories given with --docs.
	Paths []string
	// Library, when Paths is empty, serves the documents stored in it by
	// `briefbot ingest`, or Fallback while it holds none.
	Library  Library
	Fallback []*corpus.Document
	// Build makes a knowledge base of the documents; it is called on the
	// watcher's goroutine, after the documents' first-seen times are stored.
	Build func([]*corpus.Document) *knowledge.Base
	// Snapshots keeps each built base, keyed by the documents' content, and
	// a restart on the same documents reads it instead of building; nil
	// keeps none.
	Snapshots *basecache.Cache
	// Store records when each document was first seen and last changed;
	// nil records nothing.
	Store   SeenRecorder
	Options ingest.Options
	// Interval between polls; default DefaultInterval.
	Interval time.Duration
	Logger   *slog.Logger
	// Now stamps first-seen times; default time.Now.
	Now func() time.Time
}

// Library is where the documents stored by `briefbot ingest` are read.
// One that is also a Listener wakes the watcher when documents are stored.
type Library interface {
	DocumentHashes(ctx context.Context) (map[string]string, error)
	StoredDocuments(ctx context.Context, ids []string) ([]corpus.Stored, error)
}

// Listener is a library that tells every process at once when documents
// are stored (PostgreSQL's LISTEN/NOTIFY); other libraries are polled.
type Listener interface {
	// ListenDocuments calls changed after each change to the stored
	// documents, in any process, until ctx ends (nil) or it can listen no
	// more (an error; the watcher listens again after a pause).
	ListenDocuments(ctx context.Context, changed func()) error
}

// SeenRecorder records when each document was first seen and last
// changed.
type SeenRecorder interface {
	SeeDocuments(ctx context.Context, docs map[string]string, now time.Time) error
}

// Watcher serves the current knowledge base and replaces it when the
// documents change.
type Watcher struct {
	cfg     Config
	log     *slog.Logger
	current atomic.Pointer[knowledge.Base]
	// wake asks Run for a poll before the next tick.
	wake chan struct{}

	mu        sync.Mutex // one poll at a time
	src       source
	snapshots snapshots
	hashes    map[string]string // document id -> content hash of the current base
}

// ErrNoDocuments is returned when no path holds a readable document.
var ErrNoDocuments = errors.New("no readable document")

// New loads the documents and builds the first base. Files that cannot be
// loaded are logged and skipped; no document at all is an error.
func New(ctx context.Context, cfg Config) (*Watcher, error) {
	if (len(cfg.Paths) == 0 && cfg.Library == nil) || cfg.Build == nil {
		return nil, errors.New("live: Paths or Library, and Build, are required")
	}
	cfg.Interval = cmp.Or(cfg.Interval, DefaultInterval)
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	w := &Watcher{cfg: cfg, log: cmp.Or(cfg.Logger, slog.Default()), wake: make(chan struct{}, 1)}
	snaps := snapshots{cache: cfg.Snapshots, log: w.log}
	if len(cfg.Paths) > 0 {
		w.src = &fileSource{paths: cfg.Paths, options: cfg.Options, log: w.log, snapshots: snaps}
	} else {
		w.src = &librarySource{library: cfg.Library, fallback: cfg.Fallback, snapshots: snaps}
	}
	w.snapshots = snaps
	if _, err := w.Poll(ctx); err != nil {
		return nil, err
	}
	if w.Base() == nil {
		return nil, ErrNoDocuments
	}
	return w, nil
}

// Base returns the current knowledge base. It never blocks on a rebuild.
func (w *Watcher) Base() *knowledge.Base { return w.current.Load() }

// Run polls every Interval, and at once when a library that can announce
// stored documents does, until ctx is cancelled.
func (w *Watcher) Run(ctx context.Context) error {
	if listener, ok := w.cfg.Library.(Listener); ok && len(w.cfg.Paths) == 0 {
		go w.listen(ctx, listener)
	}
	tick := time.NewTicker(w.cfg.Interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		case <-w.wake:
		}
		if _, err := w.Poll(ctx); err != nil {
			w.log.Error("live: reloading documents", "err", err)
		}
	}
}

// listen wakes the watcher whenever the library announces stored
// documents, listening again after a pause (doubling up to a minute) when
// the library stops, with a poll then for what it may have missed.
func (w *Watcher) listen(ctx context.Context, l Listener) {
	pause := time.Second
	for {
		err := l.ListenDocuments(ctx, w.Wake)
		if ctx.Err() != nil {
			return
		}
		w.log.Warn("live: listening for stored documents", "err", err, "retry_in", pause.String())
		select {
		case <-ctx.Done():
			return
		case <-time.After(pause):
		}
		pause = min(2*pause, time.Minute)
		w.Wake()
	}
}

// Wake asks Run to poll now rather than at the next tick.
func (w *Watcher) Wake() {
	select {
	case w.wake <- struct{}{}:
	default: // a poll is already asked for
	}
}

// Poll reloads the documents if any may have changed since the last poll,
// and swaps in a new base if any did. It reports whether it did.
func (w *Watcher) Poll(ctx context.Context) (bool, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	l, ok, err := w.src.load(ctx)
	if err != nil || !ok {
		return false, err
	}
	hashes := contentHashes(l.docs)
	if sameHashes(hashes, w.hashes) || len(l.docs) == 0 {
		if len(l.docs) == 0 && w.hashes != nil {
			w.log.Warn("live: no readable document left; keeping the previous knowledge base")
		}
		return false, nil
	}
	if w.cfg.Store != nil {
		if err := w.cfg.Store.SeeDocuments(ctx, hashes, w.cfg.Now()); err != nil {
			w.src.forget() // unchanged files must not hide the change next time
			return false, err
		}
	}
	added, gone := changed(l.docs, hashes, w.hashes), removed(hashes, w.hashes)
	base := l.base
	if base == nil {
		w.amend(added, gone, len(l.docs))
		base = w.snapshots.keep(l, w.cfg.Build(l.docs))
	}
	w.current.Store(base)
	go base.Warm() // served meanwhile: a question that comes first warms its own
	w.log.Info("live: knowledge base updated", "documents", len(l.docs), "from_snapshot", l.base != nil, "added_or_changed", len(added),
		"removed", len(gone))
	w.hashes = hashes
	return true, nil
}

// amend serves the added documents at once, in a segment of their own laid
// over the current base, while the whole base is rebuilt: minutes on a
// large corpus. It does when most of the documents are unchanged.
func (w *Watcher) amend(added []*corpus.Document, removed []string, total int) {
	current := w.current.Load()
	if current == nil || 2*len(added) >= total {
		return
	}
	w.current.Store(current.Amend(added, removed))
	w.log.Info("live: serving the added documents while the knowledge base is rebuilt", "added_or_changed", len(added), "removed", len(removed))
}

// contentHashes maps each document's id to its content hash.
func contentHashes(docs []*corpus.Document) map[string]string {
	hashes := make(map[string]string, len(docs))
	for _, d := range docs {
		hashes[d.ID] = d.ContentHash()
	}
	return hashes
}

func sameHashes(a, b map[string]string) bool {
	if b == nil || len(a) != len(b) {
		return false
	}
	for id, h := range a {
		if b[id] != h {
			return false
		}
	}
	return true
}

// changed lists the documents that are new or differ from before.
func changed(docs []*corpus.Document, now, before map[string]string) []*corpus.Document {
	var out []*corpus.Document
	for _, d := range docs {
		if before[d.ID] != now[d.ID] {
			out = append(out, d)
		}
	}
	return out
}

// removed lists the ids of documents of before missing from now.
func removed(now, before map[string]string) []string {
	var out []string
	for id := range before {
		if _, ok := now[id]; !ok {
			out = append(out, id)
		}
	}
	return out
}
