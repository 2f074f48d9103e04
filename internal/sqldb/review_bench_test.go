package sqldb_test

import (
	"fmt"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// BenchmarkRollup measures the services x themes grid of an organisation
// with 50 services reviewed twice each, on SQLite.
func BenchmarkRollup(b *testing.B) {
	db := sqldbtest.MustOpenSQLite(b)
	rs := sqldb.NewReviewService(db)
	st := func(code, theme string) *lightbulb.Statement {
		return &lightbulb.Statement{Code: code, Theme: theme, Text: code, Good: "g", RedMeans: "r", AmberMeans: "a", GreenMeans: "g"}
	}
	f := &lightbulb.Framework{Slug: sqldb.DefaultFramework, Name: "Bench"}
	for i := range 24 {
		f.Statements = append(f.Statements, st(fmt.Sprintf("S%02d", i), fmt.Sprintf("Theme %d", i/4)))
	}
	if _, err := rs.SeedFramework(b.Context(), f); err != nil {
		b.Fatal(err)
	}
	org := sqldbtest.MustOrg(b, db, "trust-a", lightbulb.KindNHSTrust)
	lead := sqldbtest.MustUser(b, db, "lead@example.org", org, lightbulb.RoleLead)
	ctx := actorCtx(org, lead)
	for s := range 50 {
		sqldbtest.MustUnit(b, db, org, fmt.Sprintf("Service %d", s))
		for round := range 2 {
			r := &lightbulb.Review{Subject: fmt.Sprintf("Service %d", s), PeriodStart: day(2025+round, 1, 1), PeriodEnd: day(2025+round, 6, 30)}
			if err := rs.CreateReview(ctx, r); err != nil {
				b.Fatal(err)
			}
			var finals []lightbulb.Rated
			for _, x := range f.Statements {
				finals = append(finals, lightbulb.Rated{Code: x.Code, Rating: lightbulb.Amber, Evidence: "e"})
			}
			if err := rs.SaveFinals(ctx, r.ID, finals); err != nil {
				b.Fatal(err)
			}
			if err := rs.SubmitReview(ctx, r.ID); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		grid, err := rs.Rollup(ctx)
		if err != nil || len(grid) != 50 {
			b.Fatalf("roll-up: %d rows, %v", len(grid), err)
		}
	}
}
