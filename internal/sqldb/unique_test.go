package sqldb_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestIsUniqueReadsDriverCodes checks the unique-violation test on each
// engine against real driver errors, and that message text alone is not
// enough.
func TestIsUniqueReadsDriverCodes(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		// A temporary table lives on one connection and vanishes with it.
		conn, err := db.WriteConn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		exec := func(q string) error { _, err := conn.ExecContext(ctx, q); return err }
		if err := exec(`CREATE TEMP TABLE uniq (k TEXT PRIMARY KEY, v TEXT UNIQUE, n INTEGER NOT NULL)`); err != nil {
			t.Fatal(err)
		}
		if err := exec(`INSERT INTO uniq VALUES ('a', 'x', 1)`); err != nil {
			t.Fatal(err)
		}
		dup := exec(`INSERT INTO uniq VALUES ('b', 'x', 1)`)
		for _, c := range []struct {
			what string
			err  error
			want bool
		}{
			{"same primary key", exec(`INSERT INTO uniq VALUES ('a', 'y', 1)`), true},
			{"same unique column", dup, true},
			{"wrapped", fmt.Errorf("add: %w", dup), true},
			{"not null", exec(`INSERT INTO uniq VALUES ('c', 'z', NULL)`), false},
			{"syntax", exec(`INSERT INTO nowhere VALUES (1)`), false},
		} {
			if c.err == nil {
				t.Fatalf("%s: the statement succeeded", c.what)
			}
			if got := sqldb.IsUnique(c.err); got != c.want {
				t.Errorf("%s: isUnique(%v) = %v, want %v", c.what, c.err, got, c.want)
			}
		}
	})
	for _, text := range []string{"UNIQUE constraint failed: users.email", "ERROR: duplicate key value (SQLSTATE 23505)"} {
		if sqldb.IsUnique(errors.New(text)) {
			t.Errorf("isUnique took the text %q for a driver error", text)
		}
	}
	if sqldb.IsUnique(nil) {
		t.Error("isUnique(nil) = true")
	}
}
