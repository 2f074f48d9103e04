package sqldb_test

import (
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestRoundtableActionPlan: a commissioner meets the provider it
// commissions (not one it does not), agrees actions owned on either side;
// the provider sees the roundtable and closes its own action with
// evidence; a rival provider sees and changes nothing.
func TestRoundtableActionPlan(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newAssure(t, db)
		svc := f.svc
		if ps, err := svc.RoundtableProviders(f.cctx); err != nil || len(ps) != 1 || ps[0].ID != f.trust.ID {
			t.Fatalf("providers to invite: %v, %v", ps, err)
		}
		rid, _ := lightbulb.OrgFrom(f.rival)
		rival := lightbulb.OrgRef{ID: rid}
		rt := &lightbulb.Roundtable{Title: "Restrictive practice roundtable", HeldOn: date(2026, 9, 14), Attendees: "Commissioning lead; ward managers",
			Providers: []lightbulb.OrgRef{{ID: f.trust.ID}, rival}}
		if err := svc.CreateRoundtable(f.cctx, rt); err == nil || !strings.Contains(err.Error(), "providers you have contracts with") {
			t.Fatalf("a provider not commissioned: %v", err)
		}
		if err := svc.CreateRoundtable(f.cctx, &lightbulb.Roundtable{}); err == nil || !strings.Contains(err.Error(), "roundtable's name") ||
			!strings.Contains(err.Error(), "the day the roundtable met") || !strings.Contains(err.Error(), "providers that took part") {
			t.Fatalf("an empty roundtable: %v", err)
		}
		if rts, _ := svc.Roundtables(f.cctx); len(rts) != 0 {
			t.Fatalf("refused roundtables saved: %d", len(rts))
		}
		rt.Providers = rt.Providers[:1]
		must(t, svc.CreateRoundtable(f.cctx, rt))

		lib, _ := svc.Requirements(f.cctx)
		theirs := &lightbulb.CommAction{OwnerOrgID: f.trust.ID, Owner: "Ward manager, Willow Ward", Text: "Review every blanket rule on the ward",
			RequirementCode: lib[0].Code, DueOn: date(2026, 12, 1)}
		if err := svc.AddRoundtableAction(f.cctx, rt.ID, &lightbulb.CommAction{OwnerOrgID: rival.ID, Owner: "X", Text: "Y", DueOn: date(2026, 12, 1)}); err == nil ||
			!strings.Contains(err.Error(), "organisation that owns the action") {
			t.Fatalf("an action owned by an organisation not present: %v", err)
		}
		bad := *theirs
		bad.RequirementCode = "R99"
		if err := svc.AddRoundtableAction(f.cctx, rt.ID, &bad); err == nil || !strings.Contains(err.Error(), "requirement from your library") {
			t.Fatalf("a requirement not in the library: %v", err)
		}
		must(t, svc.AddRoundtableAction(f.cctx, rt.ID, theirs))
		ours := &lightbulb.CommAction{OwnerOrgID: f.icb.ID, Owner: "Quality lead", Text: "Share the restraint data", DueOn: date(2026, 11, 1)}
		must(t, svc.AddRoundtableAction(f.cctx, rt.ID, ours))

		// The provider present sees the plan; a rival does not.
		got, err := svc.ProviderRoundtable(f.pctx, rt.ID)
		if err != nil || len(got.Actions) != 2 || got.CommissionerName == "" || !got.Present(f.trust.ID) {
			t.Fatalf("the provider's view: %+v, %v", got, err)
		}
		if _, err := svc.ProviderRoundtable(f.rival, rt.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("a rival reads the roundtable: %v", err)
		}
		if rts, _ := svc.ProviderRoundtables(f.rival); len(rts) != 0 {
			t.Fatalf("a rival lists %d roundtables", len(rts))
		}
		// The provider closes its own action, with evidence; not the commissioner's.
		if err := svc.ProviderUpdateAction(f.pctx, ours.ID, &lightbulb.ActionUpdate{Status: lightbulb.ActionDone, Evidence: "x"}); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("the provider changes the commissioner's action: %v", err)
		}
		if err := svc.ProviderUpdateAction(f.pctx, theirs.ID, &lightbulb.ActionUpdate{Status: lightbulb.ActionDone}); err == nil || !strings.Contains(err.Error(), "evidence that the action is done") {
			t.Fatalf("done without evidence: %v", err)
		}
		if err := svc.ProviderUpdateAction(f.rival, theirs.ID, &lightbulb.ActionUpdate{Status: lightbulb.ActionDone, Evidence: "x"}); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("a rival closes the action: %v", err)
		}
		must(t, svc.ProviderUpdateAction(f.pctx, theirs.ID, &lightbulb.ActionUpdate{Status: lightbulb.ActionDone, Evidence: "Register reviewed on 3 November"}))
		mine, _ := svc.Actions(f.pctx)
		all, _ := svc.Actions(f.cctx)
		if len(mine) != 1 || mine[0].Status != lightbulb.ActionDone || mine[0].ClosingEvidence != "Register reviewed on 3 November" || mine[0].UpdatedBy == "" || len(all) != 2 {
			t.Fatalf("actions: provider %+v, commissioner %d", mine, len(all))
		}
		if rival, _ := svc.Actions(f.rival); len(rival) != 0 {
			t.Fatalf("a rival lists %d actions", len(rival))
		}
		must(t, svc.UpdateAction(f.cctx, ours.ID, &lightbulb.ActionUpdate{Status: lightbulb.ActionInProgress}))
	})
}
