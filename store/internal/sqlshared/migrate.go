// Package sqlshared is what the SQLite and PostgreSQL stores share: the
// schema's migrations and the dialects that run them, and the tables both
// keep through the same SQL (Tables; the library's rows). It is internal so
// that the SQL stays out of the store's API.
package sqlshared

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migration is one schema change; versions count from 1 and never change
// once released: a new schema is a new file.
type Migration struct {
	version int
	name    string
	sql     string
}

// Migrations returns the embedded migrations in version order. Their file
// names start with the version: 0002_pause.sql.
func Migrations() ([]Migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []Migration
	for _, e := range entries {
		prefix, _, _ := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(prefix)
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with its version", e.Name())
		}
		text, err := fs.ReadFile(migrationFiles, "migrations/"+e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{version: v, name: e.Name(), sql: string(text)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d", m.name, i+1)
		}
	}
	return ms, nil
}

// Dialect is how one database runs the shared migrations. They are written
// for SQLite in the subset of SQL both databases accept; Translate covers
// what differs (column types).
type Dialect struct {
	// Translate rewrites a migration for this database; nil keeps it.
	Translate func(sql string) string
	// Bind writes the n-th (from 1) bind parameter of a statement.
	Bind func(n int) string
	// Lock and Unlock, when set, keep two processes from migrating at once
	// (an advisory lock held by the migrating connection).
	Lock, Unlock string
}

// SQLiteDialect runs the migrations as written; SQLite's own file lock
// serializes migrating processes.
var SQLiteDialect = Dialect{Bind: func(int) string { return "?" }}

// Migrate brings db's schema up to date with ms (Migrations, or the first
// of them in a test of an old schema): it applies, each in its own
// transaction, the migrations the database has not seen, recording them in
// schema_migrations. A database newer than this program is refused rather
// than misread.
func Migrate(ctx context.Context, db *sql.DB, d Dialect, ms []Migration) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if d.Lock != "" {
		if _, err := conn.ExecContext(ctx, d.Lock); err != nil {
			return fmt.Errorf("locking the schema: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), d.Unlock) //nolint:errcheck // closing the session unlocks too
	}
	if _, err := conn.ExecContext(ctx, d.translate(`CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`)); err != nil {
		return fmt.Errorf("creating schema_migrations: %w", err)
	}
	var current int
	if err := conn.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("reading schema version: %w", err)
	}
	if current > len(ms) {
		return fmt.Errorf("database schema version %d is newer than this program's %d", current, len(ms))
	}
	for _, m := range ms[current:] {
		if err := d.apply(ctx, conn, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

func (d Dialect) translate(sql string) string {
	if d.Translate == nil {
		return sql
	}
	return d.Translate(sql)
}

func (d Dialect) apply(ctx context.Context, conn *sql.Conn, m Migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if _, err := tx.ExecContext(ctx, d.translate(m.sql)); err != nil {
		return err
	}
	insert := fmt.Sprintf(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)`,
		d.Bind(1), d.Bind(2), d.Bind(3))
	if _, err := tx.ExecContext(ctx, insert, m.version, m.name, time.Now().UnixMilli()); err != nil {
		return err
	}
	return tx.Commit()
}
