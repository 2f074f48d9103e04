package lightbulb

import (
	"slices"
	"testing"
)

// shifted is the worked series for recalculated limits: 13 months
// alternating 10 and 12 (starting at 10), then, after a change, 13 months
// alternating 20 and 24 (starting at 20).
func shifted() []float64 {
	var vs []float64
	for i := range 13 {
		vs = append(vs, []float64{10, 12}[i%2])
	}
	for i := range 13 {
		vs = append(vs, []float64{20, 24}[i%2])
	}
	return vs
}

// TestSPCRecalculatedLimitsWorkedExample is worked by hand.
//
// One process over all 26 months: the first part sums to 7 × 10 + 6 × 12 =
// 142, the second to 7 × 20 + 6 × 24 = 284, so the mean is 426 / 26 =
// 16.3846. The 25 moving ranges are 12 of 2, the step 10 to 20 (10) and 12
// of 4: 82 / 25 = 3.28; limits 16.3846 ± 8.7248 = 7.6598 and 25.1094.
// Every one of the first 13 is below the mean and every
// one of the last 13 above: the shift rule marks all 26, and the latest
// (20, high) is special cause: improvement.
//
// With the limits recalculated from month 14: the first segment has mean
// 142 / 13 = 10.9231, 12 moving ranges of 2 (average 2), limits 10.9231 ±
// 5.32 = 5.6031 and 16.2431; the second mean 284 / 13 = 21.8462, average
// moving range 4, limits 21.8462 ± 10.64 = 11.2062 and 32.4862. Inside each
// the points alternate about the mean and none is beyond two-thirds of
// the way to a limit (second segment: 21.8462 ± 7.0933 = 14.7528 and
// 28.9395), so nothing is special: common cause. With a target of 15
// (higher is better) the current lower limit 11.2062 is below it: hit and
// miss; with a target of 11 it is above: will consistently pass.
func TestSPCRecalculatedLimitsWorkedExample(t *testing.T) {
	one := ReadSPC(SPCInput{Values: shifted(), Better: BetterHigher})
	if one.Kind != ChartXmR || !near(one.Centre, 16.3846) || !near(one.AvgMR, 3.28) || !near(one.Lower, 7.6598) || !near(one.Upper, 25.1094) {
		t.Fatalf("one process: mean %.4f mR %.4f limits %.4f %.4f", one.Centre, one.AvgMR, one.Lower, one.Upper)
	}
	if got := specials(one, RuleShift); len(got) != 26 || one.Variation != Improvement || len(one.Segments) != 1 {
		t.Fatalf("one process: shift %v variation %s segments %d", got, one.Variation, len(one.Segments))
	}

	two := ReadSPC(SPCInput{Values: shifted(), Better: BetterHigher, Target: 15, HasTarget: true, Breaks: []int{13}})
	if len(two.Segments) != 2 || two.Segments[1].Start != 13 {
		t.Fatalf("segments: %+v", two.Segments)
	}
	a, b := two.Segments[0], two.Segments[1]
	if a.Kind != ChartXmR || !near(a.Centre, 10.9231) || !near(a.AvgMR, 2) || !near(a.Lower, 5.6031) || !near(a.Upper, 16.2431) {
		t.Errorf("first segment: %+v", a)
	}
	if b.Kind != ChartXmR || !near(b.Centre, 21.8462) || !near(b.AvgMR, 4) || !near(b.Lower, 11.2062) || !near(b.Upper, 32.4862) {
		t.Errorf("second segment: %+v", b)
	}
	if two.Centre != b.Centre || two.Upper != b.Upper || two.SegmentOf(12).Centre != a.Centre || two.SegmentOf(13).Centre != b.Centre {
		t.Errorf("the chart's own limits are not the current segment's")
	}
	for i, p := range two.Points {
		if p.Special() {
			t.Errorf("point %d is special after recalculation: %v", i, p.Rules)
		}
	}
	if two.Variation != CommonCause || two.Assurance != HitAndMiss {
		t.Errorf("labels: %s %s", two.Variation, two.Assurance)
	}
	if pass := ReadSPC(SPCInput{Values: shifted(), Better: BetterHigher, Target: 11, HasTarget: true, Breaks: []int{13}}); pass.Assurance != PassTarget {
		t.Errorf("target 11: %s", pass.Assurance)
	}
}

// TestSPCShortSegmentIsARunChart: a segment of fewer than 13 points is read
// as a run chart around its median, with no limits and no assurance, and a
// run does not carry across the break. Worked by hand: 13 points at 50 then
// 5 points 70 80 70 80 70 after a change at 13: the second segment's median
// is 70; three points sit on it, which ends any run, so nothing is special.
// The breaks given twice, at 0 and past the end count once or not at all.
func TestSPCShortSegmentIsARunChart(t *testing.T) {
	vs := []float64{50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 70, 80, 70, 80, 70}
	s := ReadSPC(SPCInput{Values: vs, Better: BetterHigher, Target: 60, HasTarget: true, Breaks: []int{13, 13, 40, 0}})
	if len(s.Segments) != 2 || s.Kind != ChartRun || s.Centre != 70 || s.Assurance != NoAssurance {
		t.Fatalf("got %d segments, %s centre %v assurance %q", len(s.Segments), s.Kind, s.Centre, s.Assurance)
	}
	if s.Segments[0].Kind != ChartXmR || s.Segments[0].AvgMR != 0 {
		t.Errorf("the flat first segment: %+v", s.Segments[0])
	}
	if !slices.Equal(s.Rules, []string{RuleOutside, RuleShift, RuleTrend, RuleTwoOfThree}) {
		t.Errorf("rules named: %v", s.Rules)
	}
	for i, p := range s.Points {
		if p.Special() {
			t.Errorf("point %d special: %v", i, p.Rules)
		}
	}
}

// TestSPCNeitherWay: an indicator with no better way labels a special
// cause as neither improvement nor concern. Worked by hand: 13 points of 5
// then 6 of 9: the mean is (65 + 54) / 19 = 6.2632, the last six all above
// it: a shift, special cause, neither.
func TestSPCNeitherWay(t *testing.T) {
	vs := []float64{5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9, 9, 9, 9, 9, 9}
	s := ReadSPC(SPCInput{Values: vs, Better: BetterNeither})
	if !near(s.Centre, 6.2632) || !slices.Equal(specials(s, RuleShift)[13:], []int{13, 14, 15, 16, 17, 18}) || s.Variation != SpecialNeither {
		t.Fatalf("mean %.4f shift %v variation %s", s.Centre, specials(s, RuleShift), s.Variation)
	}
}
