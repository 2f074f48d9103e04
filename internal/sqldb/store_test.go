package sqldb_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

func TestMigrateIsIdempotent(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		n, err := db.Migrate(context.Background())
		if err != nil || n != 0 {
			t.Fatalf("second migrate applied %d, err %v; want 0, nil", n, err)
		}
	})
}

func TestOrgsAndUsers(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		orgs := sqldb.NewOrgService(db)
		o := sqldbtest.MustOrg(t, db, "north-trust", lightbulb.KindNHSTrust)
		if got, err := orgs.FindOrgBySlug(ctx, "north-trust"); err != nil || got.ID != o.ID || got.Kind != lightbulb.KindNHSTrust {
			t.Fatalf("FindOrgBySlug = %+v, %v", got, err)
		}
		dup := &lightbulb.Organisation{Slug: "north-trust", Name: "Again", Kind: lightbulb.KindCouncil}
		if err := orgs.CreateOrg(ctx, dup); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("duplicate slug: got %v, want EINVALID", err)
		}
		bad := &lightbulb.Organisation{Slug: "X!", Kind: "castle"}
		err := orgs.CreateOrg(ctx, bad)
		v, ok := err.(*lightbulb.ValidationErrors)
		if !ok || len(v.List) != 3 {
			t.Fatalf("bad org: got %v, want 3 field errors", err)
		}

		users := sqldb.NewUserService(db)
		u := sqldbtest.MustUser(t, db, "Nurse@Example.org", o, lightbulb.RoleStaff, lightbulb.RoleLead)
		if u.Email != "nurse@example.org" {
			t.Fatalf("email not normalised: %q", u.Email)
		}
		if _, err := users.FindUserByEmail(ctx, " NURSE@example.org "); err != nil {
			t.Fatalf("find by email: %v", err)
		}
		if err := users.CreateUser(ctx, &lightbulb.User{Email: "nurse@example.org", Name: "x"}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("duplicate email: %v", err)
		}
		if err := users.CreateUser(ctx, &lightbulb.User{Email: "not an email", Name: "x"}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("bad email: %v", err)
		}
		ms, err := users.Memberships(ctx, u.ID)
		if err != nil || len(ms) != 1 || len(ms[0].Roles) != 2 || ms[0].Roles[0] != lightbulb.RoleStaff {
			t.Fatalf("memberships = %+v, %v", ms, err)
		}
		if _, err := users.FindUserByID(ctx, 9999); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("missing user: %v", err)
		}
	})
}

// TestTenantScoping proves that member and audit calls need an organisation
// in the context and never return another organisation's rows.
func TestTenantScoping(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		bg := context.Background()
		a := sqldbtest.MustOrg(t, db, "trust-a", lightbulb.KindNHSTrust)
		b := sqldbtest.MustOrg(t, db, "council-b", lightbulb.KindCouncil)
		ua := sqldbtest.MustUser(t, db, "a@example.org", a, lightbulb.RoleAdmin)
		ub := sqldbtest.MustUser(t, db, "b@example.org", b, lightbulb.RoleStaff)
		users, audit := sqldb.NewUserService(db), sqldb.NewAuditService(db)

		if _, err := users.FindMembers(bg); lightbulb.ErrorCode(err) != lightbulb.EFORBIDDEN {
			t.Fatalf("FindMembers without org: %v, want EFORBIDDEN", err)
		}
		if err := users.SetRoles(bg, ub.ID, nil); lightbulb.ErrorCode(err) != lightbulb.EFORBIDDEN {
			t.Fatalf("SetRoles without org: %v, want EFORBIDDEN", err)
		}
		if _, _, err := audit.FindAudit(bg, lightbulb.AuditFilter{}); lightbulb.ErrorCode(err) != lightbulb.EFORBIDDEN {
			t.Fatalf("FindAudit without org: %v, want EFORBIDDEN", err)
		}

		ctxA := lightbulb.WithOrg(bg, a.ID)
		ms, err := users.FindMembers(ctxA)
		if err != nil || len(ms) != 1 || ms[0].User.ID != ua.ID {
			t.Fatalf("members of A = %+v, %v", ms, err)
		}
		if _, err := users.FindMember(ctxA, ub.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("A sees B's member: %v", err)
		}
		// Adding roles in A to B's person must not touch their roles in B.
		if err := users.SetRoles(ctxA, ub.ID, []lightbulb.Role{lightbulb.RoleExpert}); err != nil {
			t.Fatal(err)
		}
		if err := users.SetRoles(ctxA, ub.ID, nil); err != nil {
			t.Fatal(err)
		}
		if m, err := users.FindMember(lightbulb.WithOrg(bg, b.ID), ub.ID); err != nil || len(m.Roles) != 1 {
			t.Fatalf("B's roles changed: %+v, %v", m, err)
		}
		if err := users.SetRoles(ctxA, ua.ID, []lightbulb.Role{"overlord"}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("unknown role: %v", err)
		}

		if err := audit.Record(ctxA, "test.a", "x", ""); err != nil {
			t.Fatal(err)
		}
		if err := audit.Record(lightbulb.WithOrg(bg, b.ID), "test.b", "y", ""); err != nil {
			t.Fatal(err)
		}
		es, n, err := audit.FindAudit(ctxA, lightbulb.AuditFilter{})
		if err != nil || n != 1 || es[0].Action != "test.a" {
			t.Fatalf("A's audit = %v %d %v", es, n, err)
		}
		if _, n, _ := audit.FindAudit(bg, lightbulb.AuditFilter{AllOrgs: true}); n != 2 {
			t.Fatalf("all orgs audit count = %d, want 2", n)
		}
	})
}

