// Package sqldbtest opens throwaway Lightbulb databases for tests: SQLite in
// a temporary folder always, and PostgreSQL in a fresh schema when
// LIGHTBULB_TEST_POSTGRES holds a connection URL.
package sqldbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// PostgresURL returns the test cluster's URL, or "" when there is none. When
// LIGHTBULB_REQUIRE_POSTGRES=1 a missing URL fails the test instead.
func PostgresURL(tb testing.TB) string {
	u := os.Getenv("LIGHTBULB_TEST_POSTGRES")
	if u == "" && os.Getenv("LIGHTBULB_REQUIRE_POSTGRES") == "1" {
		tb.Fatal("LIGHTBULB_REQUIRE_POSTGRES=1 but LIGHTBULB_TEST_POSTGRES is not set")
	}
	return u
}

// Engines runs fn once per available engine as subtests named "sqlite" and
// "postgres", each with a fresh, migrated database.
func Engines(t *testing.T, fn func(t *testing.T, db *sqldb.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, MustOpenSQLite(t)) })
	if PostgresURL(t) == "" {
		t.Log("PostgreSQL skipped: LIGHTBULB_TEST_POSTGRES is not set")
		return
	}
	t.Run("postgres", func(t *testing.T) { fn(t, MustOpenPostgres(t)) })
}

// BenchEngines is Engines for benchmarks: sub-benchmarks "sqlite" and,
// when the test cluster is configured, "postgres", each on a fresh database.
func BenchEngines(b *testing.B, fn func(b *testing.B, db *sqldb.DB)) {
	b.Helper()
	b.Run("sqlite", func(b *testing.B) { fn(b, MustOpenSQLite(b)) })
	if PostgresURL(b) != "" {
		b.Run("postgres", func(b *testing.B) { fn(b, MustOpenPostgres(b)) })
	}
}

// MustOpen returns a migrated database on PostgreSQL when one is configured
// and on SQLite otherwise.
func MustOpen(tb testing.TB) *sqldb.DB {
	tb.Helper()
	if PostgresURL(tb) != "" {
		return MustOpenPostgres(tb)
	}
	return MustOpenSQLite(tb)
}

// MustOpenSQLite returns a migrated SQLite database in tb.TempDir().
func MustOpenSQLite(tb testing.TB) *sqldb.DB {
	tb.Helper()
	return mustMigrate(tb, "sqlite:"+filepath.Join(tb.TempDir(), "test.db"))
}

// MustOpenPostgres returns a migrated database in a new schema of the test
// cluster, dropped when the test ends.
func MustOpenPostgres(tb testing.TB) *sqldb.DB {
	tb.Helper()
	return mustMigrate(tb, MustOpenPostgresURL(tb))
}

// MustOpenPostgresURL creates a new, empty schema in the test cluster, dropped
// when the test ends, and returns a URL that uses it.
func MustOpenPostgresURL(tb testing.TB) string {
	tb.Helper()
	base := PostgresURL(tb)
	if base == "" {
		tb.Skip("PostgreSQL not configured")
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err == nil {
			_, _ = a.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
			a.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// MustOpenDSN opens (and migrates, if needed) the database at dsn, closed
// when the test ends: a second opening stands for a second process.
func MustOpenDSN(tb testing.TB, dsn string) *sqldb.DB { return mustMigrate(tb, dsn) }

func mustMigrate(tb testing.TB, dsn string) *sqldb.DB {
	tb.Helper()
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		tb.Fatalf("open %s: %v", dsn, err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		tb.Fatalf("migrate: %v", err)
	}
	return db
}
