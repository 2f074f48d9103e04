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

// caseIndicatorCache keeps the case indicators worked out for each
// organisation and filter until that organisation's counts change. Each use
// reads the organisation's number in case_count_versions (one primary-key
// lookup); triggers move it with every change to case_counts or
// case_right_counts, from this process or another, in the change's own
// transaction.
type caseIndicatorCache struct {
	mu   sync.Mutex
	orgs map[int64]*caseIndicatorsOf
}

// caseIndicatorsOf is one organisation's kept indicators, all worked out
// at one version of its counts.
type caseIndicatorsOf struct {
	version int64
	items   map[lightbulb.CaseFilter]*lightbulb.CaseIndicators
}

// caseIndicatorsKept bounds the filters kept for one organisation; past it
// the organisation's are forgotten and kept afresh.
const caseIndicatorsKept = 64

// get returns the indicators for org and f, from what is kept when the
// counts have not changed since, else from load. The caller gets its own
// copy.
func (c *caseIndicatorCache) get(ctx context.Context, db *DB, org int64, f lightbulb.CaseFilter,
	load func() (*lightbulb.CaseIndicators, error)) (*lightbulb.CaseIndicators, error) {
	var v int64
	err := db.readRow(ctx, `SELECT version FROM case_count_versions WHERE org_id = $1`, org).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("case count version: %w", err)
	}
	c.mu.Lock()
	kept := c.orgs[org]
	var got *lightbulb.CaseIndicators
	if kept != nil && kept.version == v {
		got = kept.items[f]
	}
	c.mu.Unlock()
	if got != nil {
		return copyIndicators(got), nil
	}
	got, err = load()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	// What was loaded is at least as new as v; kept under v, the next use
	// that sees a newer number loads again.
	if kept = c.orgs[org]; kept == nil || kept.version != v || len(kept.items) >= caseIndicatorsKept {
		if c.orgs == nil {
			c.orgs = map[int64]*caseIndicatorsOf{}
		}
		kept = &caseIndicatorsOf{version: v, items: map[lightbulb.CaseFilter]*lightbulb.CaseIndicators{}}
		c.orgs[org] = kept
	}
	kept.items[f] = got
	c.mu.Unlock()
	return copyIndicators(got), nil
}

func copyIndicators(ci *lightbulb.CaseIndicators) *lightbulb.CaseIndicators {
	out := *ci
	out.ByServiceType, out.ByHarm = slices.Clone(ci.ByServiceType), slices.Clone(ci.ByHarm)
	out.ByRightMonth, out.TopRights = slices.Clone(ci.ByRightMonth), slices.Clone(ci.TopRights)
	return &out
}
