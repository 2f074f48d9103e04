package sqldb_test

import (
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestIndicatorChanges: a lead marks a change with a month that has ended
// and a reason (refused otherwise, naming the field, with nothing stored);
// marking the month again rewords it; B neither sees nor removes A's.
func TestIndicatorChanges(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newDecisionFixture(t, db)
		is := sqldb.NewIndicatorService(db)
		last := lightbulb.LastEndedMonth(lightbulb.Now())
		for _, c := range []struct {
			change lightbulb.IndicatorChange
			field  string
		}{
			{lightbulb.IndicatorChange{Indicator: "cases.reviewed", Month: "May", Reason: "Huddle"}, "change_month"},
			{lightbulb.IndicatorChange{Indicator: "cases.reviewed", Month: lightbulb.AddMonths(last, 1), Reason: "Huddle"}, "change_month"},
			{lightbulb.IndicatorChange{Indicator: "cases.reviewed", Month: last, Reason: "  "}, "reason"},
		} {
			err := is.MarkIndicatorChange(f.ctxA, c.change)
			if v, ok := err.(*lightbulb.ValidationErrors); !ok || v.List[0].Field != c.field {
				t.Errorf("%+v: %v, want an error on %s", c.change, err, c.field)
			}
		}
		if err := is.MarkIndicatorChange(f.ctxA, lightbulb.IndicatorChange{Indicator: "nope", Month: last, Reason: "x"}); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Errorf("unknown indicator: %v", err)
		}
		if cs, _ := is.IndicatorChanges(f.ctxA); len(cs) != 0 {
			t.Fatalf("a refused change was stored: %+v", cs)
		}
		for _, reason := range []string{"Weekly huddle", "Weekly huddle began on every ward"} {
			if err := is.MarkIndicatorChange(f.ctxA, lightbulb.IndicatorChange{Indicator: "cases.reviewed", Month: last, Reason: reason, SetBy: "Leon Lead"}); err != nil {
				t.Fatal(err)
			}
		}
		cs, err := is.IndicatorChanges(f.ctxA)
		if err != nil || len(cs) != 1 || cs[0].Reason != "Weekly huddle began on every ward" || cs[0].SetBy != "Leon Lead" || cs[0].Month != last {
			t.Fatalf("changes: %+v %v", cs, err)
		}
		if cs, _ := is.IndicatorChanges(f.ctxB); len(cs) != 0 {
			t.Fatalf("B sees A's changes: %+v", cs)
		}
		if err := is.RemoveIndicatorChange(f.ctxB, "cases.reviewed", last); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("B removes A's change: %v", err)
		}
		if err := is.RemoveIndicatorChange(f.ctxA, "cases.reviewed", last); err != nil {
			t.Fatal(err)
		}
		if cs, _ := is.IndicatorChanges(f.ctxA); len(cs) != 0 {
			t.Fatalf("removed change remains: %+v", cs)
		}
	})
}
