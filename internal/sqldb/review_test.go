package sqldb_test

import (
	"context"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// seedTestFramework stores a small framework of two themes and four statements.
func seedTestFramework(t *testing.T, db *sqldb.DB) *sqldb.ReviewService {
	t.Helper()
	rs := sqldb.NewReviewService(db)
	st := func(code, theme string) *lightbulb.Statement {
		return &lightbulb.Statement{Code: code, Theme: theme, Text: "Statement " + code, Good: "Good " + code,
			RedMeans: "Red", AmberMeans: "Amber", GreenMeans: "Green", Rights: []string{"A8"}, Principles: []string{"Dignity"}}
	}
	f := &lightbulb.Framework{Slug: sqldb.DefaultFramework, Name: "Test framework",
		Statements: []*lightbulb.Statement{st("K1", "Knowing"), st("K2", "Knowing"), st("D1", "Dignity"), st("D2", "Dignity")}}
	added, err := rs.SeedFramework(context.Background(), f)
	if err != nil || !added {
		t.Fatalf("seed framework: added %v, %v", added, err)
	}
	again, err := rs.SeedFramework(context.Background(), f)
	if err != nil || again {
		t.Fatalf("second seed: added %v, %v; want false, nil", again, err)
	}
	return rs
}

func actorCtx(org *lightbulb.Organisation, u *lightbulb.User) context.Context {
	return lightbulb.WithActor(lightbulb.WithOrg(context.Background(), org.ID), &lightbulb.Actor{UserID: u.ID, Name: u.Email})
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestFrameworkVersions(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		rs := seedTestFramework(t, db)
		org := sqldbtest.MustOrg(t, db, "trust-a", lightbulb.KindNHSTrust)
		lead := sqldbtest.MustUser(t, db, "lead@example.org", org, lightbulb.RoleLead)
		ctx := actorCtx(org, lead)
		sqldbtest.MustUnit(t, db, org, "Ward 1")
		r := &lightbulb.Review{Subject: "Ward 1", PeriodStart: day(2026, 1, 1), PeriodEnd: day(2026, 3, 31)}
		if err := rs.CreateReview(ctx, r); err != nil {
			t.Fatal(err)
		}
		if _, err := rs.UpdateStatement(ctx, "K1", lightbulb.Statement{Text: ""}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("empty statement: %v, want EINVALID", err)
		}
		nf, err := rs.UpdateStatement(ctx, "K1", lightbulb.Statement{Text: "Reworded", Good: "g", RedMeans: "r", AmberMeans: "a",
			GreenMeans: "gr", Rights: []string{"A3"}})
		if err != nil || nf.Version != 2 || nf.Statement("K1").Text != "Reworded" || nf.Statement("K1").Theme != "Knowing" {
			t.Fatalf("update statement = %+v, %v", nf, err)
		}
		cur, err := rs.CurrentFramework(ctx)
		if err != nil || cur.Version != 2 || len(cur.Statements) != 4 || cur.Statement("K1").Rights[0] != "A3" {
			t.Fatalf("current framework = %+v, %v", cur, err)
		}
		// The review keeps the version it started on.
		got, err := rs.FindReview(ctx, r.ID)
		if err != nil || got.FrameworkVersion != 1 {
			t.Fatalf("review framework version = %d, %v; want 1", got.FrameworkVersion, err)
		}
		old, _ := rs.FindFramework(ctx, got.FrameworkID)
		if old.Statement("K1").Text != "Statement K1" {
			t.Fatalf("version 1 changed: %q", old.Statement("K1").Text)
		}
		vs, err := rs.FrameworkVersions(ctx)
		if err != nil || len(vs) != 2 || vs[0].Version != 2 || vs[0].EditedBy != lead.Email {
			t.Fatalf("versions = %+v, %v", vs, err)
		}
	})
}

