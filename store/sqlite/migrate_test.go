package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefbot/store/internal/sqlshared"
)

// TestMigrateOldSchema opens a database left at schema version 1 with a
// subscription in it, and checks that opening migrates it in place.
func TestMigrateOldSchema(t *testing.T) {
	ctx := context.Background()
	ms, err := sqlshared.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) < 2 {
		t.Fatalf("%d migrations, want at least 2", len(ms))
	}
	path := filepath.Join(t.TempDir(), FileName)
	old, err := openWith(ctx, path, ms[:1])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.db.Exec(`INSERT INTO subscriptions (guild_id, channel_id, local_time, timezone, created_at)
		VALUES ('g1', 'c1', '09:00', 'UTC', 0)`); err != nil {
		t.Fatal(err)
	}
	old.Close()

	st, err := OpenFile(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var version int
	if err := st.db.QueryRow(`SELECT MAX(version) FROM schema_migrations`).Scan(&version); err != nil || version != len(ms) {
		t.Fatalf("schema version %d (%v), want %d", version, err, len(ms))
	}
	subs, err := st.Subscriptions(ctx, "g1")
	if err != nil || len(subs) != 1 || subs[0].ChannelID != "c1" || subs[0].Paused() {
		t.Fatalf("after migration: %+v (%v), want the old subscription, active", subs, err)
	}
	if err := st.PauseSubscription(ctx, subs[0].ID, "gone", time.Now()); err != nil {
		t.Errorf("the migrated schema cannot pause: %v", err)
	}
	st.Close()
	if again, err := OpenFile(ctx, path); err != nil {
		t.Errorf("reopening a current database: %v", err)
	} else {
		again.Close()
	}
}

func TestRefuseNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	st, err := OpenFile(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future.sql', 0)`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := OpenFile(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("opening a newer database: %v, want a refusal", err)
	}
}

func TestOpenBadDataDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte(strings.Repeat("not a database\n", 300)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), filepath.Join(file, "sub")); err == nil {
		t.Error("a data directory under a file was accepted")
	}
	if _, err := OpenFile(context.Background(), file); err == nil {
		t.Error("a file that is not a database was accepted")
	}
}

// A data directory whose name holds URI punctuation is that directory: the
// database goes inside it, not in a file named after what comes before.
func TestOpenDataDirWithURIPunctuation(t *testing.T) {
	for _, name := range []string{"a#1", "b?x=1", "c%20d"} {
		dir := filepath.Join(t.TempDir(), name)
		st, err := Open(context.Background(), dir)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		st.Close()
		if _, err := os.Stat(filepath.Join(dir, FileName)); err != nil {
			t.Errorf("%s: the database is not inside: %v", name, err)
		}
	}
}
