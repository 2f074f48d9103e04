package sqldb_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/content"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

func seedRights(t *testing.T, db *sqldb.DB) {
	for _, c := range []string{"A2", "A3", "A4", "A5", "A6", "A8", "A9", "A10", "A14", "P1A1"} {
		sqldbtest.MustRight(t, db, c, lightbulb.Qualified)
	}
}

func TestPrinciplesAndLibraryAreVersioned(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		seedRights(t, db)
		svc := sqldb.NewCommissioningService(db, "https://lb.test")
		icb := sqldbtest.MustOrg(t, db, "icb", lightbulb.KindCommissioner)
		com := sqldbtest.MustUser(t, db, "com@example.org", icb, lightbulb.RoleCommissioner)
		ctx := actorCtx(icb, com)

		if err := svc.PublishPrinciples(ctx, &lightbulb.PrinciplesStatement{BodyEN: "We commission for dignity."}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("principles without Welsh: %v, want EINVALID", err)
		}
		for _, b := range []string{"First", "Second"} {
			must(t, svc.PublishPrinciples(ctx, &lightbulb.PrinciplesStatement{BodyEN: b + " in English", BodyCY: b + " yn Gymraeg"}))
		}
		cur, all, err := svc.PublicPrinciples(context.Background(), "icb", 0)
		if err != nil || cur.Version != 2 || len(all) != 2 || cur.Body("cy") != "Second yn Gymraeg" || cur.PublishedBy == "" {
			t.Fatalf("current principles: %+v, %d versions, %v", cur, len(all), err)
		}
		if old, _, err := svc.PublicPrinciples(context.Background(), "icb", 1); err != nil || old.BodyEN != "First in English" {
			t.Fatalf("earlier version: %+v, %v", old, err)
		}
		if _, _, err := svc.PublicPrinciples(context.Background(), "nobody", 0); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("unknown organisation: %v", err)
		}

		n, err := svc.LoadStarter(ctx, content.StarterLibrary())
		if err != nil || n != 20 {
			t.Fatalf("starter library: %d, %v", n, err)
		}
		if again, err := svc.LoadStarter(ctx, content.StarterLibrary()); err != nil || again != 0 {
			t.Fatalf("loading twice added %d, %v", again, err)
		}
		bad := &lightbulb.Requirement{Text: "X", Rights: []string{"Z9"}, Evidence: "Y", Measure: "M"}
		err = svc.SaveRequirement(ctx, bad)
		if !strings.Contains(err.Error(), "Select rights from the list") || !strings.Contains(err.Error(), "how often") {
			t.Fatalf("bad requirement: %v", err)
		}
		rs, _ := svc.Requirements(ctx)
		r := rs[0]
		r.Text = "Changed wording"
		must(t, svc.SaveRequirement(ctx, r))
		hist, err := svc.RequirementHistory(ctx, r.Code)
		if err != nil || len(hist) != 2 || hist[0].Version != 2 || hist[0].Text != "Changed wording" {
			t.Fatalf("history: %d versions, %v", len(hist), err)
		}
		if rs2, _ := svc.Requirements(ctx); len(rs2) != 20 || rs2[0].Text != "Changed wording" {
			t.Fatalf("library after an edit: %d", len(rs2))
		}
		// Another organisation's library is its own.
		other := sqldbtest.MustOrg(t, db, "other", lightbulb.KindCommissioner)
		if rs, _ := svc.Requirements(lightbulb.WithOrg(context.Background(), other.ID)); len(rs) != 0 {
			t.Fatalf("another organisation sees %d requirements", len(rs))
		}
	})
}

// assureFixture is a commissioner with a contract carrying two requirements
// and a provider with a submitted Traffic Light review.
type assureFixture struct {
	db         *sqldb.DB
	svc        *sqldb.CommissioningService
	rs         *sqldb.ReviewService
	cctx, pctx context.Context
	icb, trust *lightbulb.Organisation
	contract   *lightbulb.Contract
	review     *lightbulb.Review
	rival      context.Context
}

