package lightbulb

import "sort"

// SPCSegment is one part of a series with its own centre line and limits.
type SPCSegment struct {
	Start        int // the index of its first point
	Kind         string
	Centre       float64
	AvgMR        float64
	Upper, Lower float64
}

// SegmentOf is the segment point i belongs to.
func (s SPC) SegmentOf(i int) SPCSegment {
	var seg SPCSegment
	for _, x := range s.Segments {
		if x.Start <= i {
			seg = x
		}
	}
	return seg
}

// ReadSPC reads a series, each segment between breaks on its own (see
// readSegment); the variation label is the latest point's and the
// assurance label the last segment's.
func ReadSPC(in SPCInput) SPC {
	n := len(in.Values)
	out := SPC{Kind: ChartNone, Variation: CommonCause}
	var last SPC
	used := map[string]bool{}
	starts := segmentStarts(in.Breaks, n)
	for i, st := range starts {
		end := n
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		part := in
		part.Values, part.Breaks = in.Values[st:end], nil
		last = readSegment(part)
		out.Points = append(out.Points, last.Points...)
		out.Segments = append(out.Segments, SPCSegment{Start: st, Kind: last.Kind, Centre: last.Centre, AvgMR: last.AvgMR, Upper: last.Upper, Lower: last.Lower})
		for _, r := range last.Rules {
			used[r] = true
		}
	}
	if n == 0 {
		return out
	}
	out.Kind, out.Centre, out.AvgMR, out.Upper, out.Lower, out.Assurance = last.Kind, last.Centre, last.AvgMR, last.Upper, last.Lower, last.Assurance
	for _, r := range []string{RuleOutside, RuleShift, RuleTrend, RuleTwoOfThree} {
		if used[r] {
			out.Rules = append(out.Rules, r)
		}
	}
	out.Variation = variation(out.Points[n-1], in.Better)
	return out
}

// segmentStarts are the first indices of the segments of n points: 0 and
// each break inside the series, in order, each once.
func segmentStarts(breaks []int, n int) []int {
	starts := []int{0}
	bs := append([]int(nil), breaks...)
	sort.Ints(bs)
	for _, b := range bs {
		if b > starts[len(starts)-1] && b < n {
			starts = append(starts, b)
		}
	}
	return starts
}
