// Package sqlite is the store.Store kept in one SQLite file in the data
// directory: the default, for one process.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"

	"briefbot/store"
	"briefbot/store/internal/sqlshared"
)

// FileName is the database file inside the data directory.
const FileName = "briefbot.db"

// Store is the store.Store kept in one SQLite file.
type Store struct {
	db *sql.DB
	sqlshared.Tables
}

var _ store.Store = (*Store)(nil)

// DefaultDataDir is where the data lives when no --data is given:
// $XDG_DATA_HOME/briefbot, else ~/.local/share/briefbot, else ./briefbot-data.
func DefaultDataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "briefbot")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "briefbot")
	}
	return "briefbot-data"
}

// Open opens (creating it if needed) the database in dataDir and brings its
// schema up to date.
func Open(ctx context.Context, dataDir string) (*Store, error) {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	return OpenFile(ctx, filepath.Join(dataDir, FileName))
}

// OpenFile opens the database file at path and migrates it.
func OpenFile(ctx context.Context, path string) (*Store, error) {
	ms, err := sqlshared.Migrations()
	if err != nil {
		return nil, err
	}
	return openWith(ctx, path, ms)
}

func openWith(ctx context.Context, path string, ms []sqlshared.Migration) (*Store, error) {
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	if err := sqlshared.Migrate(ctx, db, sqlshared.SQLiteDialect, ms); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	return &Store{db: db, Tables: sqlshared.Tables{DB: db, Dialect: sqlshared.SQLiteDialect}}, nil
}

// dsn asks for a busy timeout, so that two processes sharing the file wait
// for each other instead of failing, WAL for concurrent readers, and
// enforced foreign keys, on every connection of the pool.
func dsn(path string) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_txlock", "immediate")
	return "file:" + uriPath.Replace(path) + "?" + q.Encode()
}

// uriPath escapes what a file: URI would read as its query or fragment, so
// that a data directory named "a#b" is that directory, not "a".
var uriPath = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }
