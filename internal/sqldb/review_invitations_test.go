package sqldb_test

import (
	"context"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestReviewInvitationsEmailed: inviting queues the email with the
// invitation; a person's invitations come from every organisation they
// still belong to, never from one they left.
func TestReviewInvitationsEmailed(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		rs := seedTestFramework(t, db)
		rs.BaseURL = "https://lb.example"
		a := sqldbtest.MustOrg(t, db, "trust-a", lightbulb.KindNHSTrust)
		b := sqldbtest.MustOrg(t, db, "care-b", lightbulb.KindCareProvider)
		leadA := sqldbtest.MustUser(t, db, "lead@a.test", a, lightbulb.RoleLead)
		leadB := sqldbtest.MustUser(t, db, "lead@b.test", b, lightbulb.RoleLead)
		esther := sqldbtest.MustUser(t, db, "esther@x.test", a, lightbulb.RoleExpert)
		users := sqldb.NewUserService(db)
		if err := users.SetRoles(lightbulb.WithOrg(context.Background(), b.ID), esther.ID, []lightbulb.Role{lightbulb.RoleExpert}); err != nil {
			t.Fatal(err)
		}
		start := func(org *lightbulb.Organisation, lead *lightbulb.User, unit string) *lightbulb.Review {
			sqldbtest.MustUnit(t, db, org, unit)
			r := &lightbulb.Review{Subject: unit, PeriodStart: day(2026, 1, 1), PeriodEnd: day(2026, 3, 31)}
			if err := rs.CreateReview(actorCtx(org, lead), r); err != nil {
				t.Fatal(err)
			}
			if err := rs.AddContributor(actorCtx(org, lead), r.ID, lightbulb.Contributor{UserID: esther.ID, Kind: lightbulb.AsExpert}); err != nil {
				t.Fatal(err)
			}
			return r
		}
		ra, rb := start(a, leadA, "Ward 7"), start(b, leadB, "Oak House")
		ms, err := sqldb.NewMailService(db).FindMail(context.Background(), 10)
		if err != nil || len(ms) != 2 {
			t.Fatalf("mail = %d, %v", len(ms), err)
		}
		for _, m := range ms {
			if m.To != esther.Email || !strings.Contains(m.Body, "https://lb.example/reviews/") || !strings.Contains(m.Body, "/rate?org=") {
				t.Errorf("invitation mail: %+v", m)
			}
		}
		ectx := actorCtx(a, esther)
		got, err := rs.MyInvitations(ectx)
		if err != nil || len(got) != 2 {
			t.Fatalf("invitations = %+v, %v", got, err)
		}
		if got[0].ReviewID != rb.ID && got[1].ReviewID != rb.ID {
			t.Fatalf("care home B's invitation is missing: %+v", got)
		}
		// She leaves care home B: its invitation goes from her list.
		if err := users.SetRoles(lightbulb.WithOrg(context.Background(), b.ID), esther.ID, nil); err != nil {
			t.Fatal(err)
		}
		got, _ = rs.MyInvitations(ectx)
		if len(got) != 1 || got[0].ReviewID != ra.ID || got[0].OrgName != a.Name || got[0].Kind != lightbulb.AsExpert {
			t.Fatalf("after leaving B: %+v", got)
		}
	})
}
