package lightbulb

import (
	"math"
	"sort"
)

// SPCRules are the point counts of the NHS England "Making Data Count"
// rules that a lead may change; the other two rules (a point outside the
// process limits, and two of three points beyond two-thirds of the way to a
// limit) have no count.
type SPCRules struct {
	Shift int // points in a row on one side of the centre line
	Trend int // points in a row all rising or all falling
}

// DefaultSPCRules are the counts NHS England teaches.
var DefaultSPCRules = SPCRules{Shift: 6, Trend: 6}

// XmRMinPoints is the fewest points drawn as an XmR chart with process
// limits; fewer make a run chart around the median.
const XmRMinPoints = 13

// The rules, as named on a chart.
const (
	RuleOutside    = "outside"      // a point outside the process limits
	RuleShift      = "shift"        // a run on one side of the centre line
	RuleTrend      = "trend"        // a run all rising or all falling
	RuleTwoOfThree = "two_of_three" // 2 of 3 beyond two-thirds of the way to a limit
)

// Chart kinds and variation and assurance labels.
const (
	ChartXmR  = "xmr"
	ChartRun  = "run"
	ChartNone = "none" // no points

	CommonCause = "common_cause"
	Improvement = "improvement"
	Concern     = "concern"
	// SpecialNeither is a special cause of an indicator with no better way.
	SpecialNeither = "special_neither"
	PassTarget     = "pass"
	FailTarget     = "fail"
	HitAndMiss     = "hit_and_miss"
	NoAssurance    = ""
	sigmaPerMR     = 2.66 / 3 // one sigma is 2.66/3 of the average moving range
	limitPerMR     = 2.66
	twoThirdsOut   = 2.0 / 3
)

// SPCPoint is one point of a chart and the rules it takes part in.
type SPCPoint struct {
	Value float64
	Rules []string
	// High says the point's special cause is high (above the centre line,
	// or part of a rise); read only when Rules is not empty.
	High bool
}

// Special reports whether the point is part of a special-cause signal.
func (p SPCPoint) Special() bool { return len(p.Rules) > 0 }

// SPC is the reading of a series over time.
type SPC struct {
	Kind   string // ChartXmR, ChartRun or ChartNone
	Points []SPCPoint
	// Centre is the mean (XmR) or the median (run chart).
	Centre float64
	// AvgMR is the average moving range; Upper and Lower the process limits
	// (XmR only), kept within the indicator's bounds.
	AvgMR        float64
	Upper, Lower float64
	Rules        []string // the rules applied, in order
	Variation    string   // CommonCause, Improvement or Concern, of the latest point
	Assurance    string   // with a target and an XmR chart: PassTarget, FailTarget or HitAndMiss
	// Segments are the parts of the series read on their own, split where a
	// lead marked a change; one when none is marked. Kind, Centre, AvgMR
	// and the limits above are those of the last: the process as it is now.
	Segments []SPCSegment
}

// SPCInput is what ReadSPC reads.
type SPCInput struct {
	Values    []float64
	Rules     SPCRules
	Better    string
	Target    float64
	HasTarget bool
	// Lo and Hi bound the limits when Bounded (Hi ignored when not above Lo).
	Lo, Hi  float64
	Bounded bool
	// Breaks are the indices of the first point after each change a lead
	// marked: the limits are recalculated from there ("Making Data Count":
	// after a sustained shift with a known cause), so each segment has its
	// own centre line and limits and its own rules, and a run does not
	// carry across a break.
	Breaks []int
}

// readSegment reads a series as NHS boards are taught to: an XmR chart (mean,
// process limits at mean ± 2.66 × the average moving range, and all four
// rules) from XmRMinPoints points, a run chart around the median (the run
// rules only) below that. Comparisons are strict, so a flat series (average
// moving range 0) shows no signal: a point on the centre line ends a run,
// and an unchanged point ends a rise or fall.
func readSegment(in SPCInput) SPC {
	r := in.Rules
	if r.Shift < 2 {
		r.Shift = DefaultSPCRules.Shift
	}
	if r.Trend < 2 {
		r.Trend = DefaultSPCRules.Trend
	}
	out := SPC{Kind: ChartNone, Variation: CommonCause}
	n := len(in.Values)
	for _, v := range in.Values {
		out.Points = append(out.Points, SPCPoint{Value: v})
	}
	if n == 0 {
		return out
	}
	if n < XmRMinPoints {
		out.Kind, out.Centre = ChartRun, median(in.Values)
		out.Rules = []string{RuleShift, RuleTrend}
	} else {
		out.Kind, out.Centre = ChartXmR, mean(in.Values)
		out.Rules = []string{RuleOutside, RuleShift, RuleTrend, RuleTwoOfThree}
		for i := 1; i < n; i++ {
			out.AvgMR += math.Abs(in.Values[i] - in.Values[i-1])
		}
		out.AvgMR /= float64(n - 1)
		out.Upper, out.Lower = out.Centre+limitPerMR*out.AvgMR, out.Centre-limitPerMR*out.AvgMR
		markOutside(out.Points, out.Upper, out.Lower)
		markTwoOfThree(out.Points, out.Centre, out.Centre+2*sigmaPerMR*out.AvgMR, out.Centre-2*sigmaPerMR*out.AvgMR)
	}
	markShift(out.Points, out.Centre, r.Shift)
	markTrend(out.Points, r.Trend)
	if out.Kind == ChartXmR && in.Bounded {
		out.Lower = max(out.Lower, in.Lo)
		if in.Hi > in.Lo {
			out.Upper = min(out.Upper, in.Hi)
		}
	}
	out.Variation = variation(out.Points[n-1], in.Better)
	if out.Kind == ChartXmR && in.HasTarget {
		out.Assurance = assurance(out.Upper, out.Lower, in.Target, in.Better)
	}
	return out
}

