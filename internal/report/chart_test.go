package report

import (
	"math"
	"strings"
	"testing"
)

func TestChartTableTwin(t *testing.T) {
	ch := Chart{Kind: Bars, Unit: "%", Categories: []string{"A", "B"}, Series: []Series{
		{Name: "Before", Values: []float64{10, 20.5}}, {Name: "After", Values: []float64{30, 40}},
		{Name: "Change", TableOnly: true, Texts: []string{"up 20", "up 19.5"}}}}
	if got := ch.Cell(0, 1); got != "20.5%" {
		t.Errorf("cell: %q", got)
	}
	if got := ch.Cell(2, 0); got != "up 20" {
		t.Errorf("text cell: %q", got)
	}
	if got := ch.CategoryTotal(0); got != "40%" {
		t.Errorf("total leaves out table-only series: %q", got)
	}
}

func TestBarsScaleToTheTop(t *testing.T) {
	ch := Chart{Kind: Bars, Max: 100, Categories: []string{"A"}, Series: []Series{
		{Name: "Before", Values: []float64{50}, Hatch: true}, {Name: "After", Values: []float64{100}}}}
	d := ch.Draw()
	if len(d.Rects) != 2 || !d.Hatch {
		t.Fatalf("rects: %+v", d.Rects)
	}
	if d.Rects[1].W != 2*d.Rects[0].W || d.Rects[1].X+d.Rects[1].W > d.Width {
		t.Errorf("bars not to scale or off the chart: %+v", d.Rects)
	}
	names := 0
	for _, tx := range d.Texts {
		if tx.S == "Before" || tx.S == "After" {
			names++
		}
	}
	if names != 2 {
		t.Errorf("with two series each bar is named: %+v", d.Texts)
	}
}

func TestStackedSegmentsFillTheWidthAndSayTheirNumbers(t *testing.T) {
	ch := Chart{Kind: Stacked, Categories: []string{"Theme"}, Series: []Series{
		{Name: "Green", Values: []float64{3}, Ink: "#fff"}, {Name: "Red", Values: []float64{1}}, {Name: "None", Values: []float64{0}}}}
	d := ch.Draw()
	if len(d.Rects) != 2 {
		t.Fatalf("a zero segment is not drawn: %+v", d.Rects)
	}
	if w := d.Rects[0].W + d.Rects[1].W; w < d.Width-2 || w > d.Width {
		t.Errorf("segments cover %d of %d", w, d.Width)
	}
	var labels []string
	for _, tx := range d.Texts {
		labels = append(labels, tx.S)
	}
	if got := strings.Join(labels, "|"); got != "Theme|Green 3|Red 1" {
		t.Errorf("labels: %s", got)
	}
}

func TestLineRisesWithItsValues(t *testing.T) {
	ch := Chart{Kind: Line, Categories: []string{"Jan", "Feb", "Mar"}, Series: []Series{
		{Name: "Decisions", Values: []float64{1, 4, 2}}, {Name: "Median", Values: []float64{2, 2, 2}, Dashed: true}}}
	d := ch.Draw()
	if len(d.Dots) != 3 {
		t.Fatalf("dots: %+v", d.Dots)
	}
	if !(d.Dots[1].Y < d.Dots[2].Y && d.Dots[2].Y < d.Dots[0].Y) || d.Dots[0].X >= d.Dots[1].X {
		t.Errorf("points out of order: %+v", d.Dots)
	}
	dashed := 0
	for _, l := range d.Lines {
		if l.Dashed {
			dashed++
		}
	}
	if dashed != 2 { // the median and its legend key
		t.Errorf("dashed lines: %d", dashed)
	}
}

// TestLineMarkedPoints: a run chart's special-cause points are drawn as
// squares and named in the legend; a fall below 0 moves the scale's foot.
func TestLineMarkedPoints(t *testing.T) {
	ch := Chart{Kind: Line, Categories: []string{"Jan", "Feb", "Mar"}, MarkedLabel: "Special cause",
		Series: []Series{{Name: "Value", Values: []float64{-4, 2, 9}, Fill: "#1d70b8", Marked: []bool{false, false, true}},
			{Name: "Mean", Values: []float64{2, 2, 2}, Dashed: true, Fill: "#505a5f"}}}
	d := ch.Draw()
	var squares int
	for _, x := range d.Dots {
		if x.Square {
			squares++
		}
	}
	if squares != 2 { // the marked point and its legend key
		t.Errorf("%d squares, want 2", squares)
	}
	var legend, foot bool
	for _, x := range d.Texts {
		legend = legend || x.S == "Special cause"
		foot = foot || x.S == "-4"
	}
	if !legend || !foot {
		t.Errorf("legend %v, scale foot at -4 %v", legend, foot)
	}
}

// TestLineBreaksAndGaps: a centre line recalculated after a change is two
// lines with a dotted upright between them; a NaN value is a gap, left
// empty in the table, and does not stretch the scale.
func TestLineBreaksAndGaps(t *testing.T) {
	nan := math.NaN()
	ch := Chart{Kind: Line, Categories: []string{"Jan", "Feb", "Mar", "Apr"}, Series: []Series{
		{Name: "Value", Values: []float64{10, 12, 30, 32}, Fill: "#1d70b8"},
		{Name: "Mean", Values: []float64{11, 11, 31, 31}, Fill: "#505a5f", Dashed: true, Breaks: []int{2}},
		{Name: "Upper limit", Values: []float64{15, 15, nan, nan}, Fill: "#d4351c", Dashed: true, Breaks: []int{2}},
	}}
	d := ch.Draw()
	count := map[string]int{}
	for _, l := range d.Lines {
		count[l.Stroke]++
		if strings.Contains(l.Points, "NaN") {
			t.Errorf("a line passes through NaN: %s", l.Points)
		}
	}
	// Each series has its legend's line too. Value: one line; mean: two;
	// upper: one (no points after the break); ink: the axes, and one
	// upright at the break.
	if count["#1d70b8"] != 1+1 || count["#505a5f"] != 2+1 || count["#d4351c"] != 1+1 || count[ink] != 2 {
		t.Errorf("lines by colour: %v", count)
	}
	if got := ch.Cell(2, 3); got != "" {
		t.Errorf("a gap in the table shows %q", got)
	}
	if ch.top() != 32 {
		t.Errorf("top = %v", ch.top())
	}
}
