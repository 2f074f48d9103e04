package sqldb_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// BenchmarkCaseImport stores batches of 10,000 new cases without
// suggestions and reports rows per second. The cases are spread as a real
// extract's are (twenty wards, four types, two years), so a batch touches
// hundreds of cells of case_counts. `lightbulb bench cases` measures the
// whole CSV path at millions of rows.
func BenchmarkCaseImport(b *testing.B) {
	sqldbtest.BenchEngines(b, func(b *testing.B, db *sqldb.DB) {
		ctx, cs, wards := caseImportBench(b, db)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := cs.ImportCases(ctx, caseImportBatch(wards, i), false); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N*caseImportRows)/b.Elapsed().Seconds(), "rows/s")
	})
}

// BenchmarkCaseReimport stores the same 10,000 cases again and again, as an
// import run twice or resumed from its start does: nothing changes.
func BenchmarkCaseReimport(b *testing.B) { caseReimport(b, nil) }

// BenchmarkCaseReimportChanged stores the same 10,000 references again with
// a new summary each time, as a corrected extract does: every row is
// updated.
func BenchmarkCaseReimportChanged(b *testing.B) {
	caseReimport(b, func(batch []*lightbulb.Case, i int) {
		for _, c := range batch {
			c.Summary = fmt.Sprintf("Visiting was stopped for a week (%d).", i)
		}
	})
}

// caseReimport imports a batch, then times importing it again, changed by
// change (if set) before each time.
func caseReimport(b *testing.B, change func(batch []*lightbulb.Case, i int)) {
	sqldbtest.BenchEngines(b, func(b *testing.B, db *sqldb.DB) {
		ctx, cs, wards := caseImportBench(b, db)
		batch := caseImportBatch(wards, 0)
		if _, err := cs.ImportCases(ctx, batch, false); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if change != nil {
				b.StopTimer()
				change(batch, i)
				b.StartTimer()
			}
			if _, err := cs.ImportCases(ctx, batch, false); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N*caseImportRows)/b.Elapsed().Seconds(), "rows/s")
	})
}

const caseImportRows = 10000

func caseImportBench(b *testing.B, db *sqldb.DB) (context.Context, *sqldb.CaseService, []int64) {
	a := sqldbtest.MustOrg(b, db, "trust-a", lightbulb.KindNHSTrust)
	ctx := lightbulb.WithOrg(b.Context(), a.ID)
	var wards []int64
	for i := range 20 {
		w := &lightbulb.Unit{Name: fmt.Sprintf("Ward %d", i)}
		if err := sqldb.NewUnitService(db).CreateUnit(ctx, w); err != nil {
			b.Fatal(err)
		}
		wards = append(wards, w.ID)
	}
	return ctx, sqldb.NewCaseService(db, nil), wards
}

// caseImportBatch is the i'th batch of new cases: three months of a
// trust's cases over twenty wards, in no particular order.
func caseImportBatch(wards []int64, i int) []*lightbulb.Case {
	types := []lightbulb.CaseType{lightbulb.CaseIncident, lightbulb.CaseComplaint, lightbulb.CasePALS, lightbulb.CaseSafeguarding}
	harms := []string{"none", "low", "moderate", "severe"}
	r := rand.New(rand.NewPCG(uint64(i), 1))
	batch := make([]*lightbulb.Case, caseImportRows)
	for j := range batch {
		m := (3*i + r.IntN(3)) % 24
		c := &lightbulb.Case{Type: types[r.IntN(4)], SourceRef: fmt.Sprintf("R-%d-%d", i, j),
			Received: fmt.Sprintf("%d-%02d-%02d", 2024+m/12, m%12+1, r.IntN(28)+1), ServiceID: wards[r.IntN(len(wards))],
			Summary: "Visiting was stopped for a week.", Status: "open"}
		if c.Type == lightbulb.CaseIncident {
			c.Harm = harms[r.IntN(4)]
		}
		batch[j] = c
	}
	return batch
}

