package cli_test

import (
	"context"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// TestDemoReviews checks that migrate loads the review framework and that the
// demo adds two rounds of reviews per service and one share, once.
// demoServiceCount is how many Northbridge services the demo reviews.
const demoServiceCount = 3

func TestDemoReviews(t *testing.T) {
	dsn := dbURL(t)
	if _, err := run(t, dsn, "migrate"); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, dsn, "demo", "--insecure-fast-passwords")
	if err != nil || !strings.Contains(out, "6 reviews added and the roll-up shared with Westshire Integrated Care Board") {
		t.Fatalf("first demo: %v\n%s", err, out)
	}
	out, err = run(t, dsn, "demo", "--insecure-fast-passwords")
	if err != nil || !strings.Contains(out, "Demo reviews: 0 reviews added.") {
		t.Fatalf("second demo: %v\n%s", err, out)
	}

	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rs, orgs := sqldb.NewReviewService(db), sqldb.NewOrgService(db)
	fw, err := rs.CurrentFramework(ctx)
	if err != nil || fw.Version != 1 || len(fw.Statements) < 20 {
		t.Fatalf("framework after migrate: %+v, %v", fw, err)
	}
	nb, _ := orgs.FindOrgBySlug(ctx, "northbridge-nhs")
	nctx := lightbulb.WithOrg(ctx, nb.ID)
	grid, err := rs.Rollup(nctx)
	if err != nil || len(grid) != demoServiceCount {
		t.Fatalf("roll-up: %d rows, %v; want %d", len(grid), err, demoServiceCount)
	}
	all, _ := rs.FindReviews(nctx, lightbulb.ReviewFilter{})
	if len(all) != 2*demoServiceCount {
		t.Fatalf("%d demo reviews, want %d", len(all), 2*demoServiceCount)
	}
	improved := 0
	for _, r := range all {
		prev, err := rs.PreviousReview(nctx, r)
		if err != nil {
			continue
		}
		a, _ := rs.Finals(nctx, r.ID)
		b, _ := rs.Finals(nctx, prev.ID)
		for _, c := range lightbulb.Compare(fw, a, b) {
			if c.Direction == "improved" {
				improved++
			}
		}
	}
	if improved < 10 {
		t.Errorf("the second round improved %d statements in all; the demo should show change over time", improved)
	}
	icb, _ := orgs.FindOrgBySlug(ctx, "westshire-icb")
	if _, g, err := rs.SharedRollup(lightbulb.WithOrg(ctx, icb.ID), nb.ID); err != nil || len(g) != demoServiceCount {
		t.Fatalf("Westshire's view of the shared roll-up: %d rows, %v", len(g), err)
	}
}
