package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// learnDemoPlans are embedding plans written five weeks ago by Northbridge
// people, so their one-month check-in is due: some answered and shared,
// the demo nurse's waiting for her.
var learnDemoPlans = []struct {
	email, reflection, answer string
	actions                   []string
	shared, done              bool
}{
	{"nurse@northbridge.test", "I will ask people what matters to them before I decide anything about their day, and write down why when I have to say no.", "",
		[]string{"Talk visiting through at handover", "Record the reason for any locked door"}, false, false},
	{"staff01@northbridge.test", "I will stop saying 'it's policy' and explain the reason, and check it is proportionate.",
		"Families have noticed. Two visiting restrictions were lifted after we looked again.", []string{"Review the ward's visiting rules with the team"}, true, true},
	{"staff02@northbridge.test", "I will use FREDA in supervision with my team.", "Used it twice; people found it easier than the policy language.",
		[]string{"Bring one case to supervision each month"}, true, false},
	{"staff03@northbridge.test", "I will speak up when I see someone left waiting for personal care.", "",
		[]string{"Raise call-bell waits at the team meeting"}, false, false},
}

// loadLearningPlanDemo writes the demo plans once.
func loadLearningPlanDemo(ctx context.Context, db *sqldb.DB, out io.Writer) error {
	trust, err := sqldb.NewOrgService(db).FindOrgBySlug(ctx, "northbridge-nhs")
	if err != nil {
		return fmt.Errorf("demo plans: %w", err)
	}
	ctx = lightbulb.WithOrg(ctx, trust.ID)
	ps, users := sqldb.NewPlanService(db), sqldb.NewUserService(db)
	if pr, err := ps.Progress(ctx); err != nil || pr.Plans > 0 {
		fmt.Fprintln(out, "Plan demo: already loaded.")
		return err
	}
	written := demoAt(-35, 16)
	for _, d := range learnDemoPlans {
		u, err := users.FindUserByEmail(ctx, d.email)
		if err != nil {
			return fmt.Errorf("demo plan for %s: %w", d.email, err)
		}
		p := &lightbulb.Plan{UserID: u.ID, Reflection: d.reflection, Shared: d.shared}
		for i, a := range d.actions {
			p.Actions = append(p.Actions, &lightbulb.PlanAction{Text: a, DueOn: written.AddDate(0, 0, 14*(i+1)).Format("2006-01-02")})
		}
		// Plans are dated when they are written: wind the clock back.
		real := lightbulb.Now
		lightbulb.Now = func() time.Time { return written.UTC() }
		err = ps.CreatePlan(ctx, p)
		lightbulb.Now = real
		if err != nil {
			return fmt.Errorf("demo plan: %w", err)
		}
		if d.done {
			if err := ps.SetActionsDone(ctx, p.ID, u.ID, []int64{p.Actions[0].ID}); err != nil {
				return err
			}
		}
		if d.answer != "" {
			if err := ps.AnswerCheckin(ctx, p.ID, p.Checkins[0].ID, u.ID, d.answer); err != nil {
				return fmt.Errorf("demo check-in: %w", err)
			}
		}
	}
	fmt.Fprintf(out, "Plan demo: %d Northbridge embedding plans, written five weeks ago.\n", len(learnDemoPlans))
	return nil
}
