package sqldb_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestAccessNeedsKeptOnlyUntilAfterTheSession: a booker's access needs and
// organisation are kept with the booking; the daily job clears the needs
// 30 days after the session, and erasure clears them at once.
func TestAccessNeedsKeptOnlyUntilAfterTheSession(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		x := f.session(t, 5, time.Now().Add(72*time.Hour).UTC().Truncate(time.Minute), 0)
		long := &lightbulb.BookingRequest{SessionID: x.ID, Name: "Ann", Email: "ann@example.org", AccessNeeds: strings.Repeat("x", 1001)}
		if _, err := f.svc.Book(f.ctx, long); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("access needs over 1,000 characters: %v", err)
		}
		b, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Ann", Email: "ann@example.org",
			AccessNeeds: " Captions, please. ", Organisation: "Harbour Hospice"})
		learnMust(t, err)
		reg, _ := f.svc.Register(f.ctx, x.ID)
		if len(reg) != 1 || reg[0].AccessNeeds != "Captions, please." || reg[0].Organisation != "Harbour Hospice" || b.AccessNeeds != "Captions, please." {
			t.Fatalf("register = %+v", reg)
		}
		// Reach counts confirmed places by organisation, whatever its case.
		_, err = f.svc.ConfirmBooking(f.ctx, b.Token)
		learnMust(t, err)
		for i, o := range []string{"harbour hospice", ""} {
			b2, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "P", Email: fmt.Sprintf("p%d@example.org", i), Organisation: o})
			learnMust(t, err)
			_, err = f.svc.ConfirmBooking(f.ctx, b2.Token)
			learnMust(t, err)
		}
		reach, err := f.svc.OpenSessionReach(f.ctx)
		if err != nil || len(reach) != 2 || reach[0].People != 2 || !strings.EqualFold(reach[0].Organisation, "Harbour Hospice") || reach[1].Organisation != "" {
			t.Fatalf("reach = %+v, %v", reach, err)
		}
		q := sqldbtest.Jobs(t, db, f.svc)
		run := func(at time.Time) string {
			setClock(t, at)
			if _, err := q.RunDue(context.Background(), 100); err != nil {
				t.Fatal(err)
			}
			reg, _ := f.svc.Register(f.ctx, x.ID)
			return reg[0].AccessNeeds
		}
		if got := run(x.EndsAt.Add(24 * time.Hour)); got == "" {
			t.Fatal("access needs cleared the day after the session")
		}
		if got := run(x.EndsAt.AddDate(0, 0, 32)); got != "" {
			t.Fatalf("access needs kept 32 days after the session: %q", got)
		}
		if reg, _ := f.svc.Register(f.ctx, x.ID); reg[0].Organisation != "Harbour Hospice" {
			t.Fatal("the organisation went with the access needs")
		}
	})
}

// TestCohortMembershipInSubjectAccessAndErasure: a member is found by their
// email address, exported with their access needs, and erasure deletes the
// membership and clears the needs.
func TestCohortMembershipInSubjectAccessAndErasure(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		c := f.twoPartCohort(t)
		x := f.session(t, 5, time.Now().Add(72*time.Hour).UTC().Truncate(time.Minute), 0)
		_, err := f.svc.AddMembers(f.ctx, c.ID, []lightbulb.CohortMember{{Email: "ann@example.org", Name: "Ann"}, {Email: "bob@example.org"}}, 0)
		learnMust(t, err)
		_, err = f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Ann", Email: "ann@example.org", AccessNeeds: "A hearing loop"})
		learnMust(t, err)
		ps := sqldb.NewPrivacyService(db)
		ex, err := ps.ExportPerson(context.Background(), lightbulb.Subject{Email: "ann@example.org"})
		learnMust(t, err)
		found := map[string]bool{}
		for _, s := range ex.Sections {
			for _, r := range s.Records {
				if s.Section == "cohort_memberships" && r["email"] == "ann@example.org" {
					found["member"] = true
				}
				if s.Section == "training_bookings" && r["access_needs"] == "A hearing loop" {
					found["needs"] = true
				}
			}
		}
		if !found["member"] || !found["needs"] {
			t.Fatalf("export found %v in %+v", found, ex.Sections)
		}
		_, err = ps.ErasePerson(context.Background(), lightbulb.Subject{Email: "ann@example.org"})
		learnMust(t, err)
		ms, _ := f.svc.FindMembers(f.ctx, c.ID)
		if len(ms) != 1 || ms[0].Email != "bob@example.org" {
			t.Fatalf("members after erasing Ann: %+v", ms)
		}
		if reg, _ := f.svc.Register(f.ctx, x.ID); len(reg) != 1 || reg[0].AccessNeeds != "" {
			t.Fatalf("access needs after erasure: %+v", reg)
		}
	})
}
