// Package pgtest gives tests an empty PostgreSQL schema of their own in the
// test database named by BRIEFBOT_TEST_POSTGRES, or skips them when none is
// configured (.ci/run starts one), and runs a test on each store driver.
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"briefbot/store"
	"briefbot/store/postgres"
	"briefbot/store/sqlite"
)

// EnvVar names the test database: postgres://user@host:port/db.
const EnvVar = "BRIEFBOT_TEST_POSTGRES"

var schemas atomic.Int64

// URL returns the address of a new, empty schema in the test database,
// dropped when the test ends. It skips the test when EnvVar is not set.
func URL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvVar)
	if base == "" {
		t.Skip(EnvVar + " is not set: no PostgreSQL test database (.ci/run starts one)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connecting to %s: %v", EnvVar, err)
	}
	defer conn.Close(ctx)
	// Unique across the test binaries that share the database at once.
	schema := fmt.Sprintf("t_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, schemas.Add(1))
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("creating schema: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if conn, err := pgx.Connect(ctx, base); err == nil {
			_, _ = conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			conn.Close(ctx)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", EnvVar, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// EachDriver runs test twice, as subtests "sqlite" and "postgres", each on
// one empty database: a SQLite file, or a schema of the test database
// (skipped when none is configured). open returns a new handle on it, as a
// process of its own would have, closed when the test ends.
func EachDriver(t *testing.T, test func(t *testing.T, open func() store.Store)) {
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), sqlite.FileName)
		test(t, opener(t, func(ctx context.Context) (store.Store, error) { return sqlite.OpenFile(ctx, path) }))
	})
	t.Run("postgres", func(t *testing.T) {
		url := URL(t)
		test(t, opener(t, func(ctx context.Context) (store.Store, error) { return postgres.Open(ctx, url) }))
	})
}

func opener(t *testing.T, open func(context.Context) (store.Store, error)) func() store.Store {
	return func() store.Store {
		t.Helper()
		st, err := open(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
}