func TestRightVersions(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := lightbulb.WithActor(context.Background(), &lightbulb.Actor{UserID: 1, Name: "Ada Admin"})
		sqldbtest.MustRight(t, db, "A8", lightbulb.Qualified)
		sqldbtest.MustRight(t, db, "A3", lightbulb.Absolute)
		rights := sqldb.NewRightService(db)
		if n, err := rights.SeedRights(ctx, []sqldb.SeedRight{{Code: "A8", Article: "x", Category: lightbulb.Absolute}}); err != nil || n != 0 {
			t.Fatalf("reseed added %d, %v; want 0", n, err)
		}
		all, err := rights.FindRights(ctx, "cy")
		if err != nil || len(all) != 2 || all[0].Code != "A8" || all[0].Text.Title != "Hawl A8" || all[0].Stale {
			t.Fatalf("FindRights(cy) = %+v, %v", all, err)
		}
		r, _ := rights.FindRight(ctx, "a8", "en")
		edit := r.Text
		edit.Title = "Respect for private and family life"
		if err := rights.UpdateRight(ctx, "A8", lightbulb.Qualified, edit); err != nil {
			t.Fatal(err)
		}
		got, _ := rights.FindRight(ctx, "A8", "en")
		if got.Text.Title != edit.Title || got.Text.Version != 2 || got.Text.EditedBy != "Ada Admin" {
			t.Fatalf("after edit: %+v", got.Text)
		}
		cy, _ := rights.FindRight(ctx, "A8", "cy")
		if !cy.Stale {
			t.Fatal("Welsh text should be stale after an English edit")
		}
		hist, err := rights.RightHistory(ctx, "A8", "en")
		if err != nil || len(hist) != 2 || hist[1].Title != "Right A8" {
			t.Fatalf("history = %+v, %v", hist, err)
		}
		// A bad edit is refused and nothing changes.
		bad := got.Text
		bad.Title = "  "
		if err := rights.UpdateRight(ctx, "A8", "sometimes", bad); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("empty title: %v", err)
		}
		if err := rights.UpdateRight(ctx, "A99", lightbulb.Qualified, got.Text); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("unknown code: %v", err)
		}
		if h, _ := rights.RightHistory(ctx, "A8", "en"); len(h) != 2 {
			t.Fatalf("bad edits added versions: %d", len(h))
		}
		if _, err := rights.FindRight(ctx, "A99", "en"); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("FindRight(A99) = %v", err)
		}
		cyEdit := cy.Text
		cyEdit.Title = "Parch at fywyd preifat"
		if err := rights.UpdateRight(ctx, "A8", lightbulb.Qualified, cyEdit); err != nil {
			t.Fatal(err)
		}
		if cy, _ := rights.FindRight(ctx, "A8", "cy"); cy.Stale || cy.Text.BasedOn != 2 {
			t.Fatalf("retranslated Welsh still stale: %+v", cy)
		}
		found, err := rights.SearchRights(ctx, "Visits", "en")
		if err != nil || len(found) != 2 {
			t.Fatalf("search = %d, %v", len(found), err)
		}
	})
}

func TestResetTokens(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		u := sqldbtest.MustUser(t, db, "r@example.org", nil)
		resets := sqldb.NewResetService(db)
		if err := resets.CreateReset(ctx, u.ID, "h1", time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := resets.CreateReset(ctx, u.ID, "h2", time.Now().Add(-time.Minute)); err != nil {
			t.Fatal(err)
		}
		if id, err := resets.UseReset(ctx, "h1"); err != nil || id != u.ID {
			t.Fatalf("use = %d, %v", id, err)
		}
		for _, tok := range []string{"h1", "h2", "nope"} {
			if _, err := resets.UseReset(ctx, tok); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
				t.Fatalf("token %s: %v, want EINVALID", tok, err)
			}
		}
	})
}

