package sqldb_test

import (
	"context"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// twoPartCohort is a cohort of a two-part programme for the fixture's client.
func (f *trainingFixture) twoPartCohort(t *testing.T) *lightbulb.Cohort {
	t.Helper()
	p := &lightbulb.Programme{Title: "Practice Leads"}
	learnMust(t, f.svc.CreateProgramme(f.ctx, p, []int64{f.course.ID, f.course.ID}))
	c := &lightbulb.Cohort{ProgrammeID: p.ID, ClientOrgID: f.client.ID, Name: "Leads", StartsOn: time.Now(), EndsOn: time.Now().AddDate(0, 3, 0)}
	learnMust(t, f.svc.CreateCohort(f.ctx, c))
	return c
}

func TestCohortMembersBookTheirSessions(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		c := f.twoPartCohort(t)
		soon := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Minute)
		a := f.session(t, 10, soon, c.ID)
		b := f.session(t, 10, soon.Add(7*24*time.Hour), c.ID) // another date for part 1
		two := &lightbulb.Session{CourseID: f.course.ID, CohortID: c.ID, Part: 2, StartsAt: soon.Add(30 * 24 * time.Hour),
			EndsAt: soon.Add(30*24*time.Hour + time.Hour), Mode: lightbulb.ModeOnline, JoinURL: "https://meet.example/p2", Capacity: 10}
		learnMust(t, f.svc.CreateSession(f.ctx, two))
		ann := sqldbtest.MustUser(t, db, "ann@example.org", f.client, lightbulb.RoleStaff)
		bob := sqldbtest.MustUser(t, db, "bob@example.org", f.client, lightbulb.RoleStaff)
		book := func(x *lightbulb.Session, u *lightbulb.User) error {
			_, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: u.Name, Email: u.Email, UserID: u.ID, OrgID: f.client.ID})
			return err
		}

		// One bad address adds nobody.
		_, err := f.svc.AddMembers(f.ctx, c.ID, []lightbulb.CohortMember{{Email: "ann@example.org"}, {Email: "not an address"}}, 0)
		if lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("a bad address: %v", err)
		}
		if ms, _ := f.svc.FindMembers(f.ctx, c.ID); len(ms) != 0 {
			t.Fatalf("a refused list left %d members", len(ms))
		}
		n, err := f.svc.AddMembers(f.ctx, c.ID, []lightbulb.CohortMember{{Email: " Ann@Example.org ", Name: "Ann"}}, 0)
		if err != nil || n != 1 {
			t.Fatalf("add Ann: %d, %v", n, err)
		}
		if n, err = f.svc.AddMembers(f.ctx, c.ID, []lightbulb.CohortMember{{Email: "ann@example.org"}, {Email: "cat@example.org"}}, 0); err != nil || n != 1 {
			t.Fatalf("adding Ann again and Cat: %d added, %v", n, err)
		}
		other := lightbulb.WithOrg(context.Background(), f.client.ID)
		if _, err := f.svc.AddMembers(other, c.ID, []lightbulb.CohortMember{{Email: "eve@example.org"}}, 0); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation added a member: %v", err)
		}
		if ms, err := f.svc.FindMembers(other, c.ID); err != nil || len(ms) != 0 {
			t.Fatalf("another organisation read %d members, %v", len(ms), err)
		}

		// Bob is not a member, so he cannot book; Ann can, once a part.
		if err := book(a, bob); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("a non-member booked: %v", err)
		}
		learnMust(t, book(a, ann))
		if err := book(b, ann); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("a second date for part 1: %v", err)
		}
		learnMust(t, book(two, ann))
		if x, _ := f.svc.FindSession(f.ctx, b.ID); x.Taken != 0 {
			t.Fatalf("the refused booking took a place: %d", x.Taken)
		}

		// Taken off the cohort, Cat can no longer book.
		ms, _ := f.svc.FindMembers(f.ctx, c.ID)
		if len(ms) != 2 || ms[0].Name != "Ann" || ms[1].Email != "cat@example.org" {
			t.Fatalf("members = %+v", ms)
		}
		if err := f.svc.RemoveMember(other, c.ID, ms[1].ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation removed a member: %v", err)
		}
		learnMust(t, f.svc.RemoveMember(f.ctx, c.ID, ms[1].ID))
		cat := sqldbtest.MustUser(t, db, "cat@example.org", f.client, lightbulb.RoleStaff)
		if err := book(a, cat); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("a removed member booked: %v", err)
		}
		if cs, err := f.svc.FindClientCohorts(f.ctx, f.client.ID); err != nil || len(cs) != 1 || cs[0].ID != c.ID {
			t.Fatalf("client cohorts = %v, %v", cs, err)
		}

		// The listing offers a cohort with named members to its members only
		// (whatever the address's case), and one without to everyone.
		open := f.twoPartCohort(t)
		listed := func(client int64, email string) map[int64]*lightbulb.Cohort {
			t.Helper()
			got, err := f.svc.ListedCohorts(f.ctx, client, email)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		if got := listed(f.client.ID, "ANN@example.org"); len(got) != 2 || got[c.ID] == nil || got[c.ID].Name != "Leads" || got[open.ID] == nil {
			t.Fatalf("listed for a member: %+v", got)
		}
		if got := listed(0, "bob@example.org"); len(got) != 1 || got[open.ID] == nil {
			t.Fatalf("listed for someone not named: %+v", got)
		}
		if got := listed(f.client.ID+1000, "ann@example.org"); len(got) != 0 {
			t.Fatalf("listed for another client: %+v", got)
		}
		if got, err := f.svc.ListedCohorts(other, 0, "ann@example.org"); err != nil || len(got) != 0 {
			t.Fatalf("another organisation's listing: %+v %v", got, err)
		}
	})
}