func newAssure(t *testing.T, db *sqldb.DB) *assureFixture {
	seedRights(t, db)
	f := &assureFixture{db: db, svc: sqldb.NewCommissioningService(db, "https://lb.test"), rs: seedTestFramework(t, db)}
	f.icb = sqldbtest.MustOrg(t, db, "icb", lightbulb.KindCommissioner)
	f.trust = sqldbtest.MustOrg(t, db, "trust", lightbulb.KindNHSTrust)
	rival := sqldbtest.MustOrg(t, db, "rival", lightbulb.KindCareProvider)
	f.cctx = actorCtx(f.icb, sqldbtest.MustUser(t, db, "com@example.org", f.icb, lightbulb.RoleCommissioner))
	f.pctx = actorCtx(f.trust, sqldbtest.MustUser(t, db, "lead@example.org", f.trust, lightbulb.RoleLead))
	f.rival = actorCtx(rival, sqldbtest.MustUser(t, db, "rival@example.org", rival, lightbulb.RoleLead))
	_, err := f.svc.LoadStarter(f.cctx, content.StarterLibrary()[:2])
	must(t, err)
	bad := &lightbulb.Contract{Title: "Mental health", ProviderID: f.trust.ID, StartsOn: date(2027, 4, 1), EndsOn: date(2026, 4, 1)}
	if err := f.svc.CreateContract(f.cctx, bad); err == nil || !strings.Contains(err.Error(), "end after it starts") {
		t.Fatalf("a contract ending before it starts: %v", err)
	}
	f.contract = &lightbulb.Contract{Title: "Mental health", ProviderID: f.trust.ID, ValuePence: 120_000_000, StartsOn: date(2026, 4, 1), EndsOn: date(2029, 3, 31)}
	must(t, f.svc.CreateContract(f.cctx, f.contract))
	lib, _ := f.svc.Requirements(f.cctx)
	for _, r := range lib {
		must(t, f.svc.AttachRequirement(f.cctx, f.contract.ID, r.ID, date(2026, 7, 31)))
	}
	if err := f.svc.AttachRequirement(f.cctx, f.contract.ID, lib[0].ID, date(2026, 7, 31)); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
		t.Fatalf("attaching twice: %v", err)
	}
	sqldbtest.MustUnit(t, db, f.trust, "Ward 1")
	f.review = &lightbulb.Review{Subject: "Ward 1", PeriodStart: day(2026, 1, 1), PeriodEnd: day(2026, 3, 31)}
	must(t, f.rs.CreateReview(f.pctx, f.review))
	must(t, f.rs.SaveFinals(f.pctx, f.review.ID, []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Green}, {Code: "K2", Rating: lightbulb.Green},
		{Code: "D1", Rating: lightbulb.Green}, {Code: "D2", Rating: lightbulb.Red, Evidence: "No"}}))
	must(t, f.rs.SubmitReview(f.pctx, f.review.ID))
	return f
}

func date(y, m, d int) lightbulb.Date {
	x, _ := lightbulb.MakeDate(y, m, d)
	return x
}

func (f *assureFixture) answers(c *lightbulb.Contract, review int64) *lightbulb.Return {
	r := &lightbulb.Return{Period: "April to June 2026"}
	for _, cr := range c.Requirements {
		r.Answers = append(r.Answers, &lightbulb.Answer{ContractRequirementID: cr.ID, Rating: lightbulb.Amber, Evidence: "Register attached", ReviewID: review})
	}
	return r
}

