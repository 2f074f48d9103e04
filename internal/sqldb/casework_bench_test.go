package sqldb_test

import (
	"fmt"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// BenchmarkCaseImport stores batches of 10,000 new cases on SQLite without
// suggestions and reports rows per second. `lightbulb bench cases` measures
// the whole CSV path at millions of rows.
func BenchmarkCaseImport(b *testing.B) {
	db := sqldbtest.MustOpenSQLite(b)
	a := sqldbtest.MustOrg(b, db, "trust-a", lightbulb.KindNHSTrust)
	ctx := lightbulb.WithOrg(b.Context(), a.ID)
	ward := &lightbulb.Service{Name: "Ward 1"}
	if err := sqldb.NewDecisionService(db).CreateService(ctx, ward); err != nil {
		b.Fatal(err)
	}
	cs := sqldb.NewCaseService(db, nil)
	const n = 10000
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		batch := make([]*lightbulb.Case, n)
		for j := range batch {
			batch[j] = &lightbulb.Case{Type: lightbulb.CaseIncident, SourceRef: fmt.Sprintf("R-%d-%d", i, j),
				Received: fmt.Sprintf("2025-%02d-%02d", j%12+1, j%28+1), ServiceID: ward.ID, Summary: "Visiting was stopped for a week.",
				Harm: "low", Status: "open"}
		}
		if _, err := cs.ImportCases(ctx, batch, false); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "rows/s")
}
