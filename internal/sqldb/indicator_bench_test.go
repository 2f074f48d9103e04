package sqldb_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// BenchmarkIndicatorMonths computes 36 months of every indicator for 200
// organisations, each with three services and twenty cases a month (the
// cases indicator reads case_counts, kept as cases are written), as the
// monthly job would over three years:
//
//	go test -run '^$' -bench IndicatorMonths -benchtime 1x ./internal/sqldb/
func BenchmarkIndicatorMonths(b *testing.B) {
	sqldbtest.BenchEngines(b, func(b *testing.B, db *sqldb.DB) {
		const orgs, months = 200, 36
		last := lightbulb.LastEndedMonth(lightbulb.Now())
		first := lightbulb.AddMonths(last, -(months - 1))
		var ctxs []context.Context
		for i := range orgs {
			o := sqldbtest.MustOrg(b, db, fmt.Sprintf("bench-%d", i), lightbulb.KindNHSTrust)
			ctx := lightbulb.WithOrg(context.Background(), o.ID)
			ctxs = append(ctxs, ctx)
			svc := &lightbulb.Unit{Name: "Ward"}
			if err := sqldb.NewUnitService(db).CreateUnit(ctx, svc); err != nil {
				b.Fatal(err)
			}
			tx, err := db.Writer().Begin()
			if err != nil {
				b.Fatal(err)
			}
			if err := benchCaseCounts(tx, o.ID, svc.ID, first, months); err != nil {
				b.Fatal(err)
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
		}
		is := sqldb.NewIndicatorService(db)
		b.ResetTimer()
		for range b.N {
			for _, ctx := range ctxs {
				if err := benchRecompute(ctx, is, first, months); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*orgs*months), "ms/org-month")
	})
}

// benchCaseCounts writes a month's counts of twenty cases, half reviewed.
func benchCaseCounts(tx *sql.Tx, org, svc int64, first string, months int) error {
	for m := range months {
		for _, reviewed := range []bool{true, false} {
			if _, err := tx.Exec(`INSERT INTO case_counts (org_id, month, service_id, type, harm, reviewed, n) VALUES ($1, $2, $3, 'complaint', '', $4, 10)`,
				org, lightbulb.AddMonths(first, m), svc, reviewed); err != nil {
				return err
			}
		}
	}
	return nil
}

// benchRecompute computes every month, again on later runs.
func benchRecompute(ctx context.Context, is *sqldb.IndicatorService, first string, months int) error {
	for m := range months {
		if err := is.RecomputeIndicators(ctx, lightbulb.AddMonths(first, m), ""); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkIndicatorCount is one nightly count of every State indicator for
// 200 organisations, each with 50 decisions in force and 30 people:
//
//	go test -run '^$' -bench IndicatorCount -benchtime 1x ./internal/sqldb/
func BenchmarkIndicatorCount(b *testing.B) {
	sqldbtest.BenchEngines(b, func(b *testing.B, db *sqldb.DB) {
		for i := range 200 {
			o := sqldbtest.MustOrg(b, db, fmt.Sprintf("count-%d", i), lightbulb.KindNHSTrust)
			u := sqldbtest.MustUser(b, db, fmt.Sprintf("owner-%d@example.org", i), o, lightbulb.RoleStaff)
			svc := &lightbulb.Unit{Name: "Ward"}
			if err := sqldb.NewUnitService(db).CreateUnit(lightbulb.WithOrg(context.Background(), o.ID), svc); err != nil {
				b.Fatal(err)
			}
			for k := range 29 {
				sqldbtest.MustUser(b, db, fmt.Sprintf("p-%d-%d@example.org", i, k), o, lightbulb.RoleStaff)
			}
			for k := range 50 {
				if _, err := db.Writer().Exec(`INSERT INTO decisions (org_id, service_id, status, blanket, review_date, complete, reasoning, owner_id, created_at, updated_at)
					VALUES ($1, $2, 'in_force', $3, '2026-01-01', $4, '{}', $5, $6, $6)`, o.ID, svc.ID, k%5 == 0, k%3 != 0, u.ID, lightbulb.Now()); err != nil {
					b.Fatal(err)
				}
			}
		}
		is := sqldb.NewIndicatorService(db)
		b.ResetTimer()
		for range b.N {
			if err := is.CountStates(context.Background(), lightbulb.Today(lightbulb.Now())); err != nil {
				b.Fatal(err)
			}
		}
	})
}
