package sqldb_test

import (
	"context"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// Using one reset link ends the person's other links, and no one else's.
func TestUsingAResetEndsOlderLinks(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		u := sqldbtest.MustUser(t, db, "older@example.org", nil)
		other := sqldbtest.MustUser(t, db, "other@example.org", nil)
		resets := sqldb.NewResetService(db)
		for _, x := range []struct {
			id   int64
			hash string
		}{{u.ID, "old"}, {u.ID, "new"}, {other.ID, "theirs"}} {
			if err := resets.CreateReset(ctx, x.id, x.hash, time.Now().Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
		if id, err := resets.UseReset(ctx, "new"); err != nil || id != u.ID {
			t.Fatalf("use = %d, %v", id, err)
		}
		if _, err := resets.UseReset(ctx, "old"); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("older link after a reset: %v, want EINVALID", err)
		}
		if id, err := resets.UseReset(ctx, "theirs"); err != nil || id != other.ID {
			t.Fatalf("someone else's link: %d, %v", id, err)
		}
	})
}

// Only the organisation's staff and leads answer its staff survey: not an
// expert, not someone from another organisation.
func TestSurveyIsForStaffOnly(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newLearnSurveyFixture(t, db)
		expert := sqldbtest.MustUser(t, db, "expert@example.org", f.org, lightbulb.RoleExpert)
		lead := sqldbtest.MustUser(t, db, "lead@example.org", f.org, lightbulb.RoleLead)
		outsider := sqldbtest.MustUser(t, db, "outsider@example.org", f.other, lightbulb.RoleStaff)
		for _, u := range []*lightbulb.User{expert, outsider} {
			if err := f.svc.Respond(f.ctx, f.survey.ID, u.ID, learnSurveyAnswer(4, "")); lightbulb.ErrorCode(err) != lightbulb.EFORBIDDEN {
				t.Errorf("%s answered: %v", u.Email, err)
			}
		}
		for _, u := range []*lightbulb.User{f.staff[0], lead} {
			if err := f.svc.Respond(f.ctx, f.survey.ID, u.ID, learnSurveyAnswer(4, "")); err != nil {
				t.Errorf("%s could not answer: %v", u.Email, err)
			}
		}
		if x, err := f.svc.FindSurvey(f.ctx, f.survey.ID); err != nil || x.Responses != 2 {
			t.Fatalf("survey after answers: %+v, %v", x, err)
		}
	})
}

// Adding an existing account makes a pending membership it accepts; a new
// address gets a new account the same way.
func TestInvitations(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		org := sqldbtest.MustOrg(t, db, "trust-i", lightbulb.KindNHSTrust)
		other := sqldbtest.MustOrg(t, db, "council-i", lightbulb.KindCouncil)
		elsewhere := sqldbtest.MustUser(t, db, "elsewhere@example.org", other, lightbulb.RoleStaff)
		member := sqldbtest.MustUser(t, db, "member@example.org", org, lightbulb.RoleStaff)
		ctx := lightbulb.WithOrg(context.Background(), org.ID)
		svc, users := sqldb.NewInvitationService(db), sqldb.NewUserService(db)
		if err := users.SetPassword(context.Background(), elsewhere.ID, "a hash"); err != nil {
			t.Fatal(err)
		}
		week := time.Now().Add(7 * 24 * time.Hour)
		staff := []lightbulb.Role{lightbulb.RoleStaff}

		if _, err := svc.Invite(ctx, "not an address", "", nil, "x", week); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("bad invite: %v", err)
		}
		if _, err := svc.Invite(ctx, "member@example.org", "Typed Name", staff, "m", week); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("inviting a member: %v", err)
		}
		inv, err := svc.Invite(ctx, "Elsewhere@Example.org", "Typed Name", staff, "old", week)
		if err != nil || inv.UserID != elsewhere.ID || inv.NewAccount {
			t.Fatalf("invite an existing account: %+v, %v", inv, err)
		}
		// Inviting again replaces the first link.
		if _, err := svc.Invite(ctx, "elsewhere@example.org", "Typed Name", []lightbulb.Role{lightbulb.RoleExpert}, "tok", week); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.FindInvitation(ctx, "old"); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("replaced link: %v", err)
		}
		if u, _ := users.FindUserByID(ctx, elsewhere.ID); u.Name != elsewhere.Name {
			t.Fatalf("the typed name changed the account: %q", u.Name)
		}
		if _, err := users.FindMember(ctx, elsewhere.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("a member before accepting: %v", err)
		}
		fresh, err := svc.Invite(ctx, "new.person@example.org", "New Person", staff, "new", week)
		if err != nil || !fresh.NewAccount {
			t.Fatalf("invite a new address: %+v, %v", fresh, err)
		}
		pending, err := svc.PendingInvitations(ctx)
		if err != nil || len(pending) != 2 || pending[0].Email != "new.person@example.org" {
			t.Fatalf("pending: %+v, %v", pending, err)
		}
		if _, err := svc.AcceptInvitation(ctx, "tok", member.ID); lightbulb.ErrorCode(err) != lightbulb.EFORBIDDEN {
			t.Fatalf("accepted by someone else: %v", err)
		}
		if _, err := svc.AcceptInvitation(ctx, "tok", elsewhere.ID); err != nil {
			t.Fatal(err)
		}
		m, err := users.FindMember(ctx, elsewhere.ID)
		if err != nil || len(m.Roles) != 1 || m.Roles[0] != lightbulb.RoleExpert {
			t.Fatalf("after accepting: %+v, %v", m, err)
		}
		if _, err := svc.AcceptInvitation(ctx, "tok", elsewhere.ID); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("accepted twice: %v", err)
		}
		if pending, _ := svc.PendingInvitations(lightbulb.WithOrg(ctx, other.ID)); len(pending) != 0 {
			t.Fatalf("another organisation sees %d invitations", len(pending))
		}
	})
}

