package sqldb_test

import (
	"context"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestStateIndicatorsFromDailyCounts: decisions in force are counted each
// day; a month's value is the count of its last day counted, unchanged by
// a later edit (even when the month is computed again); a month before
// counting began has no value, not a false 0; B never sees A's counts.
func TestStateIndicatorsFromDailyCounts(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newDecisionFixture(t, db)
		is := sqldb.NewIndicatorService(db)
		var ids []int64
		for i, scope := range []lightbulb.Scope{lightbulb.ScopePerson, lightbulb.ScopeEveryone, lightbulb.ScopePerson} {
			r := completeA8(f.today)
			r.Scope, r.BlanketWhy = scope, "The garden door opens onto a main road"
			if i == 2 {
				r.Outcome = "" // incomplete reasoning
			}
			d := &lightbulb.Decision{ServiceID: f.wardA.ID, Reasoning: r}
			if err := f.svc.CreateDecision(f.ctxA, d); err != nil {
				t.Fatal(err)
			}
			if i < 2 {
				if _, err := f.svc.MarkDecided(f.ctxA, d.ID); err != nil {
					t.Fatal(err)
				}
			}
			ids = append(ids, d.ID)
		}
		// Counted mid-March, then at the end of March after a third is in force.
		if err := is.CountStates(context.Background(), "2026-03-15"); err != nil {
			t.Fatal(err)
		}
		forceIncomplete(t, db, ids[2])
		if err := is.CountStates(context.Background(), "2026-03-31"); err != nil {
			t.Fatal(err)
		}
		if _, err := is.ComputeMonths(f.ctxA, "2026-02", "2026-03"); err != nil {
			t.Fatal(err)
		}
		want := map[string]float64{"decisions.inforce_complete": 200.0 / 3, "decisions.blanket_inforce": 1, "decisions.overdue": 0}
		for key, v := range want {
			got, ok := orgValue(t, is, f.ctxA, key, "2026-03")
			if !ok || got.Value != v {
				t.Errorf("%s in March = %+v %v, want %v", key, got, ok, v)
			}
			if got, ok := orgValue(t, is, f.ctxA, key, "2026-02"); ok {
				t.Errorf("%s has a value before counting began: %+v", key, got)
			}
		}
		byService, err := is.IndicatorValues(f.ctxA, []string{"decisions.blanket_inforce"}, "2026-03", "2026-03", true)
		if err != nil || len(byService) != 2 || byService[1].ServiceName != "Ward 1" || byService[1].Value != 1 {
			t.Fatalf("by service: %+v %v", byService, err)
		}
		// Ending the blanket decision later changes neither the count kept
		// nor March, even computed again.
		if _, err := f.svc.ReviewDecision(f.ctxA, ids[1], lightbulb.DecisionReview{Note: "No longer needed", Outcome: lightbulb.ReviewEnd}); err != nil {
			t.Fatal(err)
		}
		if err := is.RecomputeIndicators(f.ctxA, "2026-03", "Leon Lead"); err != nil {
			t.Fatal(err)
		}
		if got, _ := orgValue(t, is, f.ctxA, "decisions.blanket_inforce", "2026-03"); got.Value != 1 {
			t.Fatalf("March changed after a later edit: %+v", got)
		}
		// Counted after the review dates pass: both left in force are overdue.
		later := lightbulb.AddDays(f.today, 31)
		if err := is.CountStates(context.Background(), later); err != nil {
			t.Fatal(err)
		}
		if _, err := is.ComputeMonths(f.ctxA, later[:7], later[:7]); err != nil {
			t.Fatal(err)
		}
		if got, _ := orgValue(t, is, f.ctxA, "decisions.overdue", later[:7]); got.Value != 2 {
			t.Fatalf("overdue after the review dates: %+v", got)
		}
		if got, _ := orgValue(t, is, f.ctxA, "decisions.blanket_inforce", later[:7]); got.Value != 0 {
			t.Fatalf("blanket after it ended: %+v", got)
		}
		since, err := is.StateCountedSince(f.ctxA)
		if err != nil || since["decisions.overdue"] != "2026-03-15" {
			t.Fatalf("counted since: %v %v", since, err)
		}
		if _, err := is.ComputeMonths(f.ctxB, "2026-03", "2026-03"); err != nil {
			t.Fatal(err)
		}
		if got, ok := orgValue(t, is, f.ctxB, "decisions.inforce_complete", "2026-03"); ok {
			t.Fatalf("B has a share with no decision in force: %+v", got)
		}
		if got, _ := orgValue(t, is, f.ctxB, "decisions.blanket_inforce", "2026-03"); got.Value != 0 {
			t.Fatalf("B counts A's blanket restriction: %+v", got)
		}
	})
}

// forceIncomplete puts a draft with incomplete reasoning in force directly,
// as an older record could be (deciding needs complete reasoning).
func forceIncomplete(t *testing.T, db *sqldb.DB, id int64) {
	t.Helper()
	if _, err := db.Writer().ExecContext(context.Background(), `UPDATE decisions SET status = 'in_force' WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
}

// TestStateCountJob: the daily count is scheduled and counts every
// organisation on the day it runs.
func TestStateCountJob(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newDecisionFixture(t, db)
		is := sqldb.NewIndicatorService(db)
		q := jobs.NewQueue(db.Writer(), string(db.Dialect)).ReadFrom(db.Reader())
		if err := is.RegisterJobs(q); err != nil {
			t.Fatal(err)
		}
		if _, err := jobs.Enqueue(context.Background(), db.Writer(), jobs.New{Kind: sqldb.JobIndicatorsCount}); err != nil {
			t.Fatal(err)
		}
		if ran, err := q.RunOne(context.Background()); err != nil || !ran {
			t.Fatalf("run: %v %v", ran, err)
		}
		for _, ctx := range []context.Context{f.ctxA, f.ctxB} {
			since, err := is.StateCountedSince(ctx)
			if err != nil || len(since) < 3 || since["decisions.overdue"] != f.today {
				t.Fatalf("counted: %v %v", since, err)
			}
		}
	})
}
