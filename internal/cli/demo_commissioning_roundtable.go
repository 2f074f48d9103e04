package cli

import (
	"context"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// demoRoundtable records Westshire's roundtable with Northbridge and
// Brightwell five weeks ago and its action plan: one action each, one
// closed by Northbridge with its evidence, Brightwell's under way and
// Westshire's own past its day.
func demoRoundtable(ctx, cctx context.Context, db *sqldb.DB, svc *sqldb.CommissioningService, at func(int, func() error) error) error {
	orgs := sqldb.NewOrgService(db)
	rt := &lightbulb.Roundtable{Title: "Restrictive practice roundtable", HeldOn: lightbulb.DateOf(demoAt(-35, 10)),
		Attendees: "Colin Burke, commissioning lead, Westshire ICB\nLeon Marsh, equality lead, Northbridge\nBrightwell House manager\nTwo lived experience experts",
		Notes:     "Blanket rules remain on two wards and in one home. Providers agreed to review each with the people affected; Westshire will publish restraint figures across its providers."}
	ids := map[string]int64{}
	for _, slug := range []string{"northbridge-nhs", "brightwell-care"} {
		o, err := orgs.FindOrgBySlug(ctx, slug)
		if err != nil {
			return err
		}
		ids[slug] = o.ID
		rt.Providers = append(rt.Providers, lightbulb.OrgRef{ID: o.ID})
	}
	if err := at(-35, func() error { return svc.CreateRoundtable(cctx, rt) }); err != nil {
		return fmt.Errorf("demo roundtable: %w", err)
	}
	lib, err := svc.Requirements(cctx)
	if err != nil {
		return err
	}
	actions := []*lightbulb.CommAction{
		{OwnerOrgID: ids["northbridge-nhs"], Owner: "Ward manager, Oak Ward", Text: "Review the locked-door rule on Oak Ward with the people it affects", RequirementCode: lib[0].Code, DueOn: lightbulb.DateOf(demoAt(-7, 10))},
		{OwnerOrgID: ids["brightwell-care"], Owner: "Registered manager", Text: "Replace the fixed visiting hours with visits agreed with each resident", RequirementCode: lib[8].Code, DueOn: lightbulb.DateOf(demoAt(25, 10))},
		{OwnerOrgID: rt.CommissionerID, Owner: "Quality lead", Text: "Publish restraint figures for every provider each quarter", DueOn: lightbulb.DateOf(demoAt(-3, 10))},
	}
	for _, a := range actions {
		if err := at(-35, func() error { return svc.AddRoundtableAction(cctx, rt.ID, a) }); err != nil {
			return fmt.Errorf("demo action: %w", err)
		}
	}
	for i, u := range []struct {
		slug, lead string
		days       int
		update     lightbulb.ActionUpdate
	}{
		{"northbridge-nhs", "lead@northbridge.test", -9, lightbulb.ActionUpdate{Status: lightbulb.ActionDone,
			Evidence: "The rule was reviewed with the four people on Oak Ward and replaced by individual plans; minutes of the ward meeting attached to the return."}},
		{"brightwell-care", "manager@brightwell.test", -12, lightbulb.ActionUpdate{Status: lightbulb.ActionInProgress}},
	} {
		uid, err := demoUserIDs(ctx, db, u.lead)
		if err != nil {
			return err
		}
		pctx := lightbulb.WithActor(lightbulb.WithOrg(ctx, ids[u.slug]), &lightbulb.Actor{UserID: uid[0]})
		if err := at(u.days, func() error { return svc.ProviderUpdateAction(pctx, actions[i].ID, &u.update) }); err != nil {
			return fmt.Errorf("demo action update: %w", err)
		}
	}
	return nil
}

// demoVisits gives Westshire's Northbridge contract a quality visit two
// months ago with a finding turned into Northbridge's action, and the
// contract's escalation to an improvement plan and back; Brightwell's
// contract has a visit planned for next month.
func demoVisits(cctx context.Context, svc *sqldb.CommissioningService, at func(int, func() error) error) error {
	cs, err := svc.Contracts(cctx)
	if err != nil {
		return err
	}
	for _, c := range cs {
		full, err := svc.Contract(cctx, c.ID)
		if err != nil {
			return err
		}
		nb := c.ProviderName == "Northbridge NHS Foundation Trust"
		v := &lightbulb.Visit{Service: "Willow Ward", PlannedOn: lightbulb.DateOf(demoAt(-60, 10)),
			Team: "Colin Burke, quality lead, Westshire ICB\nTwo lived experience experts"}
		if !nb {
			v.Service, v.PlannedOn = "Brightwell House", lightbulb.DateOf(demoAt(30, 10))
		}
		if err := at(-75, func() error { return svc.PlanVisit(cctx, c.ID, v) }); err != nil {
			return fmt.Errorf("demo visit: %w", err)
		}
		if !nb {
			continue
		}
		cr := full.Requirements[0]
		rec := &lightbulb.VisitRecord{VisitedOn: v.PlannedOn, Summary: "Staff knew people well and spoke of their rights. The garden door is locked at night for everyone.",
			Findings: []*lightbulb.Finding{{ContractRequirementID: cr.ID, Rating: lightbulb.Amber, Text: "The locked garden door is a blanket rule not yet in the register."}}}
		steps := []struct {
			days int
			fn   func() error
		}{
			{-150, func() error {
				return svc.Escalate(cctx, c.ID, lightbulb.EscalationImprovement, "Blanket restrictions were not recorded or reviewed on two wards.")
			}},
			{-59, func() error { return svc.RecordVisit(cctx, v.ID, rec) }},
			{-59, func() error {
				return svc.AddVisitAction(cctx, v.ID, &lightbulb.CommAction{OwnerOrgID: c.ProviderID, Owner: "Ward manager, Willow Ward",
					Text: "Record the garden door rule in the register and review it with each person", RequirementCode: cr.Requirement.Code,
					DueOn: lightbulb.DateOf(demoAt(-20, 10))})
			}},
			{-30, func() error {
				return svc.Escalate(cctx, c.ID, lightbulb.EscalationNone, "The register is kept and reviewed quarterly; the visit found one rule, now being reviewed.")
			}},
		}
		for _, s := range steps {
			if err := at(s.days, s.fn); err != nil {
				return fmt.Errorf("demo visit: %w", err)
			}
		}
	}
	return nil
}
