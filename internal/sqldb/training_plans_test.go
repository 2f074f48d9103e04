package sqldb_test

import (
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestPlansBelongToAProgramme: the final part attended, a plan is written
// for the cohort and counted in its plans, not another cohort's.
func TestPlansBelongToAProgramme(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		c := f.twoPartCohort(t)
		ann := sqldbtest.MustUser(t, db, "ann@example.org", f.client, lightbulb.RoleStaff)
		at := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Minute)
		last := &lightbulb.Session{CourseID: f.course.ID, CohortID: c.ID, Part: 2, StartsAt: at, EndsAt: at.Add(time.Hour),
			Mode: lightbulb.ModeOnline, JoinURL: "https://meet.example/p2", Capacity: 5}
		learnMust(t, f.svc.CreateSession(f.ctx, last))
		b, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: last.ID, Name: "Ann", Email: ann.Email, UserID: ann.ID, OrgID: f.client.ID})
		learnMust(t, err)
		if cs, _ := f.svc.FinishedCohorts(f.ctx, ann.Email); len(cs) != 0 {
			t.Fatalf("finished before attending: %v", cs)
		}
		setClock(t, last.EndsAt)
		learnMust(t, f.svc.MarkAttendance(f.ctx, last.ID, map[int64]string{b.ID: lightbulb.Attended}, ""))
		cs, err := f.svc.FinishedCohorts(f.ctx, ann.Email)
		if err != nil || len(cs) != 1 || cs[0].ID != c.ID {
			t.Fatalf("finished cohorts = %v, %v", cs, err)
		}
		ps := sqldb.NewPlanService(db)
		cctx := lightbulb.WithOrg(t.Context(), f.client.ID)
		p := &lightbulb.Plan{UserID: ann.ID, Reflection: "Ask first.", Shared: true, CohortID: c.ID,
			Actions: []*lightbulb.PlanAction{{Text: "Talk to the team", DueOn: "2099-01-01"}}}
		learnMust(t, ps.CreatePlan(cctx, p))
		learnMust(t, ps.CreatePlan(cctx, &lightbulb.Plan{UserID: ann.ID, Reflection: "Not a programme's.",
			Actions: []*lightbulb.PlanAction{{Text: "Read", DueOn: "2099-01-01"}}}))
		pr, err := ps.CohortPlans(cctx, c.ID)
		if err != nil || pr.Plans != 1 || len(pr.Shared) != 1 || pr.Shared[0].CohortID != c.ID || pr.CohortID != c.ID {
			t.Fatalf("cohort plans = %+v, %v", pr, err)
		}
		if all, _ := ps.Progress(cctx); all.Plans != 2 {
			t.Fatalf("all plans = %d", all.Plans)
		}
		if pr, _ := ps.CohortPlans(f.ctx, c.ID); pr.Plans != 0 {
			t.Fatalf("the provider's own organisation counts the client's plans: %d", pr.Plans)
		}
	})
}
