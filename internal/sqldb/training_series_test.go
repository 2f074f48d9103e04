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
