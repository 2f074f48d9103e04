package sqldb_test

import (
	"context"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// sentMail is one outbox row as a test reads it.
type sentMail struct{ to, subject, body, unsub string }

func outboxFor(t *testing.T, db *sqldb.DB, to string) []sentMail {
	t.Helper()
	rows, err := db.Reader().QueryContext(context.Background(), `SELECT to_addr, subject, body, list_unsubscribe FROM outbox WHERE to_addr = $1 ORDER BY id`, to)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []sentMail
	for rows.Next() {
		var m sentMail
		if err := rows.Scan(&m.to, &m.subject, &m.body, &m.unsub); err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

// linkIn returns the token after prefix in body.
func linkIn(t *testing.T, body, prefix string) string {
	t.Helper()
	_, rest, ok := strings.Cut(body, prefix)
	if !ok {
		t.Fatalf("no %s link in %q", prefix, body)
	}
	return strings.Fields(rest)[0]
}

func addActions(t *testing.T, ap *sqldb.ActionPlanService, role string, texts ...string) []*lightbulb.ActionItem {
	t.Helper()
	var out []*lightbulb.ActionItem
	for _, x := range texts {
		a := &lightbulb.ActionItem{Role: role, Text: x, TextCy: x + " (cy)"}
		if err := ap.SaveActionItem(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// shiftNow moves the clock by d for the rest of the test.
func shiftNow(t *testing.T, d time.Duration) {
	real := lightbulb.Now
	t.Cleanup(func() { lightbulb.Now = real })
	lightbulb.Now = func() time.Time { return real().Add(d) }
}

func TestActionPlanSignConfirmAndCount(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		ap := sqldb.NewActionPlanService(db, "https://lb.test")
		as := addActions(t, ap, lightbulb.PlanIndividual, "Learn the 16 rights", "Ask how a decision respects my rights")
		other := addActions(t, ap, lightbulb.PlanPolicymaker, "Test a policy against the Act")
		as[1].Text = "Ask how a decision about me respects my rights"
		if err := ap.SaveActionItem(ctx, as[1]); err != nil || as[1].Version != 2 || as[1].Position != 2 {
			t.Fatalf("edit = v%d at %d, %v", as[1].Version, as[1].Position, err)
		}
		if h, err := ap.ActionItemHistory(ctx, as[1].ID); err != nil || len(h) != 2 || h[1].Text != "Ask how a decision respects my rights" {
			t.Fatalf("history %+v %v", h, err)
		}
		err := ap.Sign(ctx, &lightbulb.SignRequest{Role: "astronaut", Email: "nope"})
		if got := fieldsOf(err); got != "role actions name email" {
			t.Fatalf("bad sign-up errors on %q: %v", got, err)
		}
		err = ap.Sign(ctx, &lightbulb.SignRequest{Role: lightbulb.PlanIndividual, Actions: []int64{other[0].ID}, Name: "Efa", Email: "efa@example.org"})
		if got := fieldsOf(err); got != "actions" {
			t.Fatalf("another role's action: %v", err)
		}
		req := &lightbulb.SignRequest{Role: lightbulb.PlanIndividual, Actions: []int64{as[0].ID, as[1].ID}, Name: "Efa",
			Email: " Efa@Example.org ", Nation: "wales", LocalAuthority: "Gwynedd", Checkins: true, Lang: "cy", OwnAction: "Talk to my neighbours"}
		must(t, ap.Sign(ctx, req))
		mails := outboxFor(t, db, "efa@example.org")
		if len(mails) != 1 || !strings.Contains(mails[0].subject, "Cadarnhewch") {
			t.Fatalf("confirmation mails %+v", mails)
		}
		token := linkIn(t, mails[0].body, "/action-plan/signatures/")
		// Signing again before confirming sends the link again, up to the cap.
		for i := 0; i < 3; i++ {
			must(t, ap.Sign(ctx, &lightbulb.SignRequest{Role: lightbulb.PlanIndividual, Actions: []int64{as[0].ID}, Name: "Efa",
				Email: "efa@example.org", Checkins: true, Nation: "wales", Lang: "cy", OwnAction: "Talk to my neighbours"}))
		}
		if n := len(outboxFor(t, db, "efa@example.org")); n != lightbulb.MaxUnaskedMails {
			t.Fatalf("%d emails went to an address that did nothing; want at most %d", n, lightbulb.MaxUnaskedMails)
		}
		g, err := ap.ConfirmSignature(ctx, token)
		if err != nil || g.Status != lightbulb.SignConfirmed || len(g.Actions) != 1 {
			t.Fatalf("confirm = %+v, %v", g, err)
		}
		if _, err := ap.FindSignature(ctx, "made-up"); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("a made-up token: %v", err)
		}
		// A suspect sign-up is kept, never emailed, never counted.
		must(t, ap.Sign(ctx, &lightbulb.SignRequest{Role: lightbulb.PlanPolicymaker, Actions: []int64{other[0].ID}, Name: "Bot",
			Email: "bot@spam.test", Suspect: true}))
		if n := len(outboxFor(t, db, "bot@spam.test")); n != 0 {
			t.Fatalf("a suspect sign-up was emailed %d times", n)
		}
		c := runCounts(t, db, ap)
		if c.Total != 1 || c.ByRole[lightbulb.PlanIndividual] != 1 || c.ByNation["wales"] != 1 || c.Chosen[as[0].ID] != 1 || c.ByRole[lightbulb.PlanPolicymaker] != 0 {
			t.Fatalf("counts %+v", c)
		}
		if n, err := ap.CountSuspect(ctx, lightbulb.SuspectFilter{Domain: "spam.test"}); err != nil || n != 1 {
			t.Fatalf("suspects from spam.test = %d, %v", n, err)
		}
		if n, err := ap.InvalidateSuspect(ctx, lightbulb.SuspectFilter{Pattern: "bot@*"}); err != nil || n != 1 {
			t.Fatalf("invalidated %d, %v", n, err)
		}
		if _, err := ap.InvalidateSuspect(ctx, lightbulb.SuspectFilter{}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("an empty filter invalidated: %v", err)
		}
		checkinAndStop(t, db, ap, as[0].ID)
	})
}

// checkinAndStop sends Efa's three-month check-in, answers it and stops
// check-ins with the signed link: she is forgotten and still counted.
func checkinAndStop(t *testing.T, db *sqldb.DB, ap *sqldb.ActionPlanService, taken int64) {
	ctx := context.Background()
	if n, err := ap.SendCheckins(ctx); err != nil || n != 0 {
		t.Fatalf("check-ins sent at once: %d, %v", n, err)
	}
	shiftNow(t, 95*24*time.Hour)
	if n, err := ap.SendCheckins(ctx); err != nil || n != 1 {
		t.Fatalf("check-ins due after three months: %d, %v", n, err)
	}
	if n, _ := ap.SendCheckins(ctx); n != 0 {
		t.Fatalf("the check-in went twice")
	}
	mails := outboxFor(t, db, "efa@example.org")
	last := mails[len(mails)-1]
	if !strings.Contains(last.unsub, "/action-plan/stop/") || !strings.Contains(last.body, last.unsub) {
		t.Fatalf("check-in without its one-click stop: %+v", last)
	}
	tok := linkIn(t, last.body, "/action-plan/checkins/")
	if err := ap.AnswerCheckin(ctx, tok, &lightbulb.CheckinAnswer{QuoteOK: true}); fieldsOf(err) != "story" {
		t.Fatalf("consent to quote no story: %v", err)
	}
	must(t, ap.AnswerCheckin(ctx, tok, &lightbulb.CheckinAnswer{Taken: []int64{taken}, Story: "I asked why visits were cut.", QuoteOK: true}))
	if m, err := ap.FindModeration(ctx); err != nil || len(m) != 2 {
		t.Fatalf("waiting for moderation: %+v %v", m, err)
	}
	c := runCounts(t, db, ap)
	if c.Taken[taken] != 1 {
		t.Fatalf("taken counts %+v", c.Taken)
	}
	stop := last.unsub[strings.LastIndex(last.unsub, "/")+1:]
	if _, err := ap.StopCheckins(ctx, stop+"x"); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
		t.Fatalf("a forged stop link: %v", err)
	}
	g, err := ap.StopCheckins(ctx, stop)
	if err != nil || g.Name != "" || strings.Contains(g.Email, "efa") || g.Checkins || g.StoppedAt == nil {
		t.Fatalf("stopped = %+v, %v", g, err)
	}
	if c := runCounts(t, db, ap); c.Total != 1 || c.Taken[taken] != 1 {
		t.Fatalf("counts after anonymising: %+v", c)
	}
}

func runCounts(t *testing.T, db *sqldb.DB, ap *sqldb.ActionPlanService) *lightbulb.PlanCounts {
	t.Helper()
	q := jobs.NewQueue(db.Writer(), string(db.Dialect)).ReadFrom(db.Reader())
	must(t, ap.RegisterJobs(q, 0))
	real := lightbulb.Now
	lightbulb.Now = func() time.Time { return real().Add(time.Minute) }
	_, err := q.RunDue(context.Background(), 100)
	lightbulb.Now = real
	must(t, err)
	c, err := ap.PlanCounts(context.Background())
	must(t, err)
	return c
}

// fieldsOf lists the fields a validation error names, space-separated.
func fieldsOf(err error) string {
	var out []string
	switch e := err.(type) {
	case *lightbulb.ValidationErrors:
		for _, x := range e.List {
			out = append(out, x.Field)
		}
	case *lightbulb.Error:
		out = append(out, e.Field)
	}
	return strings.Join(out, " ")
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestFindPeopleFindsSignatoriesAndSubscribers: the admin's search reaches
// the Action Plan and the newsletter, and an erasure by email covers both.
func TestFindPeopleFindsSignatoriesAndSubscribers(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		ap := sqldb.NewActionPlanService(db, "")
		as := addActions(t, ap, lightbulb.PlanIndividual, "Learn")
		must(t, ap.SeedSignatures(ctx, []sqldb.SeedSignature{{SignRequest: lightbulb.SignRequest{Role: lightbulb.PlanIndividual,
			Actions: []int64{as[0].ID}, Name: "Nerys Vaughan", Email: "nerys@example.org"}, Confirmed: time.Now()}}))
		must(t, sqldb.NewNewsletterService(db, "").SeedSubscribers(ctx, []string{"nerys@example.org"}, []string{"cy"}, "yes"))
		ps := sqldb.NewPrivacyService(db)
		ms, err := ps.FindPeople(ctx, "nerys")
		must(t, err)
		kinds := map[string]bool{}
		for _, m := range ms {
			kinds[m.Kind] = true
		}
		if !kinds["signature"] || !kinds["subscriber"] {
			t.Fatalf("found %+v", ms)
		}
		if _, err := ps.ErasePerson(ctx, lightbulb.Subject{Email: "nerys@example.org"}); err != nil {
			t.Fatal(err)
		}
		if ms, _ := ps.FindPeople(ctx, "nerys"); len(ms) != 0 {
			t.Fatalf("after erasure, found %+v", ms)
		}
		must(t, ap.RefreshCounts(ctx))
		if c, _ := ap.PlanCounts(ctx); c.Total != 1 {
			t.Fatalf("the erased signature no longer counts: %+v", c)
		}
	})
}

// TestOrganisationsCountTheirStaff: only an organisation that opted in can
// be chosen, and it sees its own numbers, never another's.
func TestOrganisationsCountTheirStaff(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		ap := sqldb.NewActionPlanService(db, "")
		as := addActions(t, ap, lightbulb.PlanPublicBody, "Check one blanket rule", "Record the person's views")
		trust, council := sqldbtest.MustOrg(t, db, "trust", lightbulb.KindNHSTrust), sqldbtest.MustOrg(t, db, "council", lightbulb.KindCouncil)
		req := func(email string, org int64) *lightbulb.SignRequest {
			return &lightbulb.SignRequest{Role: lightbulb.PlanPublicBody, Actions: []int64{as[0].ID}, Name: "N", Email: email, OrgID: org}
		}
		if err := ap.Sign(ctx, req("a@example.org", trust.ID)); fieldsOf(err) != "org" {
			t.Fatalf("an organisation that has not opted in: %v", err)
		}
		tctx := lightbulb.WithOrg(ctx, trust.ID)
		must(t, ap.SetOrgOptIn(tctx, true))
		if orgs, err := ap.PlanOrgs(ctx); err != nil || len(orgs) != 1 || orgs[0].ID != trust.ID {
			t.Fatalf("opted-in organisations %+v %v", orgs, err)
		}
		must(t, ap.SeedSignatures(ctx, []sqldb.SeedSignature{
			{SignRequest: *req("b@example.org", trust.ID), Confirmed: time.Now(), Taken: []int64{as[0].ID}},
			{SignRequest: *req("c@example.org", trust.ID), Confirmed: time.Now()},
			{SignRequest: *req("d@example.org", trust.ID)}, // not confirmed: not counted
			{SignRequest: *req("e@example.org", 0), Confirmed: time.Now()},
		}))
		c, err := ap.OrgPlanCounts(tctx)
		if err != nil || !c.OptedIn || c.Signed != 2 || c.Chosen[as[0].ID] != 2 || c.Taken[as[0].ID] != 1 {
			t.Fatalf("the trust's counts %+v %v", c, err)
		}
		if c, err := ap.OrgPlanCounts(lightbulb.WithOrg(ctx, council.ID)); err != nil || c.OptedIn || c.Signed != 0 {
			t.Fatalf("the council sees %+v %v", c, err)
		}
		must(t, ap.SetOrgOptIn(tctx, false))
		if c, _ := ap.OrgPlanCounts(tctx); c.OptedIn || c.Signed != 0 {
			t.Fatalf("after opting out the trust sees %+v", c)
		}
	})
}
