package sqldb_test

import (
	"context"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// Using one reset link ends the person's other links, and no one else's.
func TestUsingAResetEndsOlderLinks(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		u := sqldbtest.MustUser(t, db, "older@example.org", nil)
		other := sqldbtest.MustUser(t, db, "other@example.org", nil)
		resets := sqldb.NewResetService(db)
		for _, x := range []struct {
			id   int64
			hash string
		}{{u.ID, "old"}, {u.ID, "new"}, {other.ID, "theirs"}} {
			if err := resets.CreateReset(ctx, x.id, x.hash, time.Now().Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
		if id, err := resets.UseReset(ctx, "new"); err != nil || id != u.ID {
			t.Fatalf("use = %d, %v", id, err)
		}
		if _, err := resets.UseReset(ctx, "old"); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("older link after a reset: %v, want EINVALID", err)
		}
		if id, err := resets.UseReset(ctx, "theirs"); err != nil || id != other.ID {
			t.Fatalf("someone else's link: %d, %v", id, err)
		}
	})
}
