package cli

import (
	"context"
	"io"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// The demo's Welsh Article 10 has an edit and a restore to compare, once,
// and the Welsh stays up to date with the English.
func TestDemoRightVersions(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		if _, err := SeedContent(ctx, db); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := loadDemoRightVersions(ctx, db, io.Discard); err != nil {
				t.Fatal(err)
			}
		}
		rights := sqldb.NewRightService(db)
		hist, err := rights.RightHistory(ctx, "A10", lightbulb.LangCY)
		if err != nil || len(hist) != 3 || hist[0].RestoredFrom != 1 || hist[0].Summary != hist[2].Summary || hist[1].EditedBy != "Ada Adeyemi" {
			t.Fatalf("Welsh A10 history = %+v, %v", hist, err)
		}
		if cy, _ := rights.FindRight(ctx, "A10", lightbulb.LangCY); cy.Stale {
			t.Error("the demo made the Welsh A10 older than its English")
		}
	})
}
