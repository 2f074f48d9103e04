package sqldb_test

import (
	"context"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// newCoverageFixture is the training fixture with three of the client's
// people: Ann (staff) attended a session, Bob (staff and lead) booked and
// did not come, Cat (admin) did not book.
func newCoverageFixture(t *testing.T, db *sqldb.DB) (f *trainingFixture, ann, bob *lightbulb.User) {
	t.Helper()
	f = newTrainingFixture(t, db)
	ann = sqldbtest.MustUser(t, db, "ann@example.org", f.client, lightbulb.RoleStaff)
	bob = sqldbtest.MustUser(t, db, "bob@example.org", f.client, lightbulb.RoleStaff, lightbulb.RoleLead)
	sqldbtest.MustUser(t, db, "cat@example.org", f.client, lightbulb.RoleAdmin)
	x := f.session(t, 10, time.Now().Add(48*time.Hour).UTC().Truncate(time.Minute), 0)
	a, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Ann", Email: "ann@example.org", UserID: ann.ID, OrgID: f.client.ID})
	learnMust(t, err)
	b, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Bob", Email: "bob@example.org", UserID: bob.ID, OrgID: f.client.ID})
	learnMust(t, err)
	setClock(t, x.StartsAt.Add(time.Hour))
	learnMust(t, f.svc.MarkAttendance(f.ctx, x.ID, map[int64]string{a.ID: lightbulb.Attended, b.ID: lightbulb.NoShow}, ""))
	return f, ann, bob
}

func TestTrainingCoverage(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f, ann, bob := newCoverageFixture(t, db)
		cs := sqldb.NewCoverageService(db)
		ctx := lightbulb.WithOrg(context.Background(), f.client.ID)
		if err := cs.SetMandatory(ctx, map[int64][]lightbulb.Role{f.course.ID: {"wizard"}}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("a role that does not exist: %v", err)
		}
		if err := cs.SetMandatory(ctx, map[int64][]lightbulb.Role{f.course.ID + 999: {lightbulb.RoleStaff}}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("a course that does not exist: %v", err)
		}
		learnMust(t, cs.SetMandatory(ctx, map[int64][]lightbulb.Role{f.course.ID: {lightbulb.RoleStaff, lightbulb.RoleLead}}))
		cov, err := cs.Coverage(ctx, []*lightbulb.Course{f.course})
		learnMust(t, err)
		if cov.All.People != 3 || cov.All.Trained != 1 || cov.All.Percent() != 33 {
			t.Fatalf("overall %+v", cov.All)
		}
		got := map[lightbulb.Role][2]int{}
		for _, r := range cov.Roles {
			got[r.Role] = [2]int{r.People, r.Trained}
		}
		if got[lightbulb.RoleStaff] != [2]int{2, 1} || got[lightbulb.RoleLead] != [2]int{1, 0} || got[lightbulb.RoleAdmin] != [2]int{1, 0} {
			t.Fatalf("by role %v", got)
		}
		if len(cov.Units) != 0 {
			t.Fatalf("by unit before anyone belongs to one: %+v", cov.Units)
		}
		// Ann and Bob belong to Ward 7, Bob also to the day hospital.
		w7, dh := sqldbtest.MustUnit(t, db, f.client, "Ward 7"), sqldbtest.MustUnit(t, db, f.client, "Day hospital")
		us := sqldb.NewUnitService(db)
		learnMust(t, us.AddMember(ctx, w7.ID, ann.ID))
		learnMust(t, us.AddMember(ctx, w7.ID, bob.ID))
		learnMust(t, us.AddMember(ctx, dh.ID, bob.ID))
		cov, err = cs.Coverage(ctx, []*lightbulb.Course{f.course})
		learnMust(t, err)
		if len(cov.Units) != 2 || *cov.Units[0] != (lightbulb.CoverageUnit{UnitID: dh.ID, Name: "Day hospital", People: 1}) ||
			*cov.Units[1] != (lightbulb.CoverageUnit{UnitID: w7.ID, Name: "Ward 7", People: 2, Trained: 1}) {
			t.Fatalf("by unit %+v %+v", cov.Units[0], cov.Units)
		}
		out := map[lightbulb.Role]int{}
		for _, m := range cov.Mandatory {
			out[m.Role] = m.Outstanding
		}
		if len(cov.Mandatory) != 2 || out[lightbulb.RoleStaff] != 1 || out[lightbulb.RoleLead] != 1 {
			t.Fatalf("mandatory %+v", cov.Mandatory)
		}
		// The provider's own coverage counts none of the client's people.
		pc, err := cs.Coverage(f.ctx, []*lightbulb.Course{f.course})
		learnMust(t, err)
		if pc.All.Trained != 0 || len(pc.Mandatory) != 0 {
			t.Fatalf("the provider sees the client's coverage: %+v", pc)
		}
	})
}
