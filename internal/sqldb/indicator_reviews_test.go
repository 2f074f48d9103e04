package sqldb_test

import (
	"math"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestGreenByTheme: a review submitted with K1 green, K2 red (Knowing),
// D1 green and D2 not applicable (Dignity) is 2 of 3 green, and by theme
// Dignity 1 of 1, Knowing 1 of 2.
func TestGreenByTheme(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		rs := seedTestFramework(t, db)
		org := sqldbtest.MustOrg(t, db, "trust-a", lightbulb.KindNHSTrust)
		lead := sqldbtest.MustUser(t, db, "lead@example.org", org, lightbulb.RoleLead)
		ctx := actorCtx(org, lead)
		r := &lightbulb.Review{WholeOrg: true, PeriodStart: day(2026, 1, 1), PeriodEnd: day(2026, 1, 31)}
		learnMust(t, rs.CreateReview(ctx, r))
		learnMust(t, rs.SaveFinals(ctx, r.ID, []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Green}, {Code: "K2", Rating: lightbulb.Red, Evidence: "No leaflets"},
			{Code: "D1", Rating: lightbulb.Green}, {Code: "D2", Rating: lightbulb.NotApplicable}}))
		learnMust(t, rs.SubmitReview(ctx, r.ID))
		is := sqldb.NewIndicatorService(db)
		month := lightbulb.Today(lightbulb.Now())[:7]
		_, err := is.ComputeMonths(ctx, month, month)
		learnMust(t, err)
		if v, ok := orgValue(t, is, ctx, "reviews.green", month); !ok || math.Abs(v.Value-200.0/3) > 1e-9 {
			t.Fatalf("green: %+v %v", v, ok)
		}
		parts, err := is.IndicatorParts(ctx, "reviews.green", month, month)
		if err != nil || len(parts) != 2 || parts[0].Indicator != "reviews.green/Dignity" || parts[0].Value != 100 ||
			parts[1].Indicator != "reviews.green/Knowing" || parts[1].Value != 50 {
			t.Fatalf("by theme: %+v %v", parts, err)
		}
	})
}