// Public forms send one address at most PublicMailPerDay emails a day.
func TestMailAllowance(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		a := sqldb.NewMailAllowance(db)
		for i := 0; i < 3; i++ {
			if ok, err := a.TakeMail(ctx, "Flood@Example.org", 3); !ok || err != nil {
				t.Fatalf("email %d: %v %v", i+1, ok, err)
			}
		}
		if ok, err := a.TakeMail(ctx, "flood@example.org", 3); ok || err != nil {
			t.Fatalf("over the cap: %v %v", ok, err)
		}
		if ok, _ := a.TakeMail(ctx, "someone.else@example.org", 3); !ok {
			t.Fatal("another address was capped")
		}
	})
}

// The audit log filters by record (a target or its "target: ..." form) and
// by the person who acted.
func TestAuditFiltersByRecordAndPerson(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		org := sqldbtest.MustOrg(t, db, "trust-au", lightbulb.KindNHSTrust)
		ann := sqldbtest.MustUser(t, db, "ann@example.org", org, lightbulb.RoleStaff)
		bob := sqldbtest.MustUser(t, db, "bob@example.org", org, lightbulb.RoleStaff)
		ctx := lightbulb.WithOrg(context.Background(), org.ID)
		audit := sqldb.NewAuditService(db)
		as := func(u *lightbulb.User) context.Context {
			return lightbulb.WithActor(ctx, &lightbulb.Actor{UserID: u.ID, Name: u.Name})
		}
		for _, x := range []struct {
			who            *lightbulb.User
			action, target string
		}{{ann, "case.view", "case 12"}, {bob, "case.view", "case 12"}, {ann, "case.view", "case 123"},
			{ann, "review.view", "review 3: Ward 9"}, {bob, "review.view", "review 31: Ward 1"}} {
			if err := audit.Record(as(x.who), x.action, x.target, ""); err != nil {
				t.Fatal(err)
			}
		}
		count := func(f lightbulb.AuditFilter) int {
			t.Helper()
			es, total, err := audit.FindAudit(ctx, f)
			if err != nil || total != len(es) {
				t.Fatalf("%+v: %d of %d, %v", f, len(es), total, err)
			}
			return total
		}
		for _, c := range []struct {
			f    lightbulb.AuditFilter
			want int
		}{
			{lightbulb.AuditFilter{Record: "case 12"}, 2},
			{lightbulb.AuditFilter{Record: "review 3"}, 1},
			{lightbulb.AuditFilter{Record: "case 12", ActorID: bob.ID}, 1},
			{lightbulb.AuditFilter{ActorID: ann.ID}, 3},
			{lightbulb.AuditFilter{Record: "case 1"}, 0},
		} {
			if got := count(c.f); got != c.want {
				t.Errorf("%+v: %d entries, want %d", c.f, got, c.want)
			}
		}
	})
}
