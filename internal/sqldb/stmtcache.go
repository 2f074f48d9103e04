package sqldb

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps prepared statements for the queries every request runs
// (the session, the signed-in person and their organisations, the content
// versions) and for the hot list pages (wards, decisions, cases, the
// dashboard's indicators and actions). SQLite parses a query's text into a program each time it is
// run unless the statement is kept: 13-20% of a signed-in page's CPU went to
// parsing. database/sql prepares a kept statement once on each connection of
// the pool that runs it. PostgreSQL needs none of this: pgx already keeps
// prepared statements per connection.
type stmtCache struct {
	pool *sql.DB
	mu   sync.RWMutex
	m    map[string]*sql.Stmt
}

// stmtCacheMax bounds the statements kept. Lists built from a filter (the
// case list, the decisions register) go through the cache too: each
// combination of filters is one query text (values, page sizes and cursors
// are arguments), so the texts are bounded but many. The first texts seen
// stay (nothing is evicted, so no statement closes under a running query);
// once the cache is full a new text runs unprepared, as before the cache.
// Each kept statement costs a few kilobytes on each reader that ran it.
const stmtCacheMax = 128

func newStmtCache(pool *sql.DB) *stmtCache { return &stmtCache{pool: pool, m: map[string]*sql.Stmt{}} }

// stmt returns the kept statement for q, preparing it the first time; nil
// when the cache is full or preparing failed (the caller runs q unprepared,
// which reports any error).
func (c *stmtCache) stmt(ctx context.Context, q string) *sql.Stmt {
	c.mu.RLock()
	st := c.m[q]
	c.mu.RUnlock()
	if st != nil {
		return st
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if st = c.m[q]; st != nil || len(c.m) >= stmtCacheMax {
		return st
	}
	st, err := c.pool.PrepareContext(ctx, q)
	if err != nil {
		return nil
	}
	c.m[q] = st
	return st
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, st := range c.m {
		_ = st.Close()
		delete(c.m, q)
	}
}

// readRow runs a one-row read through a kept statement where there is a
// cache (SQLite), else as usual.
func (db *DB) readRow(ctx context.Context, q string, args ...any) *sql.Row {
	if db.reads != nil {
		if st := db.reads.stmt(ctx, q); st != nil {
			return st.QueryRowContext(ctx, args...)
		}
	}
	return db.read.QueryRowContext(ctx, q, args...)
}

// readRows is readRow for reads of many rows.
func (db *DB) readRows(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if db.reads != nil {
		if st := db.reads.stmt(ctx, q); st != nil {
			return st.QueryContext(ctx, args...)
		}
	}
	return db.read.QueryContext(ctx, q, args...)
}
