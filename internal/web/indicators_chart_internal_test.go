package web

import (
	"math"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// TestChartAfterAChange: the worked series of indicator_spc_segments_test
// (13 months about 11, then 13 about 22) with a change marked at month 14
// draws its mean in two parts (11 → 22 at the break), limits for both, the
// table twin the same numbers, and words for each part; the CSV rows carry
// each month's own part's limits.
func TestChartAfterAChange(t *testing.T) {
	d, _ := lightbulb.FindIndicator("training.attended")
	var vs []lightbulb.IndicatorValue
	months := lightbulb.MonthsBetween("2024-01", "2026-02")
	for i, m := range months {
		v := []float64{10, 12}[i%2]
		if i >= 13 {
			v = []float64{20, 24}[(i-13)%2]
		}
		vs = append(vs, lightbulb.IndicatorValue{Indicator: d.Key, Month: m, Value: v, Numerator: v})
	}
	rd := readIndicator("en", d, vs, lightbulb.DefaultSPCRules, nil, []lightbulb.IndicatorChange{{Indicator: d.Key, Month: months[13], Reason: "Huddle"}})
	if len(rd.Segments) != 2 || rd.Segments[0].To != "January 2025" || rd.Segments[1].From != "February 2025" || rd.Segments[1].Lower != "11.2" {
		t.Fatalf("segments: %+v", rd.Segments)
	}
	ch := runChart("en", "c", rd)
	mean := ch.Series[1]
	if len(mean.Breaks) != 1 || mean.Breaks[0] != 13 || math.Abs(mean.Values[12]-10.9231) > 0.001 || math.Abs(mean.Values[13]-21.8462) > 0.001 {
		t.Fatalf("mean series: breaks %v values %v", mean.Breaks, mean.Values)
	}
	if len(ch.Series) != 5 || ch.Series[2].Name != "Upper limit" || ch.Cell(2, 0) != "16.2" || ch.Cell(2, 20) != "32.5" {
		t.Fatalf("limits: %d series, %q %q", len(ch.Series), ch.Cell(2, 0), ch.Cell(2, 20))
	}
	if rd.Variation != "Common cause variation" && !strings.Contains(strings.ToLower(rd.Variation), "common") {
		t.Errorf("variation after recalculation: %s", rd.Variation)
	}
	// A part of fewer than 13 months has no limits: a gap, not a line.
	short := readIndicator("en", d, vs, lightbulb.DefaultSPCRules, nil, []lightbulb.IndicatorChange{{Month: months[20]}})
	ch = runChart("en", "c", short)
	if !math.IsNaN(ch.Series[2].Values[25]) || ch.Cell(2, 25) != "" || math.IsNaN(ch.Series[2].Values[0]) {
		t.Errorf("a short part's limits: %v", ch.Series[2].Values)
	}
}
