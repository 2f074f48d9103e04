package sqldb_test

import (
	"context"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

func TestPlansAndCheckins(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		org := sqldbtest.MustOrg(t, db, "trust", lightbulb.KindNHSTrust)
		other := sqldbtest.MustOrg(t, db, "council", lightbulb.KindCouncil)
		ann := sqldbtest.MustUser(t, db, "ann@example.org", org, lightbulb.RoleStaff)
		bob := sqldbtest.MustUser(t, db, "bob@example.org", org, lightbulb.RoleStaff)
		ctx := lightbulb.WithOrg(context.Background(), org.ID)
		start := time.Date(2030, 3, 4, 10, 0, 0, 0, time.UTC)
		setClock(t, start)
		ps := sqldb.NewPlanService(db)
		bad := []*lightbulb.Plan{
			{UserID: ann.ID, Actions: []*lightbulb.PlanAction{{Text: "Ask first", DueOn: "2030-04-01"}}},
			{UserID: ann.ID, Reflection: "Ask before I act"},
			{UserID: ann.ID, Reflection: "Ask before I act", Actions: []*lightbulb.PlanAction{{Text: "Ask first", DueOn: "someday"}}},
		}
		for _, p := range bad {
			if err := ps.CreatePlan(ctx, p); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
				t.Errorf("%+v: %v", p, err)
			}
		}
		p := &lightbulb.Plan{UserID: ann.ID, Reflection: "I will ask people what matters to them before deciding for them.",
			Actions: []*lightbulb.PlanAction{{Text: "Talk visiting through at handover", DueOn: "2030-03-20"}, {Text: "Record reasons for locked doors", DueOn: "2030-04-30"}}}
		learnMust(t, ps.CreatePlan(ctx, p))
		learnMust(t, ps.CreatePlan(ctx, &lightbulb.Plan{UserID: bob.ID, Reflection: "Shared thoughts", Shared: true,
			Actions: []*lightbulb.PlanAction{{Text: "Coach my team", DueOn: "2030-05-01"}}}))
		if _, err := ps.FindPlan(ctx, p.ID, bob.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("Bob reads Ann's plan: %v", err)
		}
		if _, err := ps.FindPlan(lightbulb.WithOrg(context.Background(), other.ID), p.ID, ann.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation reads Ann's plan: %v", err)
		}
		if err := ps.SetActionsDone(ctx, p.ID, bob.ID, []int64{p.Actions[0].ID}); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("Bob ticks Ann's action: %v", err)
		}
		one := p.Checkins[0]
		if err := ps.AnswerCheckin(ctx, p.ID, one.ID, ann.ID, "Early"); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("a check-in before it is due: %v", err)
		}
		tr := sqldb.NewTrainingService(db, sqldb.NewMailService(db), "https://lb.test")
		sqldbtest.RunJobs(t, db, tr)
		if n := learnCheckinMails(t, db, "ann@example.org"); n != 0 {
			t.Fatalf("%d check-in emails before a month", n)
		}
		setClock(t, start.AddDate(0, 1, 1))
		sqldbtest.RunJobs(t, db, tr)
		if n := learnCheckinMails(t, db, "ann@example.org"); n != 1 {
			t.Fatalf("%d check-in emails after a month, want 1", n)
		}
		if err := ps.AnswerCheckin(ctx, p.ID, one.ID, ann.ID, ""); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("an empty answer: %v", err)
		}
		learnMust(t, ps.AnswerCheckin(ctx, p.ID, one.ID, ann.ID, "Handover now includes visiting."))
		if err := ps.AnswerCheckin(ctx, p.ID, one.ID, ann.ID, "Again"); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("answering twice: %v", err)
		}
		learnMust(t, ps.SetActionsDone(ctx, p.ID, ann.ID, []int64{p.Actions[0].ID}))
		pr, err := ps.Progress(ctx)
		learnMust(t, err)
		if pr.Plans != 2 || pr.People != 2 || pr.Actions != 3 || pr.ActionsDone != 1 || pr.CheckinsDue != 2 || pr.Answered != 1 {
			t.Fatalf("progress %+v", pr)
		}
		if len(pr.Shared) != 1 || pr.Shared[0].Reflection != "Shared thoughts" {
			t.Fatalf("shared plans %+v", pr.Shared)
		}
		for _, s := range pr.Shared {
			if strings.Contains(s.Reflection, "what matters") {
				t.Fatal("a private reflection is in the leads' progress")
			}
		}
		if pr, _ := ps.Progress(lightbulb.WithOrg(context.Background(), other.ID)); pr.Plans != 0 {
			t.Fatal("another organisation counts trust plans")
		}
		// Three months on, the second email goes; it is never sent twice.
		setClock(t, start.AddDate(0, 3, 1))
		sqldbtest.RunJobs(t, db, tr)
		sqldbtest.RunJobs(t, db, tr)
		if n := learnCheckinMails(t, db, "ann@example.org"); n != 2 {
			t.Fatalf("%d check-in emails after three months, want 2", n)
		}
	})
}

func learnCheckinMails(t *testing.T, db *sqldb.DB, to string) int {
	t.Helper()
	ms, err := sqldb.NewMailService(db).FindMail(context.Background(), 100)
	learnMust(t, err)
	n := 0
	for _, m := range ms {
		if m.To == to && m.Subject == "How is your plan going?" {
			n++
		}
	}
	return n
}
