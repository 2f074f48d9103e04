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
