package sqldb

import (
	"context"
	"path/filepath"
	"testing"
)

// caseListIndexed reports whether the list index exists.
func caseListIndexed(t *testing.T, db *DB) bool {
	t.Helper()
	var n int
	err := db.read.QueryRowContext(context.Background(),
		`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'cases_list'`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n == 1
}

func TestCaseBulkSetsTheListIndexAside(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "bulk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	cs := NewCaseService(db, nil)
	for _, tc := range []struct {
		name    string
		rows    int
		aside   bool
		restart bool
	}{
		{"small import keeps the index", caseBulkMin - 1, false, false},
		{"large import, finished", caseBulkMin, true, false},
		{"large import, killed, serve started again", caseBulkMin, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			finish, err := cs.BeginCaseBulk(ctx, tc.rows)
			if err != nil {
				t.Fatal(err)
			}
			if caseListIndexed(t, db) == tc.aside || cs.bulk.Load() != tc.aside {
				t.Fatalf("index aside = %v, bulk = %v, want %v", !caseListIndexed(t, db), cs.bulk.Load(), tc.aside)
			}
			if tc.restart {
				err = NewCaseService(db, nil).RepairListIndex(ctx)
			} else {
				err = finish(ctx)
			}
			if err != nil || !caseListIndexed(t, db) {
				t.Fatalf("index not back: %v", err)
			}
			cs.bulk.Store(false)
		})
	}
}