func TestProviderReturnsAndAssurance(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newAssure(t, db)
		svc := f.svc
		// The provider sees its contract; a rival provider does not.
		pc, err := svc.ProviderContract(f.pctx, f.contract.ID)
		if err != nil || len(pc.Requirements) != 2 {
			t.Fatalf("provider's contract: %v", err)
		}
		if _, err := svc.ProviderContract(f.rival, f.contract.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("a rival provider reads the contract: %v", err)
		}
		if _, err := svc.Contract(f.pctx, f.contract.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("the provider reads it as a commissioner: %v", err)
		}
		// Evidence from an unshared review is refused, nothing saved.
		err = svc.SubmitReturn(f.pctx, f.contract.ID, f.answers(pc, f.review.ID))
		if err == nil || !strings.Contains(err.Error(), "not shared") {
			t.Fatalf("unshared review: %v", err)
		}
		// A requirement not in the contract is refused.
		stray := f.answers(pc, 0)
		stray.Answers[0].ContractRequirementID = 9999
		if err := svc.SubmitReturn(f.pctx, f.contract.ID, stray); err == nil || !strings.Contains(err.Error(), "only the requirements") {
			t.Fatalf("stray requirement: %v", err)
		}
		if c, _ := svc.ProviderContract(f.pctx, f.contract.ID); len(c.Returns) != 0 {
			t.Fatalf("refused returns saved %d", len(c.Returns))
		}
		// The provider's own list of services is offered only through the share.
		must(t, sqldb.NewUnitService(db).CreateUnit(f.pctx, &lightbulb.Unit{Name: "Willow Ward"}))
		if got, err := svc.ProviderServices(f.cctx, f.contract.ID); err != nil || len(got) != 0 {
			t.Fatalf("services before sharing: %q, %v", got, err)
		}
		_, err = f.rs.ShareRollup(f.pctx, f.icb.ID)
		must(t, err)
		// The provider's list holds Willow Ward and the ward its shared review
		// chose.
		if got, _ := svc.ProviderServices(f.cctx, f.contract.ID); !slices.Contains(got, "Willow Ward") || len(got) != 2 {
			t.Fatalf("services once shared: %q", got)
		}
		if err := svc.SetContractServices(f.cctx, f.contract.ID, []string{"Oak Ward"}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("a service not on the provider's list: %v", err)
		}
		if _, err := svc.ProviderServices(f.rival, f.contract.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation reads the provider's services: %v", err)
		}
		must(t, svc.SetContractServices(f.cctx, f.contract.ID, []string{"Willow Ward"}))
		must(t, svc.SubmitReturn(f.pctx, f.contract.ID, f.answers(pc, f.review.ID)))
		c, err := svc.Contract(f.cctx, f.contract.ID)
		if err != nil || len(c.Returns) != 1 || c.Requirements[0].Latest == nil || c.Requirements[0].Latest.Figure != (lightbulb.Figure{Subject: "Ward 1", Green: 3, Red: 1}) {
			t.Fatalf("the commissioner's view of the return: %+v, %v", c.Requirements[0].Latest, err)
		}

		// A draft report; every requirement must be rated.
		a := &lightbulb.Assessment{Summary: "Good progress", Lines: []*lightbulb.AssessmentLine{{ContractRequirementID: c.Requirements[0].ID, Rating: lightbulb.Green}}}
		if err := svc.IssueDraft(f.cctx, c.ID, a); err == nil || !strings.Contains(err.Error(), "Rate each requirement") {
			t.Fatalf("a report missing a rating: %v", err)
		}
		a.Lines = append(a.Lines, &lightbulb.AssessmentLine{ContractRequirementID: c.Requirements[1].ID, Rating: lightbulb.Amber, Note: "Share the plan"})
		must(t, svc.IssueDraft(f.cctx, c.ID, a))
		if err := svc.IssueDraft(f.cctx, c.ID, a); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("a second open draft: %v", err)
		}
		var mails int
		must(t, db.Reader().QueryRow(`SELECT COUNT(*) FROM outbox WHERE subject LIKE '%draft assurance report%'`).Scan(&mails))
		if mails != 1 {
			t.Fatalf("%d emails to the provider's lead, want 1", mails)
		}
		if err := svc.CommentOnDraft(f.rival, c.ID, a.ID, "Wrong"); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("a rival comments: %v", err)
		}
		must(t, svc.CommentOnDraft(f.pctx, c.ID, a.ID, "Our register was updated in May."))

		// The window closes by a job fourteen days on; then no more comments.
		q := jobs.NewQueue(db.Writer(), string(db.Dialect)).ReadFrom(db.Reader())
		must(t, svc.RegisterJobs(q))
		real := lightbulb.Now
		defer func() { lightbulb.Now = real }()
		lightbulb.Now = func() time.Time { return a.IssuedAt.Add(13 * 24 * time.Hour) }
		_, err = q.RunDue(context.Background(), 10)
		must(t, err)
		if c, _ := svc.Contract(f.cctx, c.ID); c.Assessments[0].State != lightbulb.AssessmentDraft {
			t.Fatalf("final before the window closed")
		}
		lightbulb.Now = func() time.Time { return a.WindowEndsAt.Add(time.Minute) }
		_, err = q.RunDue(context.Background(), 10)
		must(t, err)
		c, _ = svc.Contract(f.cctx, c.ID)
		if got := c.Assessments[0]; got.State != lightbulb.AssessmentFinal || len(got.Comments) != 1 || len(got.Lines) != 2 {
			t.Fatalf("after the window: %+v", got)
		}
		if err := svc.CommentOnDraft(f.pctx, c.ID, a.ID, "Late"); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("a comment after the window: %v", err)
		}
	})
}