func TestSessionsAndMail(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		s := sqldb.NewSessionStore(db)
		if err := s.CommitCtx(ctx, "tok", []byte("one"), time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := s.CommitCtx(ctx, "tok", []byte("two"), time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if b, ok, err := s.FindCtx(ctx, "tok"); err != nil || !ok || string(b) != "two" {
			t.Fatalf("find = %q %v %v", b, ok, err)
		}
		if err := s.CommitCtx(ctx, "old", []byte("x"), time.Now().Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := s.FindCtx(ctx, "old"); ok {
			t.Fatal("expired session found")
		}
		if n, err := s.DeleteExpired(ctx); err != nil || n != 1 {
			t.Fatalf("DeleteExpired = %d, %v", n, err)
		}

		m := sqldb.NewMailService(db)
		if err := m.SendMail(ctx, &lightbulb.Mail{To: "x@example.org", Subject: "Hi", Body: "Body"}); err != nil {
			t.Fatal(err)
		}
		if ms, err := m.FindMail(ctx, 10); err != nil || len(ms) != 1 || ms[0].SentAt != nil {
			t.Fatalf("outbox = %+v, %v", ms, err)
		}
		// Delivery is a job: a mail server failure keeps the message with its
		// error and tries again later; a success records when, once.
		var delivered []string
		m.Deliver = func(_ context.Context, x *lightbulb.Mail) error { return errors.New("connection refused") }
		if err := m.SendMail(ctx, &lightbulb.Mail{To: "y@example.org", Subject: "Down", Body: "b"}); err != nil {
			t.Fatal(err)
		}
		q := jobs.NewQueue(db.Writer(), string(db.Dialect))
		m.RegisterJobs(q)
		if n, err := q.RunDue(ctx, 10); err != nil || n != 2 {
			t.Fatalf("first delivery run: %d %v", n, err)
		}
		m.Deliver = func(_ context.Context, x *lightbulb.Mail) error {
			delivered = append(delivered, x.To+" "+x.MessageID)
			return nil
		}
		if err := m.SendMail(ctx, &lightbulb.Mail{To: "z@example.org", Subject: "Up", Body: "b"}); err != nil {
			t.Fatal(err)
		}
		if _, err := q.RunDue(ctx, 10); err != nil {
			t.Fatal(err)
		}
		ms, _ := m.FindMail(ctx, 10)
		if len(ms) != 3 || ms[1].Error != "connection refused" || ms[1].SentAt != nil || ms[1].Status != lightbulb.MailRetrying ||
			ms[1].Attempts != 1 || ms[1].NextTry == nil || ms[0].SentAt == nil || ms[0].Status != lightbulb.MailSent {
			t.Fatalf("outbox after delivery = %+v %+v", ms[0], ms[1])
		}
		real := lightbulb.Now
		lightbulb.Now = func() time.Time { return real().Add(time.Minute) }
		defer func() { lightbulb.Now = real }()
		for range 2 {
			if _, err := q.RunDue(ctx, 10); err != nil {
				t.Fatal(err)
			}
		}
		ms, _ = m.FindMail(ctx, 10)
		for _, x := range ms {
			if x.Status != lightbulb.MailSent || x.Error != "" {
				t.Fatalf("after the server came back: %+v", x)
			}
		}
		if len(delivered) != 3 || !strings.HasSuffix(delivered[1], ms[1].MessageID) && !strings.HasSuffix(delivered[2], ms[1].MessageID) {
			t.Fatalf("delivered %v; want each message once with its own Message-ID", delivered)
		}
	})
}

func TestEraseUser(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		o := sqldbtest.MustOrg(t, db, "trust-e", lightbulb.KindNHSTrust)
		u := sqldbtest.MustUser(t, db, "erase.me@example.org", o, lightbulb.RoleStaff)
		keep := sqldbtest.MustUser(t, db, "keep.me@example.org", o, lightbulb.RoleStaff)
		ctx := lightbulb.WithOrg(context.Background(), o.ID)
		users, audit := sqldb.NewUserService(db), sqldb.NewAuditService(db)
		actx := lightbulb.WithActor(ctx, &lightbulb.Actor{UserID: u.ID, Name: u.Name, IP: "10.0.0.1"})
		if err := audit.Record(actx, "sign_in", u.Email, ""); err != nil {
			t.Fatal(err)
		}
		if err := sqldb.NewResetService(db).CreateReset(ctx, u.ID, "tok", time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := users.EraseUser(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		got, _ := users.FindUserByID(ctx, u.ID)
		if got.Name != "Erased person" || !got.Disabled || got.Email == u.Email {
			t.Fatalf("erased = %+v", got)
		}
		if ms, _ := users.Memberships(ctx, u.ID); len(ms) != 0 {
			t.Fatalf("memberships left: %+v", ms)
		}
		if _, err := sqldb.NewResetService(db).UseReset(ctx, "tok"); err == nil {
			t.Fatal("reset link survived erasure")
		}
		es, _, _ := audit.FindAudit(ctx, lightbulb.AuditFilter{})
		if len(es) != 1 || es[0].ActorName != "Erased person" || es[0].IP != "" || es[0].Target == u.Email {
			t.Fatalf("audit after erase: %+v", es[0])
		}
		if k, _ := users.FindUserByID(ctx, keep.ID); k.Name != keep.Name {
			t.Fatal("another person was touched")
		}
		if err := users.EraseUser(ctx, 99999); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("erase missing: %v", err)
		}
	})
}
