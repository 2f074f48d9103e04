package sqldb_test

import (
	"context"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestSessionSeriesAllOrNothing: a series is saved whole, or not at all.
func TestSessionSeriesAllOrNothing(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		c := f.twoPartCohort(t)
		first := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Minute)
		series := func(n int) []*lightbulb.Session {
			var xs []*lightbulb.Session
			for i := range n {
				at := first.AddDate(0, 0, 7*i)
				xs = append(xs, &lightbulb.Session{CourseID: f.course.ID, CohortID: c.ID, Part: 1, StartsAt: at, EndsAt: at.Add(2 * time.Hour),
					Mode: lightbulb.ModeOnline, JoinURL: "https://meet.example/series", Capacity: 25, Facilitators: "Tomos"})
			}
			return xs
		}
		count := func() int {
			all, err := f.svc.FindSessions(f.ctx, lightbulb.SessionFilter{CohortID: c.ID})
			learnMust(t, err)
			return len(all)
		}
		bad := series(30)
		bad[29].Capacity = 0
		if err := f.svc.CreateSessions(f.ctx, bad); lightbulb.ErrorCode(err) != lightbulb.EINVALID || count() != 0 {
			t.Fatalf("a series with one bad session: %v, %d saved", err, count())
		}
		// Another provider's cohort is refused after the first rows were
		// written: the transaction takes them back.
		other := sqldbtest.MustOrg(t, db, "othercharity", lightbulb.KindCharity)
		octx := lightbulb.WithOrg(context.Background(), other.ID)
		oc := &lightbulb.Course{Title: "Theirs", Summary: "x", DurationMins: 60, Mode: lightbulb.ModeOnline}
		learnMust(t, f.svc.CreateCourse(octx, oc))
		mixed := series(3)
		mixed[2].CourseID = oc.ID
		if err := f.svc.CreateSessions(f.ctx, mixed); lightbulb.ErrorCode(err) != lightbulb.EINVALID || count() != 0 {
			t.Fatalf("a series naming another provider's course: %v, %d saved", err, count())
		}
		good := series(30)
		learnMust(t, f.svc.CreateSessions(f.ctx, good))
		if count() != 30 || good[29].ID == 0 {
			t.Fatalf("%d sessions saved", count())
		}
	})
}

// TestWorkshopFocusCoversTheNeedsMap: a workshop records the rights and
// practice issues it addresses, and the client's coverage counts them.
func TestWorkshopFocusCoversTheNeedsMap(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		for _, code := range []string{"A2", "A3", "A8"} {
			sqldbtest.MustRight(t, db, code, lightbulb.Qualified)
		}
		c := f.twoPartCohort(t)
		at := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Minute)
		x := &lightbulb.Session{CourseID: f.course.ID, CohortID: c.ID, Part: 1, StartsAt: at, EndsAt: at.Add(time.Hour), Mode: lightbulb.ModeOnline,
			JoinURL: "https://meet.example/focus", Capacity: 10, Rights: []string{"A8", "A3"}, Issues: []string{"visiting", "nonsense"}}
		if err := f.svc.CreateSession(f.ctx, x); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("an issue not on the list: %v", err)
		}
		x.Issues = []string{"visiting"}
		learnMust(t, f.svc.CreateSession(f.ctx, x))
		got, err := f.svc.FindSession(f.ctx, x.ID)
		learnMust(t, err)
		if len(got.Rights) != 2 || got.Rights[0] != "A3" || len(got.Issues) != 1 {
			t.Fatalf("focus = %v %v", got.Rights, got.Issues)
		}
		cov, err := f.svc.FocusCoverage(f.ctx, f.client.ID, 0)
		learnMust(t, err)
		if cov.Rights["A8"] != 1 || cov.Issues["visiting"] != 1 || cov.Rights["A2"] != 0 {
			t.Fatalf("coverage = %+v", cov)
		}
		got.Rights = []string{"A2"}
		learnMust(t, f.svc.UpdateSession(f.ctx, got))
		if cov, _ = f.svc.FocusCoverage(f.ctx, f.client.ID, c.ID); cov.Rights["A8"] != 0 || cov.Rights["A2"] != 1 {
			t.Fatalf("coverage after the change = %+v", cov)
		}
		if cov, _ = f.svc.FocusCoverage(lightbulb.WithOrg(context.Background(), f.client.ID), f.client.ID, 0); len(cov.Rights) != 0 {
			t.Fatalf("another organisation's view of the coverage = %+v", cov)
		}
	})
}
