// Package sqldb stores Lightbulb's data in SQLite (embedded, the default) or
// PostgreSQL, with the same SQL wherever the two engines agree. Every query on
// tenant data is scoped by the organisation taken from the context.
package sqldb

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver "pgx"
	lightbulb "github.com/lightbulb-hr/lightbulb"
	"modernc.org/sqlite" // SQLite driver "sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations
var migrationsFS embed.FS

// Dialect names the database engine.
type Dialect string

// The supported engines.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is a connection to one Lightbulb database. For SQLite it keeps a single
// writer connection beside a pool of readers, so that writers queue in Go
// rather than fail with SQLITE_BUSY.
type DB struct {
	Dialect Dialect
	read    *sql.DB
	write   *sql.DB
	reads   *stmtCache // prepared reads on SQLite; nil on PostgreSQL
}

// Open connects to the database named by dsn: "sqlite:PATH" (or a bare path)
// or a postgres:// URL. It does not migrate.
func Open(ctx context.Context, dsn string) (*DB, error) {
	var db *DB
	switch path, lite := SQLitePath(dsn); {
	case !lite:
		pool, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("open postgres: %w", err)
		}
		pool.SetMaxOpenConns(20)
		pool.SetMaxIdleConns(10)
		db = &DB{Dialect: Postgres, read: pool, write: pool}
	default:
		if path == "" {
			return nil, errors.New("open sqlite: empty path")
		}
		if err := createPrivate(path); err != nil {
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
		q := url.Values{}
		// secure_delete overwrites deleted and changed content with zeros, so
		// an erased person leaves no copy in free space (see docs/privacy.md).
		for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "foreign_keys(1)", "synchronous(NORMAL)", "secure_delete(1)"} {
			q.Add("_pragma", p)
		}
		q.Set("_time_format", "sqlite")
		q.Set("_txlock", "immediate")
		u := "file:" + path + "?" + q.Encode()
		w, err := sql.Open("sqlite", u)
		if err != nil {
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
		w.SetMaxOpenConns(1)
		r, err := sql.Open("sqlite", u)
		if err != nil {
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
		// Readers stay open: with database/sql's default of two idle
		// connections, a burst of requests closed and reopened the other
		// six over and over, each reopening running the pragmas again and
		// preparing the statement cache's statements afresh (7.5% of the
		// CPU of /cases under 64 connections).
		r.SetMaxOpenConns(8)
		r.SetMaxIdleConns(8)
		db = &DB{Dialect: SQLite, read: r, write: w, reads: newStmtCache(r)}
	}
	if err := db.write.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	return db, nil
}

// SQLitePath returns the file a SQLite dsn names and true, or false for a
// PostgreSQL URL.
func SQLitePath(dsn string) (string, bool) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return "", false
	}
	return strings.TrimPrefix(dsn, "sqlite:"), true
}

// Close closes every connection.
func (db *DB) Close() error {
	if db.reads != nil {
		db.reads.close()
	}
	err := db.write.Close()
	if db.read != db.write {
		if e := db.read.Close(); err == nil {
			err = e
		}
	}
	return err
}

// Writer is the connection pool that writes: on SQLite its single
// connection, on PostgreSQL the pool. The job queue works through it.
func (db *DB) Writer() *sql.DB { return db.write }

// Reader is the pool for reads that need not see a write in progress.
func (db *DB) Reader() *sql.DB { return db.read }

// Ping checks that the database answers; /readyz uses it.
func (db *DB) Ping(ctx context.Context) error { return db.read.PingContext(ctx) }

// tx runs fn in a write transaction, committing when it returns nil.
func (db *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// scanner is a *sql.Row or *sql.Rows: what a scanX function reads from.
type scanner interface{ Scan(...any) error }

// collect reads every row with scan and closes rows.
func collect[T any](rows *sql.Rows, scan func(scanner) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		x, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// notFound turns sql.ErrNoRows into an ENOTFOUND error with msg.
func notFound(err error, msg string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "%s", msg)
	}
	return err
}

// pgUniqueViolation is PostgreSQL's SQLSTATE for a unique_violation.
const pgUniqueViolation = "23505"

// isUnique reports whether err is a unique-constraint violation on either
// engine, by the driver's error code (never by message text, which changes
// between driver versions and languages): SQLSTATE 23505 on PostgreSQL, and
// SQLITE_CONSTRAINT_UNIQUE or SQLITE_CONSTRAINT_PRIMARYKEY on SQLite.
func isUnique(err error) bool {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == pgUniqueViolation
	}
	var lite *sqlite.Error
	if errors.As(err, &lite) {
		c := lite.Code()
		return c == sqlite3.SQLITE_CONSTRAINT_UNIQUE || c == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}
