package sqldb

import (
	"context"
	"fmt"
	"sync"
)

// contentCache keeps shared, read-mostly content (the rights library, review
// frameworks) in memory, keyed by what was asked for. Before each use it reads
// the content's version from content_versions, one primary-key lookup, and
// forgets everything when the number has moved. Triggers bump the number on
// any change to the content's tables, from this process or another, so an
// edit anywhere is seen by every process on its next request.
type contentCache[K comparable, V any] struct {
	db   *DB
	name string // the row in content_versions

	// limit, when set, bounds how many items are kept: adding one more
	// forgets them all (keys that come from a request, like a period, are
	// not bounded otherwise).
	limit int

	mu      sync.Mutex
	version int64
	items   map[K]V
}

func newContentCache[K comparable, V any](db *DB, name string) *contentCache[K, V] {
	return &contentCache[K, V]{db: db, name: name, version: -1}
}

// get returns the value for key, loading it when it is not cached or the
// content has changed since it was.
func (c *contentCache[K, V]) get(ctx context.Context, key K, load func(context.Context) (V, error)) (V, error) {
	var zero V
	var v int64
	if err := c.db.readRow(ctx, `SELECT version FROM content_versions WHERE name = $1`, c.name).Scan(&v); err != nil {
		return zero, fmt.Errorf("%s version: %w", c.name, err)
	}
	c.mu.Lock()
	if v != c.version {
		c.version, c.items = v, map[K]V{}
	}
	got, ok := c.items[key]
	c.mu.Unlock()
	if ok {
		return got, nil
	}
	got, err := load(ctx)
	if err != nil {
		return zero, err
	}
	c.mu.Lock()
	// Kept only if nothing newer has been seen meanwhile: what was loaded is
	// at least as new as v, and the next request checks again anyway.
	if c.version == v {
		if c.limit > 0 && len(c.items) >= c.limit {
			c.items = map[K]V{}
		}
		c.items[key] = got
	}
	c.mu.Unlock()
	return got, nil
}