func mean(vs []float64) float64 {
	var t float64
	for _, v := range vs {
		t += v
	}
	return t / float64(len(vs))
}

func median(vs []float64) float64 {
	s := append([]float64(nil), vs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func mark(p *SPCPoint, rule string, high bool) {
	for _, r := range p.Rules {
		if r == rule {
			return
		}
	}
	if len(p.Rules) == 0 {
		p.High = high
	}
	p.Rules = append(p.Rules, rule)
}

func markOutside(ps []SPCPoint, upper, lower float64) {
	for i := range ps {
		if ps[i].Value > upper {
			mark(&ps[i], RuleOutside, true)
		} else if ps[i].Value < lower {
			mark(&ps[i], RuleOutside, false)
		}
	}
}

// markTwoOfThree marks the points beyond two-thirds of the way to a limit
// when at least two of three points in a row are beyond it on the same side.
func markTwoOfThree(ps []SPCPoint, centre, hi, lo float64) {
	if hi <= centre {
		return // flat: nothing is beyond
	}
	for i := 0; i+3 <= len(ps); i++ {
		for _, high := range []bool{true, false} {
			var beyond []int
			for j := i; j < i+3; j++ {
				if (high && ps[j].Value > hi) || (!high && ps[j].Value < lo) {
					beyond = append(beyond, j)
				}
			}
			if len(beyond) >= 2 {
				for _, j := range beyond {
					mark(&ps[j], RuleTwoOfThree, high)
				}
			}
		}
	}
}

// markShift marks every point of a run of at least n points strictly on
// one side of the centre line.
func markShift(ps []SPCPoint, centre float64, n int) {
	side := func(v float64) int {
		switch {
		case v > centre:
			return 1
		case v < centre:
			return -1
		}
		return 0
	}
	markRuns(ps, n, RuleShift, func(i int) int { return side(ps[i].Value) })
}

// markTrend marks every point of a run of at least n points each strictly
// above (or each strictly below) the one before: n-1 steps one way.
func markTrend(ps []SPCPoint, n int) {
	step := func(i int) int { // the step into point i
		switch {
		case ps[i].Value > ps[i-1].Value:
			return 1
		case ps[i].Value < ps[i-1].Value:
			return -1
		}
		return 0
	}
	for a := 1; a < len(ps); {
		d, b := step(a), a
		for b+1 < len(ps) && step(b+1) == d {
			b++
		}
		if d != 0 && b-a+2 >= n {
			for j := a - 1; j <= b; j++ {
				mark(&ps[j], RuleTrend, d > 0)
			}
		}
		a = b + 1
	}
}

// markRuns marks runs of at least n consecutive points with the same
// non-zero class.
func markRuns(ps []SPCPoint, n int, rule string, class func(int) int) {
	start := 0
	for i := 1; i <= len(ps); i++ {
		if i < len(ps) && class(i) == class(start) {
			continue
		}
		if c := class(start); c != 0 && i-start >= n {
			for j := start; j < i; j++ {
				mark(&ps[j], rule, c > 0)
			}
		}
		start = i
	}
}

func variation(latest SPCPoint, better string) string {
	switch {
	case !latest.Special():
		return CommonCause
	case better == BetterNeither:
		return SpecialNeither
	}
	if latest.High == (better != BetterLower) {
		return Improvement
	}
	return Concern
}

func assurance(upper, lower, target float64, better string) string {
	pass, fail := lower >= target, upper < target
	if better == BetterLower {
		pass, fail = upper <= target, lower > target
	}
	switch {
	case pass:
		return PassTarget
	case fail:
		return FailTarget
	}
	return HitAndMiss
}
