package sqldb_test

import (
	"context"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// orgValue is the whole organisation's stored value of key for month.
func orgValue(t *testing.T, is *sqldb.IndicatorService, ctx context.Context, key, month string) (lightbulb.IndicatorValue, bool) {
	t.Helper()
	vs, err := is.IndicatorValues(ctx, []string{key}, month, month, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) == 0 {
		return lightbulb.IndicatorValue{}, false
	}
	return vs[0], true
}

// TestIndicatorSnapshot: a month's stored values do not change when a
// record is edited later, until the month is explicitly recomputed; the
// other organisation never sees them; a month that has not ended cannot be
// recomputed.
func TestIndicatorSnapshot(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f, cs := newCaseFixture(t, db)
		is := sqldb.NewIndicatorService(db)
		var cases []*lightbulb.Case
		for _, ref := range []string{"C-1", "C-2", "C-3", "C-4"} {
			c := &lightbulb.Case{Type: lightbulb.CaseComplaint, SourceRef: ref, Received: "2026-03-02", ServiceID: f.wardA.ID, Summary: "Visiting stopped"}
			if err := cs.CreateCase(f.ctxA, c); err != nil {
				t.Fatal(err)
			}
			cases = append(cases, c)
		}
		if _, err := cs.ReviewCase(f.ctxA, cases[0].ID, lightbulb.CaseReview{Verdicts: map[string]string{"A8": "confirmed"}}); err != nil {
			t.Fatal(err)
		}
		if n, err := is.ComputeMonths(f.ctxA, "2026-02", "2026-03"); err != nil || n != 2 {
			t.Fatalf("compute: %d %v", n, err)
		}
		v, ok := orgValue(t, is, f.ctxA, "cases.reviewed", "2026-03")
		if !ok || v.Numerator != 1 || v.Denominator != 4 || v.Value != 25 {
			t.Fatalf("March: %+v %v", v, ok)
		}
		if _, ok := orgValue(t, is, f.ctxA, "cases.reviewed", "2026-02"); ok {
			t.Fatal("February had no cases, yet a share is stored")
		}
		if v, ok := orgValue(t, is, f.ctxA, "decisions.blanket", "2026-02"); !ok || v.Value != 0 {
			t.Fatalf("a count is stored as 0 when nothing happened: %+v %v", v, ok)
		}
		byService, err := is.IndicatorValues(f.ctxA, []string{"cases.reviewed"}, "2026-03", "2026-03", true)
		if err != nil || len(byService) != 2 || byService[1].ServiceName != "Ward 1" || byService[1].Value != 25 {
			t.Fatalf("by service: %+v %v", byService, err)
		}
		// A later review changes the records, not the stored month.
		if _, err := cs.ReviewCase(f.ctxA, cases[1].ID, lightbulb.CaseReview{Verdicts: map[string]string{"A8": "confirmed"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := is.ComputeMonths(f.ctxA, "2026-03", "2026-03"); err != nil {
			t.Fatal(err)
		}
		if v, _ := orgValue(t, is, f.ctxA, "cases.reviewed", "2026-03"); v.Value != 25 {
			t.Fatalf("the stored month changed without a recompute: %+v", v)
		}
		if err := is.RecomputeIndicators(f.ctxA, "2026-03", "Leon Lead"); err != nil {
			t.Fatal(err)
		}
		if v, _ := orgValue(t, is, f.ctxA, "cases.reviewed", "2026-03"); v.Value != 50 {
			t.Fatalf("after the recompute: %+v", v)
		}
		if sums, err := is.Impact(context.Background(), []string{"cases.reviewed"}, "2026-01", "2026-12"); err != nil || sums["cases.reviewed"] != 50 {
			t.Fatalf("impact: %v %v", sums, err)
		}
		ms, err := is.IndicatorMonths(f.ctxA)
		if err != nil || len(ms) != 2 || ms[0].Month != "2026-03" || ms[0].Computations != 2 || ms[0].ComputedBy != "Leon Lead" {
			t.Fatalf("months: %+v %v", ms, err)
		}
		if vs, err := is.IndicatorValues(f.ctxB, nil, "2000-01", "2100-12", true); err != nil || len(vs) != 0 {
			t.Fatalf("B sees A's values: %+v %v", vs, err)
		}
		next := lightbulb.AddMonths(lightbulb.LastEndedMonth(lightbulb.Now()), 1)
		if err := is.RecomputeIndicators(f.ctxA, next, "x"); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("recomputing a month not ended: %v", err)
		}
		if err := is.RecomputeIndicators(f.ctxA, "March", "x"); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("recomputing a month in words: %v", err)
		}
	})
}

// TestIndicatorTargets: a share's target is 0 to 100; B never sees A's.
func TestIndicatorTargets(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newDecisionFixture(t, db)
		is := sqldb.NewIndicatorService(db)
		if err := is.SetIndicatorTarget(f.ctxA, "cases.reviewed", 120, false, "Lead"); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("target 120%%: %v", err)
		}
		if err := is.SetIndicatorTarget(f.ctxA, "nope", 1, false, "Lead"); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("unknown indicator: %v", err)
		}
		for _, x := range []float64{70, 75} {
			if err := is.SetIndicatorTarget(f.ctxA, "cases.reviewed", x, false, "Lead"); err != nil {
				t.Fatal(err)
			}
		}
		ts, err := is.IndicatorTargets(f.ctxA)
		if err != nil || len(ts) != 1 || ts["cases.reviewed"].Target != 75 {
			t.Fatalf("targets: %+v %v", ts, err)
		}
		if ts, _ := is.IndicatorTargets(f.ctxB); len(ts) != 0 {
			t.Fatalf("B sees A's targets: %+v", ts)
		}
		if err := is.SetIndicatorTarget(f.ctxA, "cases.reviewed", 0, true, "Lead"); err != nil {
			t.Fatal(err)
		}
		if ts, _ := is.IndicatorTargets(f.ctxA); len(ts) != 0 {
			t.Fatalf("cleared target remains: %+v", ts)
		}
	})
}

// TestIndicatorMonthlyJob: the daily job queues one computation per
// organisation for the month that last ended, once, and each computes it.
func TestIndicatorMonthlyJob(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newDecisionFixture(t, db)
		is := sqldb.NewIndicatorService(db)
		q := jobs.NewQueue(db.Writer(), string(db.Dialect)).ReadFrom(db.Reader())
		if err := is.RegisterJobs(q); err != nil {
			t.Fatal(err)
		}
		// The schedule ran twice (two processes, say): each organisation's
		// month is still computed once.
		for range 2 {
			if _, err := jobs.Enqueue(context.Background(), db.Writer(), jobs.New{Kind: sqldb.JobIndicatorsMonthly}); err != nil {
				t.Fatal(err)
			}
		}
		for {
			ran, err := q.RunOne(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if !ran {
				break
			}
		}
		last := lightbulb.LastEndedMonth(lightbulb.Now())
		for _, ctx := range []context.Context{f.ctxA, f.ctxB} {
			ms, err := is.IndicatorMonths(ctx)
			if err != nil || len(ms) != 1 || ms[0].Month != last || ms[0].Computations != 1 || ms[0].ComputedBy != "" {
				t.Fatalf("months: %+v %v", ms, err)
			}
		}
	})
}
