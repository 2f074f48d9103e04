package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sync"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// caseCache keeps what was worked out from an organisation's cases (its
// indicators, or a page of its list) until those cases change. Each use
// reads the organisation's number in case_count_versions, one primary-key
// lookup; triggers move it, in the change's own transaction and from any
// process, with every change to case_counts or case_right_counts (a case
// added, deleted, moved to another month, ward or type, its harm or review
// changed, a right confirmed or taken back), a ward renamed, and a case's
// reference, summary, status or person's reference changed.
type caseCache[K comparable, V any] struct {
	keep  func(V) bool // whether a value may be kept (say, not too large)
	clone func(V) V    // each caller gets its own copy

	mu    sync.Mutex
	orgs  map[int64]*caseKept[K, V]
	total int // values kept across organisations
}

// caseKept is one organisation's kept values, all worked out at one
// version of its cases.
type caseKept[K comparable, V any] struct {
	version int64
	items   map[K]V
}

// caseCacheMax bounds the values kept, across organisations; past it all
// are forgotten and kept afresh.
const caseCacheMax = 256

// get returns the value for org and key, from what is kept when the
// organisation's cases have not changed since, else from load.
func (c *caseCache[K, V]) get(ctx context.Context, db *DB, org int64, key K, load func() (V, error)) (V, error) {
	var zero V
	var v int64
	err := db.readRow(ctx, `SELECT version FROM case_count_versions WHERE org_id = $1`, org).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return zero, fmt.Errorf("case version: %w", err)
	}
	c.mu.Lock()
	kept := c.orgs[org]
	got, ok := zero, false
	if kept != nil && kept.version == v {
		got, ok = kept.items[key]
	}
	c.mu.Unlock()
	if ok {
		return c.clone(got), nil
	}
	got, err = load()
	if err != nil || (c.keep != nil && !c.keep(got)) {
		return got, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.total >= caseCacheMax {
		c.orgs, c.total = nil, 0
	}
	// What was loaded is at least as new as v; kept under v, the next use
	// that sees a newer number loads again.
	if kept = c.orgs[org]; kept == nil || kept.version != v {
		if c.orgs == nil {
			c.orgs = map[int64]*caseKept[K, V]{}
		}
		if kept != nil {
			c.total -= len(kept.items)
		}
		kept = &caseKept[K, V]{version: v, items: map[K]V{}}
		c.orgs[org] = kept
	}
	if _, had := kept.items[key]; !had {
		c.total++
	}
	kept.items[key] = got
	return c.clone(got), nil
}

func cloneIndicators(ci *lightbulb.CaseIndicators) *lightbulb.CaseIndicators {
	out := *ci
	out.ByServiceType, out.ByHarm = slices.Clone(ci.ByServiceType), slices.Clone(ci.ByHarm)
	out.ByRightMonth, out.TopRights = slices.Clone(ci.ByRightMonth), slices.Clone(ci.TopRights)
	return &out
}

// caseListKeptBytes bounds the summaries of a list page that is kept, so
// the kept pages hold a few megabytes at most.
const caseListKeptBytes = 64 << 10

func keepCasePage(p *lightbulb.CasePage) bool {
	n := 0
	for _, c := range p.Cases {
		n += len(c.Summary)
	}
	return n <= caseListKeptBytes
}

func cloneCasePage(p *lightbulb.CasePage) *lightbulb.CasePage {
	out := &lightbulb.CasePage{Next: p.Next}
	if p.Cases != nil {
		out.Cases = make([]*lightbulb.Case, len(p.Cases))
	}
	for i, c := range p.Cases {
		x := *c
		out.Cases[i] = &x
	}
	return out
}
