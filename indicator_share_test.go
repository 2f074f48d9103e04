package lightbulb

import "testing"

// TestSumShared: two organisations' shares are summed by their counts,
// not averaged (3 of 4 and 1 of 6 make 4 of 10, 40%), months ordered, and
// small numbers suppressed.
func TestSumShared(t *testing.T) {
	d := IndicatorDef{Key: "cases.reviewed", Unit: UnitPercent}
	vs := []SharedValue{
		{OrgID: 1, IndicatorValue: IndicatorValue{Indicator: d.Key, Month: "2026-03", Numerator: 3, Denominator: 4}},
		{OrgID: 1, IndicatorValue: IndicatorValue{Indicator: d.Key, Month: "2026-02", Numerator: 2, Denominator: 2}},
		{OrgID: 2, IndicatorValue: IndicatorValue{Indicator: d.Key, Month: "2026-03", Numerator: 1, Denominator: 6}},
		{OrgID: 2, IndicatorValue: IndicatorValue{Indicator: "other", Month: "2026-03", Numerator: 9, Denominator: 9}},
	}
	out, orgs := SumShared(vs, d)
	if len(out) != 2 || out[0].Month != "2026-02" || out[1].Value != 40 || orgs[1] != 2 || orgs[0] != 1 {
		t.Fatalf("summed: %+v %v", out, orgs)
	}
	if !Suppressed(d, out[0]) || !Suppressed(d, out[1]) { // 2 of 2; 4 of 10 (4 is under 5)
		t.Errorf("small shares shown")
	}
	if Suppressed(d, IndicatorValue{Numerator: 5, Denominator: 10}) || Suppressed(d, IndicatorValue{Numerator: 0, Denominator: 10}) {
		t.Errorf("5 of 10, or 0 of 10, suppressed")
	}
	c := IndicatorDef{Unit: UnitCount}
	if !Suppressed(c, IndicatorValue{Numerator: 4}) || Suppressed(c, IndicatorValue{Numerator: 5}) {
		t.Errorf("counts: under 5 must be suppressed, 5 shown")
	}
}
