package sqldb_test

import (
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestQualityVisitAndEscalation: a commissioner plans a visit (mistakes
// refused, nothing saved), records findings against the contract's
// requirements, turns one into the provider's action; the provider reads
// the visit and a rival cannot; the contract is escalated with a reason
// and its history kept.
func TestQualityVisitAndEscalation(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newAssure(t, db)
		svc, id := f.svc, f.contract.ID
		if err := svc.PlanVisit(f.cctx, id, &lightbulb.Visit{}); err == nil || !strings.Contains(err.Error(), "service you will visit") ||
			!strings.Contains(err.Error(), "day of the visit") || !strings.Contains(err.Error(), "visiting team") {
			t.Fatalf("an empty visit: %v", err)
		}
		v := &lightbulb.Visit{Service: "Willow Ward", PlannedOn: date(2026, 10, 6), Team: "Colin Burke\nTwo lived experience experts", InvolvementID: 999}
		if err := svc.PlanVisit(f.cctx, id, v); err == nil || !strings.Contains(err.Error(), "co-production involvements") {
			t.Fatalf("an involvement not the commissioner's: %v", err)
		}
		if err := svc.PlanVisit(f.rival, id, v); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation plans a visit: %v", err)
		}
		if c, _ := svc.Contract(f.cctx, id); len(c.Visits) != 0 {
			t.Fatalf("refused visits saved: %d", len(c.Visits))
		}
		v.InvolvementID = 0
		must(t, svc.PlanVisit(f.cctx, id, v))

		c, _ := svc.Contract(f.cctx, id)
		cr := c.Requirements[0]
		rec := &lightbulb.VisitRecord{VisitedOn: date(2026, 10, 6), Findings: []*lightbulb.Finding{{ContractRequirementID: cr.ID}}}
		if err := svc.RecordVisit(f.cctx, v.ID, rec); err == nil || !strings.Contains(err.Error(), "summary of what the team found") ||
			!strings.Contains(err.Error(), "Rate what you found about each requirement") {
			t.Fatalf("findings without a summary or rating: %v", err)
		}
		rec.Summary, rec.Findings[0].Rating, rec.Findings[0].Text = "Doors locked at night for everyone.", lightbulb.Red, "A blanket rule not in the register"
		must(t, svc.RecordVisit(f.cctx, v.ID, rec))
		a := &lightbulb.CommAction{OwnerOrgID: f.trust.ID, Owner: "Ward manager", Text: "Put the locked door in the register and review it",
			RequirementCode: "R99", DueOn: date(2026, 11, 6)}
		if err := svc.AddVisitAction(f.cctx, v.ID, a); err == nil || !strings.Contains(err.Error(), "requirement") {
			t.Fatalf("a requirement the contract does not carry: %v", err)
		}
		a.RequirementCode = cr.Requirement.Code
		must(t, svc.AddVisitAction(f.cctx, v.ID, a))

		got, err := svc.ProviderVisit(f.pctx, v.ID)
		if err != nil || len(got.Findings) != 1 || got.Findings[0].Rating != lightbulb.Red || len(got.Actions) != 1 || got.VisitedOn != date(2026, 10, 6) {
			t.Fatalf("the provider's view of the visit: %+v, %v", got, err)
		}
		if _, err := svc.ProviderVisit(f.rival, v.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("a rival reads the visit: %v", err)
		}
		must(t, svc.ProviderUpdateAction(f.pctx, a.ID, &lightbulb.ActionUpdate{Status: lightbulb.ActionInProgress}))

		// Escalation, with every change kept.
		for _, bad := range []struct{ state, reason, want string }{
			{"worried", "x", "Choose the contract's state"}, {"none", "x", "already in that state"}, {"improvement", " ", "Say why"}} {
			if err := svc.Escalate(f.cctx, id, bad.state, bad.reason); err == nil || !strings.Contains(err.Error(), bad.want) {
				t.Fatalf("%q: %v", bad.state, err)
			}
		}
		if err := svc.Escalate(f.rival, id, "suspended", "x"); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation escalates: %v", err)
		}
		must(t, svc.Escalate(f.cctx, id, lightbulb.EscalationImprovement, "A blanket rule found on the visit of 6 October"))
		must(t, svc.Escalate(f.cctx, id, lightbulb.EscalationNone, "The rule is reviewed and gone"))
		var mails int
		must(t, db.Reader().QueryRow(`SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Your contract''s state has changed%'`).Scan(&mails))
		if mails != 2 {
			t.Fatalf("%d emails to the provider's lead about its contract's state, want 2", mails)
		}
		c, _ = svc.Contract(f.cctx, id)
		if c.Escalation != lightbulb.EscalationNone || len(c.Escalations) != 2 || c.Escalations[1].State != lightbulb.EscalationImprovement ||
			c.Escalations[0].By == "" || len(c.Visits) != 1 {
			t.Fatalf("escalation history: %s %+v", c.Escalation, c.Escalations)
		}
	})
}