// caseBenchDB is a SQLite database with n cases over two years and twenty
// wards, and the first thousand reviewed with A8 confirmed.
func caseBenchDB(b *testing.B, n int) (context.Context, *sqldb.CaseService) {
	b.Helper()
	db := sqldbtest.MustOpenSQLite(b)
	sqldbtest.MustRight(b, db, "A8", lightbulb.Qualified)
	a := sqldbtest.MustOrg(b, db, "trust-a", lightbulb.KindNHSTrust)
	ctx := lightbulb.WithOrg(b.Context(), a.ID)
	ds := sqldb.NewUnitService(db)
	var wards []int64
	for i := range 20 {
		w := &lightbulb.Unit{Name: fmt.Sprintf("Ward %d", i)}
		if err := ds.CreateUnit(ctx, w); err != nil {
			b.Fatal(err)
		}
		wards = append(wards, w.ID)
	}
	suggest := func(string) []lightbulb.CaseRight {
		return []lightbulb.CaseRight{{Code: "A8", Suggested: true, Score: 0.9}}
	}
	cs := sqldb.NewCaseService(db, suggest)
	types := []lightbulb.CaseType{lightbulb.CaseIncident, lightbulb.CaseComplaint, lightbulb.CasePALS, lightbulb.CaseSafeguarding}
	r := rand.New(rand.NewPCG(1, 2)) // types independent of dates, as in life
	for start := 0; start < n; start += 50000 {
		var batch []*lightbulb.Case
		for i := start; i < min(n, start+50000); i++ {
			c := &lightbulb.Case{Type: types[r.IntN(4)], SourceRef: fmt.Sprintf("R-%d", i), Received: fmt.Sprintf("20%02d-%02d-%02d", 24+i%2, i%12+1, i%28+1),
				ServiceID: wards[i%20], Summary: "Visiting was stopped.", Status: "open"}
			if c.Type == lightbulb.CaseIncident {
				c.Harm = "low"
			}
			batch = append(batch, c)
		}
		if _, err := cs.ImportCases(ctx, batch, start == 0); err != nil {
			b.Fatal(err)
		}
	}
	p, _ := cs.FindCases(ctx, lightbulb.CaseFilter{Limit: 200})
	for _, c := range p.Cases {
		if _, err := cs.ReviewCase(ctx, c.ID, lightbulb.CaseReview{Verdicts: map[string]string{"A8": "confirmed"}}); err != nil {
			b.Fatal(err)
		}
	}
	// A new ward with no cases: filtering on it scans the whole list.
	if err := ds.CreateUnit(ctx, &lightbulb.Unit{Name: "New ward"}); err != nil {
		b.Fatal(err)
	}
	return ctx, cs
}

// BenchmarkCaseQueries times the list and indicator queries on 200,000
// cases; `lightbulb bench cases --rows 2500000` does the same at scale.
func BenchmarkCaseQueries(b *testing.B) {
	ctx, cs := caseBenchDB(b, 200000)
	first, _ := cs.FindCases(ctx, lightbulb.CaseFilter{})
	for _, q := range []struct {
		name string
		f    lightbulb.CaseFilter
		ind  bool
	}{
		{"list", lightbulb.CaseFilter{}, false},
		{"list-next-page", lightbulb.CaseFilter{After: first.Next}, false},
		{"list-incidents", lightbulb.CaseFilter{Type: lightbulb.CaseIncident}, false},
		{"list-one-ward", lightbulb.CaseFilter{ServiceID: 7}, false},
		{"list-ward-without-cases", lightbulb.CaseFilter{ServiceID: 21}, false},
		{"list-right", lightbulb.CaseFilter{Right: "A8"}, false},
		{"indicators", lightbulb.CaseFilter{}, true},
		{"indicators-year", lightbulb.CaseFilter{From: "2025-01-01", To: "2025-12-31"}, true},
	} {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				var err error
				if q.ind {
					_, err = cs.CaseIndicators(ctx, q.f)
				} else {
					_, err = cs.FindCases(ctx, q.f)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
