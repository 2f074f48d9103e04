package sqldb_test

import (
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// A day rate: a session of over 4 hours is offered a day, a claim for up
// to 4 hours is paid half a day, and the claim keeps its rate's unit.
func TestCoprodDayRate(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newCoprod(t, db)
		if err := f.svc.AddRate(f.ctx, &lightbulb.CoprodRate{Level: "chairing", Pence: 15000, Unit: "fortnight", StartsOn: "2020-01-01"}); fieldsOf(err) != "unit" {
			t.Fatalf("a rate for a fortnight: %v", err)
		}
		must(t, f.svc.AddRate(f.ctx, &lightbulb.CoprodRate{Level: "chairing", Pence: 15000, Unit: lightbulb.RateDay, StartsOn: "2020-01-01"}))
		start := time.Now().Add(-24 * time.Hour)
		inv := &lightbulb.Involvement{Title: "Annual conference", Activity: "panel", Level: "chairing", StartsAt: start, Minutes: 240, PrepMinutes: 60,
			Place: "Cardiff", SupporterID: f.lead.ID, LeadID: f.lead.ID}
		_, err := f.svc.CreateInvolvement(f.ctx, inv, []int64{f.o.ID})
		must(t, err)
		recs, err := f.svc.MyRecords(f.ctx, f.o.ID)
		must(t, err)
		if recs.Invites[0].OfferPence != 15000 {
			t.Fatalf("5 hours at £150 a day: offered %d", recs.Invites[0].OfferPence)
		}
		must(t, f.svc.Respond(f.ctx, recs.Invites[0].ID, f.o.ID, true, true))
		c := &lightbulb.Claim{Minutes: 210, RecordedBy: f.o.ID}
		must(t, f.svc.RecordClaim(f.ctx, recs.Invites[0].ID, c))
		recs, _ = f.svc.MyRecords(f.ctx, f.o.ID)
		if got := recs.Claims[0]; got.FeePence != 7500 || got.RateUnit != lightbulb.RateDay || got.RatePence != 15000 {
			t.Fatalf("3.5 hours at a day rate: %+v", got)
		}
		rates, _ := f.svc.Rates(f.ctx)
		for _, r := range rates {
			if r.Level == "standard" && r.Unit != lightbulb.RateHour {
				t.Fatalf("an hourly rate from before units: %+v", r)
			}
		}
	})
}

// The board indicator "Experts paid within target" counts by the
// organisation's own target: a claim paid in 25 working days is late at
// 20 and on time at 30.
func TestCoprodPaidIndicatorUsesOwnTarget(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newCoprod(t, db)
		made := time.Date(2026, 3, 2, 12, 0, 0, 0, lightbulb.London) // a Monday
		real := lightbulb.Now
		defer func() { lightbulb.Now = real }()
		lightbulb.Now = func() time.Time { return made.Add(-48 * time.Hour) }
		_, _, err := f.involvement(t, made.Add(-24*time.Hour), f.esther.ID)
		must(t, err)
		recs, _ := f.svc.MyRecords(f.ctx, f.esther.ID)
		must(t, f.svc.Respond(f.ctx, recs.Invites[0].ID, f.esther.ID, true, true))
		lightbulb.Now = func() time.Time { return made }
		c := &lightbulb.Claim{Minutes: 60, RecordedBy: f.esther.ID}
		must(t, f.svc.RecordClaim(f.ctx, recs.Invites[0].ID, c))
		must(t, f.svc.ApproveClaim(f.ctx, c.ID, f.approver.ID))
		lightbulb.Now = func() time.Time { return made.AddDate(0, 2, 0) }
		must(t, f.svc.MarkPaid(f.ctx, c.ID, lightbulb.Date{Year: 2026, Month: 4, Day: 6})) // 25 working days on
		is := sqldb.NewIndicatorService(db)
		if _, err := is.ComputeMonths(f.ctx, "2026-04", "2026-04"); err != nil {
			t.Fatal(err)
		}
		if v, ok := orgValue(t, is, f.ctx, "coprod.paid", "2026-04"); !ok || v.Denominator != 1 || v.Numerator != 0 {
			t.Fatalf("paid in 25 working days against 20: %+v %v", v, ok)
		}
		must(t, f.svc.SaveSettings(f.ctx, &lightbulb.CoprodSettings{PayTargetDays: 30, RenewalDays: 30}))
		must(t, is.RecomputeIndicators(f.ctx, "2026-04", "lead"))
		if v, ok := orgValue(t, is, f.ctx, "coprod.paid", "2026-04"); !ok || v.Numerator != 1 {
			t.Fatalf("paid in 25 working days against 30: %+v %v", v, ok)
		}
	})
}
