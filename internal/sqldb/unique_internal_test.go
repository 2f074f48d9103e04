package sqldb

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestIsUniqueReadsDriverCodes checks the unique-violation test on each
// engine against real driver errors, and that message text alone is not
// enough.
func TestIsUniqueReadsDriverCodes(t *testing.T) {
	dsns := map[string]string{"sqlite": "sqlite:" + filepath.Join(t.TempDir(), "u.db")}
	if u := os.Getenv("LIGHTBULB_TEST_POSTGRES"); u != "" {
		dsns["postgres"] = u
	}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db, err := Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			// A temporary table lives on one connection and vanishes with it.
			conn, err := db.write.Conn(ctx)
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
			cases := []struct {
				what string
				err  error
				want bool
			}{
				{"same primary key", exec(`INSERT INTO uniq VALUES ('a', 'y', 1)`), true},
				{"same unique column", exec(`INSERT INTO uniq VALUES ('b', 'x', 1)`), true},
				{"not null", exec(`INSERT INTO uniq VALUES ('c', 'z', NULL)`), false},
				{"syntax", exec(`INSERT INTO nowhere VALUES (1)`), false},
			}
			cases = append(cases, struct {
				what string
				err  error
				want bool
			}{"wrapped", fmt.Errorf("add: %w", cases[1].err), true})
			for _, c := range cases {
				if c.err == nil {
					t.Fatalf("%s: the statement succeeded", c.what)
				}
				if got := isUnique(c.err); got != c.want {
					t.Errorf("%s: isUnique(%v) = %v, want %v", c.what, c.err, got, c.want)
				}
			}
		})
	}
	for _, text := range []string{"UNIQUE constraint failed: users.email", "ERROR: duplicate key value (SQLSTATE 23505)"} {
		if isUnique(errors.New(text)) {
			t.Errorf("isUnique took the text %q for a driver error", text)
		}
	}
	if isUnique(nil) {
		t.Error("isUnique(nil) = true")
	}
}
