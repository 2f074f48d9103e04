package lightbulb

import (
	"testing"
	"time"
)

func TestPounds(t *testing.T) {
	for in, want := range map[string]int64{"12": 1200, "12.5": 1250, "£1,012.50": 101250, ".75": 75, "0": 0} {
		if got, ok := ParsePounds(in); !ok || got != want {
			t.Errorf("ParsePounds(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "ten", "-5", "1.234", "1.-5", "£", "1e3"} {
		if got, ok := ParsePounds(bad); ok {
			t.Errorf("ParsePounds(%q) = %d, want refused", bad, got)
		}
	}
	if got := Pounds(123456); got != "£1,234.56" {
		t.Errorf("Pounds: %q", got)
	}
}

func TestFeeFollowsPreference(t *testing.T) {
	for pref, want := range map[string]int64{PayFull: 5000, PayCharity: 5000, PayVouchers: 5000, PayReduced: 3000, PayNone: 0} {
		p := &ExpertProfile{PayPref: pref, ReducedPence: 3000}
		if got := Fee(p, &CoprodRate{Pence: 2000, Unit: RateHour}, 150); got != want {
			t.Errorf("%s: fee %d, want %d", pref, got, want)
		}
	}
}

func TestFeeByTheHalfDayOrDay(t *testing.T) {
	half, day := &CoprodRate{Pence: 7500, Unit: RateHalfDay}, &CoprodRate{Pence: 15000, Unit: RateDay}
	for _, c := range []struct {
		r       *CoprodRate
		minutes int
		want    int64
	}{{half, 90, 7500}, {half, 240, 7500}, {half, 241, 15000}, {day, 120, 7500}, {day, 240, 7500}, {day, 300, 15000}, {day, 480, 15000},
		{day, 481, 22500}, {&CoprodRate{Pence: 2000}, 90, 3000}} {
		if got := FullFee(c.r, c.minutes); got != c.want {
			t.Errorf("%s at %d for %d minutes: %d, want %d", c.r.Unit, c.r.Pence, c.minutes, got, c.want)
		}
	}
}

func TestCountCoprod(t *testing.T) {
	mon := time.Date(2026, 3, 2, 12, 0, 0, 0, London) // a Monday
	if n := WorkingDays(mon, mon.AddDate(0, 0, 7)); n != 5 {
		t.Fatalf("a week is %d working days", n)
	}
	now := mon.AddDate(0, 2, 0)
	claims := []*Claim{
		{CreatedAt: mon, Minutes: 120, FeePence: 5000, ExpensesPence: 450, State: ClaimPaid, PaidOn: "2026-03-20"},
		{CreatedAt: mon, Minutes: 60, FeePence: 2500, State: ClaimPaid, PaidOn: "2026-04-20"}, // 35 working days
		{CreatedAt: mon.AddDate(0, 1, 0), Minutes: 60, FeePence: 2500, State: ClaimApproved},
	}
	fus := []*FollowUp{
		{DueAt: mon, DoneAt: mon.Add(-time.Hour)},
		{DueAt: mon, DoneAt: mon.Add(time.Hour)},
		{DueAt: mon.AddDate(0, 1, 0)},
		{DueAt: now.Add(time.Hour)}, // not yet due
	}
	x := CountCoprod(claims, fus, now, DefaultPayTargetDays)
	if x.Paid != 2 || x.PaidOnTime != 1 || x.PercentPaidOnTime() != 50 || x.FollowUps != 3 || x.FollowedUp != 1 || x.PercentFollowedUp() != 33 {
		t.Fatalf("indicators: %+v", x)
	}
	if len(x.Months) != 2 || x.Months[0].Month != "2026-03" || x.Months[0].Minutes != 180 || x.Months[0].SpendPence != 7950 {
		t.Fatalf("months: %+v", x.Months)
	}
	if !claims[2].Late(now, 20) || claims[0].Late(now, 20) {
		t.Fatal("lateness")
	}
	// An organisation's own, longer target: 35 working days is on time.
	if x := CountCoprod(claims, fus, now, 40); x.PaidOnTime != 2 || claims[1].Late(now, 40) {
		t.Fatalf("an organisation's own target: %+v", x)
	}
}

func TestCountGroupsHidesSmallCounts(t *testing.T) {
	var ps []*ExpertProfile
	for i := 0; i < 6; i++ {
		p := &ExpertProfile{Groups: []string{"carer"}}
		if i < 2 {
			p.Groups = append(p.Groups, "bsl_user")
		}
		ps = append(ps, p)
	}
	ps = append(ps, &ExpertProfile{})
	x := CountGroups(ps)
	got := map[string]GroupCount{}
	for _, g := range x.Groups {
		got[g.Group] = g
	}
	if x.People != 7 || x.Sharing != 6 || got["carer"].Count != 6 || !got["bsl_user"].Hidden || got["bsl_user"].Count != 0 || got["lgbtq"].Hidden {
		t.Fatalf("groups: %+v", x)
	}
}

func TestCheckStates(t *testing.T) {
	c := &ExpertCheck{CheckedOn: "2025-01-10", ExpiresOn: "2026-01-10"}
	for day, want := range map[string]string{"2025-06-01": CheckValid, "2025-12-11": CheckValid, "2025-12-12": CheckEnding,
		"2026-01-10": CheckEnding, "2026-01-11": CheckRenewing, "2026-02-09": CheckRenewing, "2026-02-10": CheckLapsed} {
		if got := c.StateOn(day, 30); got != want {
			t.Errorf("on %s: %s, want %s", day, got, want)
		}
	}
	if got := c.StateOn("2026-01-11", 0); got != CheckLapsed {
		t.Errorf("no renewal window: %s", got)
	}
	var none *ExpertCheck
	if none.StateOn("2026-01-01", 30) != CheckNone || CheckUsable(CheckNone) || CheckUsable(CheckLapsed) || !CheckUsable(CheckRenewing) {
		t.Error("a missing or lapsed check must not be usable")
	}
	bad := &ExpertCheck{ExpertID: 1, Kind: "dbs", CheckedOn: "2025-01-10", ExpiresOn: "2025-01-01"}
	if err := bad.Validate(); ErrorMessage(err) == "" {
		t.Error("a check ending before it was done was accepted")
	}
}
