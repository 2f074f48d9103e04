package lightbulb

import (
	"math"
	"slices"
	"testing"
)

// specials lists the indices of the points that rule marks.
func specials(s SPC, rule string) []int {
	var out []int
	for i, p := range s.Points {
		if slices.Contains(p.Rules, rule) {
			out = append(out, i)
		}
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.0005 }

// TestSPCWorkedExample is worked by hand. The 15 monthly values are
// 10 12 11 13 12 11 10 12 11 13 12 11 30 12 11, summing to 191:
// mean 191/15 = 12.7333. The 14 moving ranges are 2 1 2 1 1 1 2 1 2 1 1 19
// 18 1, summing to 53: average 53/14 = 3.7857. The limits are 12.7333 ±
// 2.66 × 3.7857 = 12.7333 ± 10.0700, so 22.8033 and 2.6633. Only 30 is
// outside; two-thirds of the way to the upper limit is 12.7333 + 6.7133 =
// 19.4467, and no other point is beyond it; no six points in a row lie on
// one side of 12.7333, and none rise or fall six in a row. The last point
// (11) is common cause; with a target of 15 (higher is better) the lower
// limit is below it and the upper above: hit and miss.
func TestSPCWorkedExample(t *testing.T) {
	s := ReadSPC(SPCInput{Values: []float64{10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11, 30, 12, 11},
		Better: BetterHigher, Target: 15, HasTarget: true})
	if s.Kind != ChartXmR || !near(s.Centre, 12.7333) || !near(s.AvgMR, 3.7857) || !near(s.Upper, 22.8033) || !near(s.Lower, 2.6633) {
		t.Fatalf("got %s mean %.4f mR %.4f limits %.4f %.4f", s.Kind, s.Centre, s.AvgMR, s.Lower, s.Upper)
	}
	if got := specials(s, RuleOutside); !slices.Equal(got, []int{12}) || !s.Points[12].High {
		t.Errorf("outside: %v", got)
	}
	for _, r := range []string{RuleShift, RuleTrend, RuleTwoOfThree} {
		if got := specials(s, r); got != nil {
			t.Errorf("%s marks %v, want none", r, got)
		}
	}
	if s.Variation != CommonCause || s.Assurance != HitAndMiss {
		t.Errorf("labels %q %q", s.Variation, s.Assurance)
	}
	if !slices.Equal(s.Rules, []string{RuleOutside, RuleShift, RuleTrend, RuleTwoOfThree}) {
		t.Errorf("rules named %v", s.Rules)
	}
}

// TestSPCTwoOfThree: 10 11 9 repeated four times, then 10 14 10 14 (sum
// 168 over 16: mean 10.5; moving ranges sum 28 over 15: 1.8667). Two-thirds
// of the way to the upper limit is 10.5 + 2 × 2.66/3 × 1.8667 = 13.8102;
// 14 and 14 are two of the last three points beyond it, under the upper
// limit 15.4653. The last point is special and high: improvement.
func TestSPCTwoOfThree(t *testing.T) {
	s := ReadSPC(SPCInput{Values: []float64{10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 14, 10, 14}, Better: BetterHigher})
	if !near(s.Centre, 10.5) || !near(s.Upper, 15.4653) || !near(s.Lower, 5.5347) {
		t.Fatalf("mean %.4f limits %.4f %.4f", s.Centre, s.Lower, s.Upper)
	}
	if got := specials(s, RuleTwoOfThree); !slices.Equal(got, []int{13, 15}) {
		t.Errorf("two of three: %v", got)
	}
	if got := specials(s, RuleOutside); got != nil {
		t.Errorf("outside: %v", got)
	}
	if s.Variation != Improvement {
		t.Errorf("variation %q", s.Variation)
	}
	// Lower is better: the same high point is a concern.
	if s := ReadSPC(SPCInput{Values: s.values(), Better: BetterLower}); s.Variation != Concern {
		t.Errorf("lower is better: %q", s.Variation)
	}
}

func (s SPC) values() []float64 {
	var out []float64
	for _, p := range s.Points {
		out = append(out, p.Value)
	}
	return out
}

// TestSPCShiftOnARunChart: 12 points make a run chart. Sorted, they are
// 1 2 3 7 7 7 8 8 8 9 9 9: median 7.5. The six from index 4 (8 9 8 9 8 9)
// are all above it: a shift; the four before and two after are below. The
// last point (3) is not part of it, so the reading is common cause. With
// the count set to 7 there is no shift.
func TestSPCShiftOnARunChart(t *testing.T) {
	vs := []float64{1, 7, 2, 7, 8, 9, 8, 9, 8, 9, 7, 3}
	s := ReadSPC(SPCInput{Values: vs, Better: BetterHigher, Target: 1, HasTarget: true})
	if s.Kind != ChartRun || s.Centre != 7.5 || s.Upper != 0 || s.Lower != 0 {
		t.Fatalf("got %s centre %v limits %v %v", s.Kind, s.Centre, s.Lower, s.Upper)
	}
	if got := specials(s, RuleShift); !slices.Equal(got, []int{4, 5, 6, 7, 8, 9}) {
		t.Errorf("shift: %v", got)
	}
	if s.Variation != CommonCause || s.Assurance != NoAssurance {
		t.Errorf("labels %q %q: a run chart has no limits, so no assurance", s.Variation, s.Assurance)
	}
	if !slices.Equal(s.Rules, []string{RuleShift, RuleTrend}) {
		t.Errorf("a run chart names %v", s.Rules)
	}
	if s := ReadSPC(SPCInput{Values: vs, Rules: SPCRules{Shift: 7, Trend: 6}}); specials(s, RuleShift) != nil {
		t.Errorf("a shift of 7 still marks %v", specials(s, RuleShift))
	}
}

// TestSPCTrend: 5 4 6 5 then 6 7 8 9 10 — from the 5 at index 3 six
// points rise. Median of the nine is 6, and only four points lie above it:
// no shift. Lower is better, so the rise is a concern; a trend count of 7
// finds nothing.
func TestSPCTrend(t *testing.T) {
	vs := []float64{5, 4, 6, 5, 6, 7, 8, 9, 10}
	s := ReadSPC(SPCInput{Values: vs, Better: BetterLower})
	if got := specials(s, RuleTrend); !slices.Equal(got, []int{3, 4, 5, 6, 7, 8}) {
		t.Errorf("trend: %v", got)
	}
	if got := specials(s, RuleShift); got != nil {
		t.Errorf("shift: %v", got)
	}
	if s.Variation != Concern {
		t.Errorf("variation %q", s.Variation)
	}
	if s := ReadSPC(SPCInput{Values: vs, Rules: SPCRules{Shift: 6, Trend: 7}}); specials(s, RuleTrend) != nil {
		t.Errorf("a trend of 7 still marks %v", specials(s, RuleTrend))
	}
	// A falling trend with an unchanged step in it is broken there.
	s = ReadSPC(SPCInput{Values: []float64{9, 8, 7, 7, 6, 5, 4}})
	if got := specials(s, RuleTrend); got != nil {
		t.Errorf("a flat step still leaves a trend: %v", got)
	}
}

// TestSPCFlatSeries: 15 equal points have an average moving range of 0,
// limits on the mean, and no signal at all; a target at the value passes.
func TestSPCFlatSeries(t *testing.T) {
	vs := make([]float64, 15)
	for i := range vs {
		vs[i] = 50
	}
	s := ReadSPC(SPCInput{Values: vs, Better: BetterHigher, Target: 50, HasTarget: true})
	if s.Kind != ChartXmR || s.AvgMR != 0 || s.Upper != 50 || s.Lower != 50 {
		t.Fatalf("got %+v", s)
	}
	for i, p := range s.Points {
		if p.Special() {
			t.Errorf("point %d marked %v", i, p.Rules)
		}
	}
	if s.Variation != CommonCause || s.Assurance != PassTarget {
		t.Errorf("labels %q %q", s.Variation, s.Assurance)
	}
}

// TestSPCBoundsAndAssurance: a percentage's limits stay within 0 to 100,
// and the assurance label follows the limits and direction.
func TestSPCBoundsAndAssurance(t *testing.T) {
	vs := []float64{95, 100, 90, 100, 95, 100, 90, 100, 95, 100, 90, 100, 95}
	s := ReadSPC(SPCInput{Values: vs, Better: BetterHigher, Target: 50, HasTarget: true, Lo: 0, Hi: 100, Bounded: true})
	if s.Upper != 100 || s.Lower < 0 || s.Assurance != PassTarget {
		t.Errorf("limits %v %v assurance %q", s.Lower, s.Upper, s.Assurance)
	}
	if s := ReadSPC(SPCInput{Values: vs, Better: BetterLower, Target: 50, HasTarget: true}); s.Assurance != FailTarget {
		t.Errorf("lower is better, target far below: %q", s.Assurance)
	}
	if s := ReadSPC(SPCInput{}); s.Kind != ChartNone || s.Variation != CommonCause {
		t.Errorf("no points: %+v", s)
	}
}
