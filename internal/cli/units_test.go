package cli_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/cli"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestMigrateMatchesOldReviews: a review typed before the list, with a
// straight apostrophe and other capitals, joins the unit when the database
// is migrated; one naming nothing on the list is left for a lead.
func TestMigrateMatchesOldReviews(t *testing.T) {
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "old.db")
	if out, err := run(t, dsn, "migrate"); err != nil {
		t.Fatalf("migrate: %v\n%s", err, out)
	}
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cli.SeedFramework(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	org := sqldbtest.MustOrg(t, db, "trust", lightbulb.KindNHSTrust)
	lead := sqldbtest.MustUser(t, db, "lead@trust.test", org, lightbulb.RoleLead)
	ctx := lightbulb.WithActor(lightbulb.WithOrg(context.Background(), org.ID), &lightbulb.Actor{UserID: lead.ID})
	placeholder := sqldbtest.MustUnit(t, db, org, "Placeholder")
	rs := sqldb.NewReviewService(db)
	for _, typed := range []string{"ward 7 (Older people's mental health)", "Day hospital"} {
		r := &lightbulb.Review{UnitID: placeholder.ID, PeriodStart: time.Now(), PeriodEnd: time.Now()}
		if err := rs.CreateReview(ctx, r); err != nil {
			t.Fatal(err)
		}
		// As an old review was stored: free text, no unit.
		if _, err := db.Writer().Exec(`UPDATE reviews SET unit_id = NULL, subject = ? WHERE id = ?`, typed, r.ID); err != nil {
			t.Fatal(err)
		}
	}
	// The unit is added straight into the table, as decisions had it.
	if _, err := db.Writer().Exec(`INSERT INTO services (org_id, name, created_at) VALUES (?, ?, ?)`, org.ID, "Ward 7 (older people’s mental health)", time.Now()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out, err := run(t, dsn, "migrate")
	if err != nil || !strings.Contains(out, "1 reviews matched to the list") {
		t.Fatalf("migrate again: %v\n%s", err, out)
	}
	db, _ = sqldb.Open(context.Background(), dsn)
	defer db.Close()
	left, err := sqldb.NewUnitService(db).UnmatchedSubjects(ctx)
	if err != nil || len(left) != 1 || left[0].Subject != "Day hospital" {
		t.Fatalf("left for a lead: %+v, %v", left, err)
	}
}
