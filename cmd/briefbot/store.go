package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"

	"briefbot/knowledge/basecache"
	"briefbot/store"
	"briefbot/store/postgres"
	"briefbot/store/sqlite"
)

// storeFlags choose where serve and ingest keep their state: SQLite in a
// data directory (one machine), or a PostgreSQL database that several
// processes share.
type storeFlags struct {
	data   string
	url    string
	stderr io.Writer
}

func (f *storeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.data, "data", "", "`DIR` for subscriptions, stored documents, followed feeds and the knowledge base snapshot (BRIEFBOT_DATA)")
	fs.StringVar(&f.url, "store", "", "a postgres:// `URL`: keep the state in PostgreSQL, shared by every process, instead of --data (DATABASE_URL)")
}

// withEnv fills what the flags left unset from the environment (the flag
// wins) and takes the standard error the no-home notice goes to.
func (f *storeFlags) withEnv(env *environment) *storeFlags {
	f.data = cmp.Or(f.data, env.getenv("BRIEFBOT_DATA"))
	f.url = cmp.Or(f.url, env.getenv("DATABASE_URL"))
	f.stderr = env.stderr
	return f
}

// chosen reports whether a store was named, by flag or environment.
func (f *storeFlags) chosen() bool { return f.data != "" || f.url != "" }

// open opens the chosen store and says where it is, for the log (never
// the URL, which may hold a password).
func (f *storeFlags) open(ctx context.Context) (store.Store, string, error) {
	if f.url != "" {
		if !postgres.IsURL(f.url) {
			return nil, "", &exitError{code: 2, err: errors.New("--store takes a postgres:// URL; leave it out to keep the state in --data")}
		}
		st, err := postgres.Open(ctx, f.url)
		return st, "postgres", err
	}
	if f.data == "" {
		f.data = sqlite.DefaultDataDir()
		if !filepath.IsAbs(f.data) {
			// No home to keep it under: say where it goes, as it is
			// nowhere anyone would look.
			abs, _ := filepath.Abs(f.data)
			fmt.Fprintf(f.stderr, "briefbot: no --data, BRIEFBOT_DATA, XDG_DATA_HOME or HOME: keeping the state in %s\n", abs)
		}
	}
	st, err := sqlite.Open(ctx, f.data)
	return st, f.data, err
}

// snapshots opens the snapshot cache, which is local to the machine even
// when the state is in PostgreSQL: it lives in the data directory. Without
// one the knowledge base is built on every start, which is slower, not
// wrong, so a cache that cannot be opened is logged, not fatal.
func (f *storeFlags) snapshots(logger *slog.Logger) *basecache.Cache {
	c, err := basecache.Open(cmp.Or(f.data, sqlite.DefaultDataDir()))
	if err != nil {
		logger.Warn("no knowledge base snapshots", "err", err)
	}
	return c
}
