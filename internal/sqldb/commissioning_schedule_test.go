package sqldb_test

import (
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestReturnScheduleOpensRemindsAndChases sets a quarterly schedule on a
// contract and walks the calendar: the job opens each return four weeks
// before its day with an email to the provider's lead, reminds a week
// before, chases the day after a missed one; the provider answers the open
// return; "returns on time" counts both.
func TestReturnScheduleOpensRemindsAndChases(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newAssure(t, db)
		svc, id := f.svc, f.contract.ID
		real := lightbulb.Now
		defer func() { lightbulb.Now = real }()
		on := func(y, m, d int) {
			lightbulb.Now = func() time.Time { return date(y, m, d).In(lightbulb.London).Add(9 * time.Hour) }
		}
		run := func(want int, subject string) {
			t.Helper()
			var before int
			must(t, db.Reader().QueryRow(`SELECT COUNT(*) FROM outbox WHERE subject LIKE $1`, subject+"%").Scan(&before))
			n, err := svc.RunReturnSchedules(f.cctx)
			must(t, err)
			var after int
			must(t, db.Reader().QueryRow(`SELECT COUNT(*) FROM outbox WHERE subject LIKE $1`, subject+"%").Scan(&after))
			if n != want || after-before != want {
				t.Fatalf("%s: %d emails queued, %d with that subject; want %d", lightbulb.Now().Format(time.DateOnly), n, after-before, want)
			}
		}

		// Bad schedules are refused and nothing is saved.
		for _, bad := range []struct {
			s    lightbulb.ReturnSchedule
			want string
		}{{lightbulb.ReturnSchedule{Frequency: "weekly", FirstDue: date(2026, 7, 31)}, "how often returns are due"},
			{lightbulb.ReturnSchedule{Frequency: "quarterly", FirstDue: date(2026, 3, 31)}, "after the contract starts"},
			{lightbulb.ReturnSchedule{Frequency: "quarterly"}, "when the first return is due"}} {
			if err := svc.SetReturnSchedule(f.cctx, id, bad.s); err == nil || !strings.Contains(err.Error(), bad.want) {
				t.Fatalf("%+v: %v, want %q", bad.s, err, bad.want)
			}
		}
		if c, _ := svc.Contract(f.cctx, id); c.Schedule.Set() || len(c.Periods) != 0 {
			t.Fatalf("a refused schedule was saved: %+v, %d returns", c.Schedule, len(c.Periods))
		}
		if err := svc.SetReturnSchedule(f.rival, id, lightbulb.ReturnSchedule{Frequency: "quarterly", FirstDue: date(2026, 7, 31)}); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation sets the schedule: %v", err)
		}

		on(2026, 6, 1)
		must(t, svc.SetReturnSchedule(f.cctx, id, lightbulb.ReturnSchedule{Frequency: "quarterly", FirstDue: date(2026, 7, 31)}))
		c, _ := svc.Contract(f.cctx, id)
		if len(c.Periods) != 12 || c.Periods[0].Name("en") != "April–June 2026" || c.Periods[0].Name("cy") != "Ebrill–Mehefin 2026" ||
			c.Periods[11].Name("en") != "January–March 2029" || c.Periods[11].DueOn != date(2029, 4, 30) {
			t.Fatalf("%d scheduled returns, first %s, last %s due %s", len(c.Periods), c.Periods[0].Name("en"), c.Periods[11].Name("en"), c.Periods[11].DueOn)
		}
		run(0, "A return is open")
		on(2026, 7, 4) // 27 days before the first is due
		run(1, "A return is open: Mental health, April–June 2026")
		run(0, "A return")
		on(2026, 7, 25)
		run(1, "A return is due soon")

		// The provider answers the open return, and only that one.
		pc, _ := svc.ProviderContract(f.pctx, id)
		ret := f.answers(pc, 0)
		ret.PeriodID = pc.Periods[1].ID
		if err := svc.SubmitReturn(f.pctx, id, ret); err == nil || !strings.Contains(err.Error(), "returns open now") {
			t.Fatalf("a return not open yet: %v", err)
		}
		ret.PeriodID = pc.Periods[0].ID
		must(t, svc.SubmitReturn(f.pctx, id, ret))
		if err := svc.SubmitReturn(f.pctx, id, ret); err == nil || !strings.Contains(err.Error(), "returns open now") {
			t.Fatalf("the same return twice: %v", err)
		}
		c, _ = svc.Contract(f.cctx, id)
		if c.Periods[0].State(lightbulb.DateOf(lightbulb.Now())) != lightbulb.PeriodOnTime || c.ReturnName(c.Returns[0], "cy") != "Ebrill–Mehefin 2026" {
			t.Fatalf("the answered return: %+v", c.Periods[0])
		}

		// The next is opened, never answered, and chased the day after.
		on(2026, 10, 5)
		run(1, "A return is open: Mental health, July–September 2026")
		on(2026, 11, 1)
		run(1, "A return is overdue")
		run(0, "A return")
		c, _ = svc.Contract(f.cctx, id)
		if n := c.Overdue(lightbulb.DateOf(lightbulb.Now())); n != 1 {
			t.Fatalf("%d returns overdue, want 1", n)
		}

		// Returns on time: July's was, October's was not.
		on(2026, 12, 2)
		is := sqldb.NewIndicatorService(db)
		_, err := is.ComputeMonths(f.cctx, "2026-07", "2026-10")
		must(t, err)
		vs, err := is.IndicatorValues(f.cctx, []string{"commissioning.ontime"}, "2026-07", "2026-10", false)
		must(t, err)
		got := map[string][2]float64{}
		for _, v := range vs {
			got[v.Month] = [2]float64{v.Numerator, v.Denominator}
		}
		if got["2026-07"] != [2]float64{1, 1} || got["2026-10"] != [2]float64{0, 1} || got["2026-08"][1] != 0 {
			t.Fatalf("returns on time: %v", got)
		}

		// A new schedule replaces the returns not opened yet; opened ones stay.
		must(t, svc.SetReturnSchedule(f.cctx, id, lightbulb.ReturnSchedule{Frequency: "six_monthly", FirstDue: date(2027, 1, 31)}))
		c, _ = svc.Contract(f.cctx, id)
		if len(c.Periods) != 2+6 || c.Periods[2].Name("en") != "July–December 2026" || c.Overdue(lightbulb.DateOf(lightbulb.Now())) != 1 {
			t.Fatalf("after a new schedule: %d returns, third %s", len(c.Periods), c.Periods[2].Name("en"))
		}
	})
}
