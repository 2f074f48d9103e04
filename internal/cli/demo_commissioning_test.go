package cli_test

import (
	"context"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestCommissioningDemo loads Westshire ICB's principles, library and two
// contracts with a year of quarterly returns, once.
func TestCommissioningDemo(t *testing.T) {
	dsn := dbURL(t)
	out, err := run(t, dsn, "demo", "--insecure-fast-passwords")
	if err != nil || !strings.Contains(out, "Commissioning demo: Westshire ICB's principles") {
		t.Fatalf("first demo: %v\n%s", err, out)
	}
	if out, err = run(t, dsn, "demo", "--insecure-fast-passwords"); err != nil || !strings.Contains(out, "Commissioning demo: already loaded.") {
		t.Fatalf("second demo: %v\n%s", err, out)
	}
	db := sqldbtest.MustOpenDSN(t, dsn)
	ctx := context.Background()
	icb, err := sqldb.NewOrgService(db).FindOrgBySlug(ctx, "westshire-icb")
	if err != nil {
		t.Fatal(err)
	}
	svc := sqldb.NewCommissioningService(db, "")
	cctx := lightbulb.WithOrg(ctx, icb.ID)
	cs, _ := svc.Contracts(cctx)
	if len(cs) != 2 {
		t.Fatalf("%d contracts, want 2", len(cs))
	}
	for _, c := range cs {
		full, err := svc.Contract(cctx, c.ID)
		if err != nil || len(full.Returns) != 4 || len(full.Assessments) != 2 || full.Assessments[1].State != lightbulb.AssessmentFinal {
			t.Fatalf("%s: %d returns, %d reports, %v", c.Title, len(full.Returns), len(full.Assessments), err)
		}
		states := map[string]int{}
		for _, p := range full.Periods {
			states[p.State(lightbulb.DateOf(lightbulb.Now()))]++
		}
		late := 0
		if c.ProviderName != "Northbridge NHS Foundation Trust" {
			late = 1
		}
		if !full.Schedule.Set() || states[lightbulb.PeriodOnTime]+states[lightbulb.PeriodLate] < 3 || states[lightbulb.PeriodLate] != late {
			t.Errorf("%s: scheduled returns %v", c.Title, states)
		}
		if len(full.Visits) != 1 {
			t.Errorf("%s: %d visits, want 1", c.Title, len(full.Visits))
		}
		if nb := c.ProviderName == "Northbridge NHS Foundation Trust"; nb && (len(full.Escalations) != 2 || full.Escalation != lightbulb.EscalationNone) {
			t.Errorf("%s: escalation %s, %d changes", c.Title, full.Escalation, len(full.Escalations))
		}
		open := full.Assessments[0].State == lightbulb.AssessmentDraft
		if open != (c.ProviderName == "Northbridge NHS Foundation Trust") {
			t.Errorf("%s: latest report open %v", c.Title, open)
		}
	}
	rts, _ := svc.Roundtables(cctx)
	if len(rts) != 1 {
		t.Fatalf("%d roundtables, want 1", len(rts))
	}
	if rt, err := svc.Roundtable(cctx, rts[0].ID); err != nil || len(rt.Providers) != 2 || len(rt.Actions) != 3 ||
		rt.Actions[2].Status != lightbulb.ActionDone || rt.Actions[2].ClosingEvidence == "" {
		t.Fatalf("the roundtable's plan: %+v, %v", rt, err)
	}
	if _, all, err := svc.PublicPrinciples(ctx, "westshire-icb", 0); err != nil || len(all) != 2 {
		t.Fatalf("principles: %d versions, %v", len(all), err)
	}
}