// TestReviewLifecycle runs a review from draft to submitted, with invited
// and uninvited contributors, then a second one compared with the first.
func TestReviewLifecycle(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		rs := seedTestFramework(t, db)
		org := sqldbtest.MustOrg(t, db, "trust-a", lightbulb.KindNHSTrust)
		other := sqldbtest.MustOrg(t, db, "council-b", lightbulb.KindCouncil)
		lead := sqldbtest.MustUser(t, db, "lead@example.org", org, lightbulb.RoleLead)
		nurse := sqldbtest.MustUser(t, db, "nurse@example.org", org, lightbulb.RoleStaff)
		expert := sqldbtest.MustUser(t, db, "expert@example.org", org, lightbulb.RoleExpert)
		outsider := sqldbtest.MustUser(t, db, "outsider@example.org", other, lightbulb.RoleStaff)
		ctx := actorCtx(org, lead)
		sqldbtest.MustUnit(t, db, org, "Ward 1")

		bad := &lightbulb.Review{PeriodStart: day(2026, 3, 1), PeriodEnd: day(2026, 1, 1)}
		if err := rs.CreateReview(ctx, bad); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("bad review: %v", err)
		}
		whole := &lightbulb.Review{WholeOrg: true, PeriodStart: day(2026, 1, 1), PeriodEnd: day(2026, 1, 31)}
		if err := rs.CreateReview(ctx, whole); err != nil || whole.Subject != org.Name {
			t.Fatalf("whole-organisation review: subject %q, %v", whole.Subject, err)
		}
		r1 := &lightbulb.Review{Subject: "Ward 1", PeriodStart: day(2026, 1, 1), PeriodEnd: day(2026, 3, 31)}
		if err := rs.CreateReview(ctx, r1); err != nil {
			t.Fatal(err)
		}
		for _, c := range []lightbulb.Contributor{{UserID: nurse.ID, Kind: lightbulb.AsStaff}, {UserID: expert.ID, Kind: lightbulb.AsExpert}} {
			if err := rs.AddContributor(ctx, r1.ID, c); err != nil {
				t.Fatal(err)
			}
		}
		if err := rs.AddContributor(ctx, r1.ID, lightbulb.Contributor{UserID: outsider.ID, Kind: lightbulb.AsStaff}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("inviting someone from another organisation: %v, want EINVALID", err)
		}
		if err := rs.AddContributor(ctx, r1.ID, lightbulb.Contributor{UserID: nurse.ID, Kind: lightbulb.AsStaff}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("inviting twice: %v, want EINVALID", err)
		}

		// Contributions: evidence needed for red and amber; all or nothing.
		nctx := actorCtx(org, nurse)
		err := rs.SaveContributions(nctx, r1.ID, []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Green}, {Code: "K2", Rating: lightbulb.Red}})
		if lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("red without evidence: %v", err)
		}
		if got, _ := rs.Contributions(ctx, r1.ID); len(got) != 0 {
			t.Fatalf("a refused save wrote %d ratings", len(got))
		}
		if err := rs.SaveContributions(nctx, r1.ID, []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Green},
			{Code: "K2", Rating: lightbulb.Red, Evidence: "No leaflets"}}); err != nil {
			t.Fatal(err)
		}
		if err := rs.SaveContributions(actorCtx(org, expert), r1.ID, []lightbulb.Rated{{Code: "K2", Rating: lightbulb.Amber, Evidence: "Some"}}); err != nil {
			t.Fatal(err)
		}
		if err := rs.SaveContributions(ctx, r1.ID, []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Green}}); lightbulb.ErrorCode(err) != lightbulb.EFORBIDDEN {
			t.Fatalf("uninvited contributor: %v, want EFORBIDDEN", err)
		}
		if err := rs.SaveContributions(actorCtx(other, outsider), r1.ID, []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Green}}); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation's contributor: %v, want ENOTFOUND", err)
		}
		cs, err := rs.Contributions(ctx, r1.ID)
		if err != nil || len(cs) != 3 {
			t.Fatalf("contributions = %+v, %v", cs, err)
		}
		kinds := map[string]lightbulb.ContributorKind{}
		for _, c := range cs {
			kinds[c.UserName] = c.Kind
		}
		if kinds[expert.Name] != lightbulb.AsExpert || kinds[nurse.Name] != lightbulb.AsStaff {
			t.Fatalf("contributions are not marked with who made them: %v", kinds)
		}

		// Accepting what contributors agree on: K1 (only the nurse rated
		// it), not K2 (red and amber); once only; never from outside.
		if _, err := rs.AcceptAgreed(actorCtx(other, outsider), r1.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation accepts: %v", err)
		}
		if n, err := rs.AcceptAgreed(ctx, r1.ID); err != nil || n != 1 {
			t.Fatalf("accept agreed: %d, %v", n, err)
		}
		if fin, _ := rs.Finals(ctx, r1.ID); len(fin) != 1 || fin["K1"].Rating != lightbulb.Green || fin["K1"].UserID != lead.ID {
			t.Fatalf("finals after accepting: %+v", fin)
		}
		if n, err := rs.AcceptAgreed(ctx, r1.ID); err != nil || n != 0 {
			t.Fatalf("accept agreed again: %d, %v", n, err)
		}

		// Finals and submission.
		if err := rs.SaveFinals(ctx, r1.ID, []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Green}}); err != nil {
			t.Fatal(err)
		}
		if err := rs.SubmitReview(ctx, r1.ID); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("submit with statements unrated: %v, want ECONFLICT", err)
		}
		first := []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Green}, {Code: "K2", Rating: lightbulb.Red, Evidence: "No leaflets"},
			{Code: "D1", Rating: lightbulb.Amber, Evidence: "Curtains"}, {Code: "D2", Rating: lightbulb.NotApplicable}}
		if err := rs.SaveFinals(ctx, r1.ID, first); err != nil {
			t.Fatal(err)
		}
		if err := rs.SubmitReview(ctx, r1.ID); err != nil {
			t.Fatal(err)
		}
		if err := rs.SaveFinals(ctx, r1.ID, first); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("edit after submission: %v, want ECONFLICT", err)
		}
		if err := rs.SaveContributions(nctx, r1.ID, first); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("contribution after submission: %v, want ECONFLICT", err)
		}
		got, _ := rs.FindReview(ctx, r1.ID)
		if !got.Locked() || got.SubmittedAt.IsZero() {
			t.Fatalf("review not locked: %+v", got)
		}

		// A second review of the same service is compared with the first.
		r2 := &lightbulb.Review{Subject: "Ward 1", PeriodStart: day(2026, 4, 1), PeriodEnd: day(2026, 6, 30)}
		if err := rs.CreateReview(ctx, r2); err != nil {
			t.Fatal(err)
		}
		prev, err := rs.PreviousReview(ctx, r2)
		if err != nil || prev.ID != r1.ID {
			t.Fatalf("previous review = %+v, %v; want %d", prev, err, r1.ID)
		}
		if _, err := rs.PreviousReview(ctx, r1); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("previous of the first: %v, want ENOTFOUND", err)
		}
		second := []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Amber, Evidence: "Slipped"}, {Code: "K2", Rating: lightbulb.Green},
			{Code: "D1", Rating: lightbulb.Amber, Evidence: "Still"}, {Code: "D2", Rating: lightbulb.Green}}
		if err := rs.SaveFinals(ctx, r2.ID, second); err != nil {
			t.Fatal(err)
		}
		if err := rs.SubmitReview(ctx, r2.ID); err != nil {
			t.Fatal(err)
		}
		fw, _ := rs.FindFramework(ctx, r2.FrameworkID)
		a, _ := rs.Finals(ctx, r2.ID)
		b, _ := rs.Finals(ctx, r1.ID)
		want := map[string]string{"K1": "worse", "K2": "improved", "D1": "same", "D2": "new"}
		for _, c := range lightbulb.Compare(fw, a, b) {
			if want[c.Statement.Code] != c.Direction {
				t.Errorf("%s: %s, want %s", c.Statement.Code, c.Direction, want[c.Statement.Code])
			}
		}

		// A review with the same period started later compares with r2, and
		// r2 still compares with r1, never the other way round.
		r3 := &lightbulb.Review{Subject: "Ward 1", PeriodStart: day(2026, 4, 1), PeriodEnd: day(2026, 6, 30)}
		if err := rs.CreateReview(ctx, r3); err != nil {
			t.Fatal(err)
		}
		_ = rs.SaveFinals(ctx, r3.ID, second)
		if err := rs.SubmitReview(ctx, r3.ID); err != nil {
			t.Fatal(err)
		}
		if p, err := rs.PreviousReview(ctx, r3); err != nil || p.ID != r2.ID {
			t.Fatalf("previous of a same-period review = %+v, %v; want %d", p, err, r2.ID)
		}
		if p, err := rs.PreviousReview(ctx, r2); err != nil || p.ID != r1.ID {
			t.Fatalf("previous of r2 = %+v, %v; want %d", p, err, r1.ID)
		}

		// The roll-up shows each subject's latest submitted review.
		grid, err := rs.Rollup(ctx)
		if err != nil || len(grid) != 1 || grid[0].ReviewID != r3.ID || grid[0].Themes[0].Green != 1 || grid[0].Themes[0].Amber != 1 {
			t.Fatalf("roll-up = %+v, %v", grid, err)
		}
		// Beside it, the rounds before, oldest first, for the trend.
		if e := grid[0].Earlier; len(e) != 2 || e[0].ReviewID != r1.ID || e[1].ReviewID != r2.ID {
			t.Fatalf("earlier rounds = %+v", e)
		}
		if n, _ := rs.FindReviews(nctx, lightbulb.ReviewFilter{ContributorID: nurse.ID}); len(n) != 1 {
			t.Fatalf("the nurse was invited to 1 review, listed %d", len(n))
		}
		if n, _ := rs.FindReviews(lightbulb.WithOrg(context.Background(), other.ID), lightbulb.ReviewFilter{}); len(n) != 0 {
			t.Fatalf("another organisation sees %d reviews", len(n))
		}
	})
}

