package sqldb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// Migrate applies every embedded migration not yet recorded, each in its own
// transaction, and returns how many it applied. Several processes may call
// it at once on one database (two `serve` processes starting together): on
// PostgreSQL they queue on an advisory lock held for the whole migration; on
// SQLite each migration's transaction takes the write lock at BEGIN
// (BEGIN IMMEDIATE) and checks again inside it whether another process got
// there first. Either way each migration is applied once and every caller
// returns with the schema up to date.
func (db *DB) Migrate(ctx context.Context) (int, error) { return db.MigrateThen(ctx, nil) }

// MigrateThen migrates as Migrate does and then, still holding PostgreSQL's
// migration lock, runs then (when not nil): the place to load shipped
// content that processes starting together would otherwise all try to
// insert at once. On SQLite then runs after the migrations; its writes
// queue on the database's one write lock.
func (db *DB) MigrateThen(ctx context.Context, then func(context.Context) error) (int, error) {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return 0, fmt.Errorf("migrate: %w", err)
	}
	defer conn.Close()
	if db.Dialect == Postgres {
		if err := lockMigrations(ctx, conn); err != nil {
			return 0, err
		}
		defer unlockMigrations(conn)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY)`); err != nil {
		return 0, fmt.Errorf("migrate: %w", err)
	}
	dir := "migrations/" + string(db.Dialect)
	names, err := fs.Glob(migrationsFS, dir+"/*.sql")
	if err != nil {
		return 0, fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	done, err := appliedVersions(ctx, conn)
	if err != nil {
		return 0, err
	}
	applied := 0
	for _, name := range names {
		version := strings.TrimSuffix(name[len(dir)+1:], ".sql")
		if done[version] {
			continue
		}
		ok, err := applyMigration(ctx, conn, name, version)
		if err != nil {
			return applied, fmt.Errorf("migrate %s: %w", version, err)
		}
		if ok {
			applied++
		}
	}
	if then == nil {
		return applied, nil
	}
	if db.Dialect == SQLite {
		// The one writer connection is this one: give it back first.
		conn.Close()
	}
	return applied, then(ctx)
}

// migrationLock is the advisory lock key: one per schema, so that databases
// in other schemas of the same cluster (the tests' throwaway ones) do not
// wait for each other.
const migrationLock = `hashtextextended('lightbulb migrate ' || coalesce(current_schema(), ''), 0)`

// lockMigrations waits for PostgreSQL's session-level advisory lock on
// conn, which it keeps until unlockMigrations or until the connection ends
// (a process killed mid-migration releases it).
func lockMigrations(ctx context.Context, conn *sql.Conn) error {
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(`+migrationLock+`)`); err != nil {
		return fmt.Errorf("migrate: wait for the migration lock: %w", err)
	}
	return nil
}

// unlockMigrations releases the lock. If that fails the connection is
// closed rather than returned to the pool, which releases it too.
func unlockMigrations(conn *sql.Conn) {
	var ok bool
	err := conn.QueryRowContext(context.Background(), `SELECT pg_advisory_unlock(`+migrationLock+`)`).Scan(&ok)
	if err != nil || !ok {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	}
}

// appliedVersions reads which migrations are recorded.
func appliedVersions(ctx context.Context, conn *sql.Conn) (map[string]bool, error) {
	rows, err := conn.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	vs, err := collect(rows, func(s scanner) (string, error) {
		var v string
		return v, s.Scan(&v)
	})
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	done := make(map[string]bool, len(vs))
	for _, v := range vs {
		done[v] = true
	}
	return done, nil
}

// applyMigration runs one migration and records it in one transaction,
// unless it is found recorded once the transaction holds the write lock.
// It reports whether it applied it.
func applyMigration(ctx context.Context, conn *sql.Conn, name, version string) (bool, error) {
	body, err := migrationsFS.ReadFile(name)
	if err != nil {
		return false, err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, version); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("commit: %w", err)
	}
	return true, nil
}
