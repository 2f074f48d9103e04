package sqldb

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func openKeptTest(t *testing.T) *DB {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "kept.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}

func (c *stmtCache) kept() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m)
}

// A page of cases is one kept statement whatever its size: the limit is an
// argument, not part of the text, so page sizes cannot fill the cache.
func TestCaseListPageSizesShareOneStatement(t *testing.T) {
	db := openKeptTest(t)
	ctx := lightbulb.WithOrg(context.Background(), 1)
	cs := NewCaseService(db, nil)
	if _, err := cs.FindCases(ctx, lightbulb.CaseFilter{Limit: 5}); err != nil {
		t.Fatal(err)
	}
	// The first page kept its statements (the list's, and the number the
	// kept pages are checked against); other sizes add none.
	before := db.reads.kept()
	for _, limit := range []int{10, 50, 200} {
		if _, err := cs.FindCases(ctx, lightbulb.CaseFilter{Limit: limit}); err != nil {
			t.Fatal(err)
		}
	}
	if got := db.reads.kept() - before; got != 0 {
		t.Fatalf("three more page sizes kept %d more statements, want 0", got)
	}
}

// The cache stops growing at its bound, and a query past the bound still
// runs (unprepared) and answers.
func TestStmtCacheIsBounded(t *testing.T) {
	db := openKeptTest(t)
	ctx := context.Background()
	for i := range stmtCacheMax + 20 {
		var n int
		if err := db.readRow(ctx, fmt.Sprintf("SELECT $1 + %d", i), 1).Scan(&n); err != nil || n != i+1 {
			t.Fatalf("query %d: %d, %v", i, n, err)
		}
		rows, err := db.readRows(ctx, fmt.Sprintf("SELECT $1 * %d", i), 2)
		if err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	if got := db.reads.kept(); got != stmtCacheMax {
		t.Fatalf("kept %d statements, bound %d", got, stmtCacheMax)
	}
}