func TestReviewActions(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		rs := seedTestFramework(t, db)
		org := sqldbtest.MustOrg(t, db, "trust-a", lightbulb.KindNHSTrust)
		other := sqldbtest.MustOrg(t, db, "council-b", lightbulb.KindCouncil)
		lead := sqldbtest.MustUser(t, db, "lead@example.org", org, lightbulb.RoleLead)
		outsider := sqldbtest.MustUser(t, db, "outsider@example.org", other, lightbulb.RoleStaff)
		ctx := actorCtx(org, lead)
		sqldbtest.MustUnit(t, db, org, "Ward 1")
		r := &lightbulb.Review{Subject: "Ward 1", PeriodStart: day(2026, 1, 1), PeriodEnd: day(2026, 3, 31)}
		if err := rs.CreateReview(ctx, r); err != nil {
			t.Fatal(err)
		}
		_ = rs.SaveFinals(ctx, r.ID, []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Green}, {Code: "K2", Rating: lightbulb.Red, Evidence: "x"}})
		tests := []struct {
			name string
			a    lightbulb.Action
			code string
		}{
			{"no owner or date", lightbulb.Action{StatementCode: "K2", Description: "Do it"}, lightbulb.EINVALID},
			{"green statement", lightbulb.Action{StatementCode: "K1", Description: "Do it", OwnerID: lead.ID, Due: day(2026, 5, 1)}, lightbulb.EINVALID},
			{"owner in another organisation", lightbulb.Action{StatementCode: "K2", Description: "Do it", OwnerID: outsider.ID, Due: day(2026, 5, 1)}, lightbulb.EINVALID},
			{"good", lightbulb.Action{StatementCode: "K2", Description: "Print leaflets", OwnerID: lead.ID, Due: day(2020, 5, 1)}, ""},
		}
		for _, tt := range tests {
			a := tt.a
			a.ReviewID = r.ID
			if err := rs.CreateAction(ctx, &a); lightbulb.ErrorCode(err) != tt.code {
				t.Errorf("%s: %v, want %q", tt.name, err, tt.code)
			}
		}
		as, err := rs.FindActions(ctx, r.ID)
		if err != nil || len(as) != 1 || as[0].OwnerName != lead.Name || !as[0].Overdue(lightbulb.Now()) || as[0].Due.Year() != 2020 {
			t.Fatalf("actions = %+v, %v", as, err)
		}
		if all, _ := rs.FindActions(ctx, 0); len(all) != 1 {
			t.Fatalf("all actions: %d", len(all))
		}
		a, err := rs.SetActionStatus(ctx, as[0].ID, lightbulb.ActionDone)
		if err != nil || a.Status != lightbulb.ActionDone || a.Overdue(lightbulb.Now()) {
			t.Fatalf("set status = %+v, %v", a, err)
		}
		octx := lightbulb.WithOrg(context.Background(), other.ID)
		if _, err := rs.SetActionStatus(octx, as[0].ID, lightbulb.ActionOpen); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation changed an action: %v", err)
		}
		if got, _ := rs.FindActions(octx, r.ID); len(got) != 0 {
			t.Fatalf("another organisation sees %d actions", len(got))
		}
	})
}

