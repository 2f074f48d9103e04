package web

import (
	"reflect"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// A unit counted nothing overdue in a month the organisation was counted:
// its count is 0, not missing; a share with nothing to share stays missing.
func TestUnitValuesFillCountsOfNothing(t *testing.T) {
	overdue, _ := lightbulb.FindIndicator("decisions.overdue")
	complete, _ := lightbulb.FindIndicator("decisions.inforce_complete")
	vs := []lightbulb.IndicatorValue{
		{Indicator: "decisions.overdue", Month: "2026-09", Numerator: 2, Value: 2},
		{Indicator: "decisions.overdue", Month: "2026-10", Numerator: 3, Value: 3},
		{Indicator: "decisions.overdue", ServiceID: 7, Month: "2026-10", Numerator: 1, Value: 1},
		{Indicator: "decisions.overdue", ServiceID: 8, Month: "2026-09", Numerator: 2, Value: 2},
		{Indicator: "decisions.inforce_complete", Month: "2026-10", Numerator: 1, Denominator: 2, Value: 50},
	}
	got := unitValues(overdue, vs, 7)
	want := []lightbulb.IndicatorValue{{Indicator: "decisions.overdue", ServiceID: 7, Month: "2026-09"},
		{Indicator: "decisions.overdue", ServiceID: 7, Month: "2026-10", Numerator: 1, Value: 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("overdue in unit 7: %+v", got)
	}
	if got := unitValues(complete, vs, 7); len(got) != 0 {
		t.Errorf("a share with nothing in the unit was given a value: %+v", got)
	}
}