// TestShares proves the one read across organisations: only a commissioner,
// only while the share is active, and only the roll-up.
func TestShares(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		rs := seedTestFramework(t, db)
		org := sqldbtest.MustOrg(t, db, "trust-a", lightbulb.KindNHSTrust)
		icb := sqldbtest.MustOrg(t, db, "icb", lightbulb.KindCommissioner)
		council := sqldbtest.MustOrg(t, db, "council-b", lightbulb.KindCouncil)
		lead := sqldbtest.MustUser(t, db, "lead@example.org", org, lightbulb.RoleLead)
		ctx := actorCtx(org, lead)
		sqldbtest.MustUnit(t, db, org, "Ward 1")
		r := &lightbulb.Review{Subject: "Ward 1", PeriodStart: day(2026, 1, 1), PeriodEnd: day(2026, 3, 31)}
		_ = rs.CreateReview(ctx, r)
		_ = rs.SaveFinals(ctx, r.ID, []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Green}, {Code: "K2", Rating: lightbulb.Green},
			{Code: "D1", Rating: lightbulb.Green}, {Code: "D2", Rating: lightbulb.Green}})
		if err := rs.SubmitReview(ctx, r.ID); err != nil {
			t.Fatal(err)
		}
		ictx := lightbulb.WithOrg(context.Background(), icb.ID)
		if _, _, err := rs.SharedRollup(ictx, org.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("roll-up before sharing: %v, want ENOTFOUND", err)
		}
		for _, bad := range []int64{council.ID, org.ID, 9999} {
			if _, err := rs.ShareRollup(ctx, bad); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
				t.Fatalf("share with %d: %v, want EINVALID", bad, err)
			}
		}
		sh, err := rs.ShareRollup(ctx, icb.ID)
		if err != nil || !sh.Active() || sh.CommissionerOrg != icb.Name || sh.CreatedBy != lead.Email {
			t.Fatalf("share = %+v, %v", sh, err)
		}
		if _, err := rs.ShareRollup(ctx, icb.ID); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("sharing twice: %v", err)
		}
		orgs, err := rs.SharedWithMe(ictx)
		if err != nil || len(orgs) != 1 || orgs[0].ID != org.ID {
			t.Fatalf("shared with me = %+v, %v", orgs, err)
		}
		o, grid, err := rs.SharedRollup(ictx, org.ID)
		if err != nil || o.ID != org.ID || len(grid) != 1 || grid[0].Themes[1].Green != 2 {
			t.Fatalf("shared roll-up = %+v %+v, %v", o, grid, err)
		}
		cctx := lightbulb.WithOrg(context.Background(), council.ID)
		if _, _, err := rs.SharedRollup(cctx, org.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("council reads the roll-up: %v", err)
		}
		if _, err := rs.RevokeShare(ictx, sh.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("the commissioner revoked the share: %v", err)
		}
		rev, err := rs.RevokeShare(ctx, sh.ID)
		if err != nil || rev.Active() || rev.RevokedBy != lead.Email {
			t.Fatalf("revoke = %+v, %v", rev, err)
		}
		if _, _, err := rs.SharedRollup(ictx, org.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("roll-up after revoking: %v, want ENOTFOUND", err)
		}
		if _, err := rs.RevokeShare(ctx, sh.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("revoking twice: %v", err)
		}
		shares, _ := rs.FindShares(ctx)
		if len(shares) != 1 || shares[0].Active() {
			t.Fatalf("the revoked share is not kept as a record: %+v", shares)
		}
		if _, err := rs.FindShares(context.Background()); lightbulb.ErrorCode(err) != lightbulb.EFORBIDDEN {
			t.Fatalf("find shares without an organisation: %v", err)
		}
	})
}
