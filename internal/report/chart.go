package report

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// ChartKind is how a chart draws its numbers.
type ChartKind string

// The kinds of chart.
const (
	// Bars draws a horizontal bar for each series in each category.
	Bars ChartKind = "bar"
	// Stacked draws one horizontal bar per category, split by series.
	Stacked ChartKind = "stacked"
	// Line draws each series as a line over the categories, in order (time).
	Line ChartKind = "line"
)

// Chart is an accessible chart: it is drawn as SVG with a title and a
// description, never relies on colour alone (bars and segments carry their
// numbers in words; a series can be hatched or dashed), and always comes
// with a table twin holding the same numbers.
type Chart struct {
	ID    string // unique on its page, for the ids of its title and description
	Kind  ChartKind
	Title string // also the caption of the table twin
	Desc  string // what it shows, read with the title
	// Axis heads the table's first column: what the categories are.
	Axis       string
	Categories []string
	// CategoryLang, when set, is the language of the category names, such
	// as "en" for an organisation's English-only names on a Welsh page.
	CategoryLang string
	Series       []Series
	Unit         string // shown after each number, such as "%"
	// Max is the top of the scale; 0 means the largest value.
	Max float64
	// Total adds a column of each category's total to the table.
	Total bool
	// TotalLabel heads that column.
	TotalLabel string
	// MarkedLabel names marked points in the legend, such as "Special cause".
	MarkedLabel string
}

// Series is one set of numbers, a value per category.
type Series struct {
	Name   string
	Values []float64
	// Fill is the colour of its bars, line and points; Ink the colour of
	// text drawn on Fill.
	Fill, Ink string
	Hatch     bool // bars drawn hatched, told apart without colour
	Dashed    bool // a line drawn dashed, such as a run chart's median
	// Texts, when set, are how the table shows each value.
	Texts []string
	// TableOnly series are in the table but not drawn.
	TableOnly bool
	// Marked points of a line are special causes (a run chart's signals):
	// drawn as larger squares, not told apart by colour alone, and named
	// in the legend by the chart's MarkedLabel.
	Marked []bool
	// Breaks are the categories where a line starts anew, such as a centre
	// line recalculated after a change; the drawing marks each with a
	// dotted upright. A value that is NaN has no point: the line has a gap.
	Breaks []int
}

// Cell is how the table shows series s's value for category c.
func (ch Chart) Cell(s, c int) string {
	x := ch.Series[s]
	if c < len(x.Texts) {
		return x.Texts[c]
	}
	if c >= len(x.Values) || math.IsNaN(x.Values[c]) {
		return ""
	}
	return number(x.Values[c]) + ch.Unit
}

// CategoryTotal is the sum of the drawn series for category c, for the table.
func (ch Chart) CategoryTotal(c int) string {
	var t float64
	for _, s := range ch.Series {
		if !s.TableOnly && c < len(s.Values) {
			t += s.Values[c]
		}
	}
	return number(t) + ch.Unit
}

func number(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// Drawing is a chart's geometry in SVG user units (the SVG scales to fit).
type Drawing struct {
	Width, Height int
	Rects         []Rect
	Lines         []Polyline
	Dots          []Dot
	Texts         []Text
	Hatch         bool // some rect uses the hatch pattern
}

// Rect is a bar or a segment of one.
type Rect struct {
	X, Y, W, H int
	Fill       string
	Hatch      bool
}

// Polyline is a series drawn as a line.
type Polyline struct {
	Points string
	Stroke string
	Dashed bool
}

// Dot is a point of a line; a Square one is a marked point.
type Dot struct {
	X, Y   int
	Fill   string
	Square bool
}

// Text is a label: a category, a series or a number.
type Text struct {
	X, Y   int
	S      string
	Anchor string // start, middle or end
	Bold   bool
	Fill   string
	Lang   string // set on category names in another language than the page
}

const (
	chartWidth = 640
	ink        = "#0b0c0c"
)

// drawn is the series that are drawn, leaving out those for the table only.
func (ch Chart) drawn() []Series {
	var out []Series
	for _, s := range ch.Series {
		if !s.TableOnly {
			out = append(out, s)
		}
	}
	return out
}

// top is the top of the scale: Max, or the largest value, never 0.
func (ch Chart) top() float64 {
	if ch.Max > 0 {
		return ch.Max
	}
	top := 0.0
	for _, s := range ch.drawn() {
		for _, v := range s.Values {
			if !math.IsNaN(v) {
				top = max(top, v)
			}
		}
	}
	if ch.Kind == Stacked {
		for c := range ch.Categories {
			var t float64
			for _, s := range ch.drawn() {
				if c < len(s.Values) {
					t += s.Values[c]
				}
			}
			top = max(top, t)
		}
	}
	return max(top, 1)
}

// Draw lays the chart out.
func (ch Chart) Draw() Drawing {
	switch ch.Kind {
	case Stacked:
		return ch.drawStacked()
	case Line:
		return ch.drawLine()
	}
	return ch.drawBars()
}

func value(s Series, c int) float64 {
	if c < len(s.Values) {
		return s.Values[c]
	}
	return 0
}

// drawBars: each category's label, then a bar per series with its number
// after it; with several series each bar is named at its left.
func (ch Chart) drawBars() Drawing {
	series := ch.drawn()
	left := 0
	if len(series) > 1 {
		left = 100
	}
	plot := float64(chartWidth - left - 70)
	d := Drawing{Width: chartWidth}
	y := 0
	for c, cat := range ch.Categories {
		d.Texts = append(d.Texts, Text{X: 0, Y: y + 16, S: cat, Anchor: "start", Fill: ink, Lang: ch.CategoryLang})
		y += 24
		for _, s := range series {
			w := int(math.Round(value(s, c) / ch.top() * plot))
			if value(s, c) > 0 {
				w = max(w, 2)
			}
			if left > 0 {
				d.Texts = append(d.Texts, Text{X: 0, Y: y + 16, S: s.Name, Anchor: "start", Fill: ink})
			}
			d.Rects = append(d.Rects, Rect{X: left, Y: y, W: w, H: 22, Fill: s.Fill, Hatch: s.Hatch})
			d.Hatch = d.Hatch || s.Hatch
			d.Texts = append(d.Texts, Text{X: left + w + 6, Y: y + 17, S: number(value(s, c)) + ch.Unit, Anchor: "start", Bold: true, Fill: ink})
			y += 28
		}
		y += 12
	}
	d.Height = max(y, 1)
	return d
}

// drawStacked: each category's label, then one bar split into its series,
// each segment labelled with its series and number where they fit.
func (ch Chart) drawStacked() Drawing {
	d := Drawing{Width: chartWidth}
	for c, cat := range ch.Categories {
		y := c * 56
		d.Texts = append(d.Texts, Text{X: 0, Y: y + 16, S: cat, Anchor: "start", Fill: ink, Lang: ch.CategoryLang})
		var total float64
		for _, s := range ch.drawn() {
			total += value(s, c)
		}
		if total == 0 {
			continue
		}
		x := 0
		for _, s := range ch.drawn() {
			v := value(s, c)
			if v == 0 {
				continue
			}
			w := int(v * chartWidth / total)
			d.Rects = append(d.Rects, Rect{X: x, Y: y + 22, W: w, H: 26, Fill: s.Fill, Hatch: s.Hatch})
			d.Hatch = d.Hatch || s.Hatch
			label := s.Name + " " + number(v)
			if w < 9*len(label) {
				label = number(v)
			}
			if w >= 24 {
				d.Texts = append(d.Texts, Text{X: x + w/2, Y: y + 40, S: label, Anchor: "middle", Bold: true, Fill: s.Ink})
			}
			x += w
		}
	}
	d.Height = max(len(ch.Categories)*56, 1)
	return d
}

// drawLine: the series over the categories, left to right, on a scale from
// 0 to the top with its ends labelled; a legend names the series when there
// are several, and each point carries its number when there are few.
func (ch Chart) drawLine() Drawing {
	const left, right, plotH = 56, 24, 220
	top := 40
	if ch.MarkedLabel != "" {
		top = 64 // room for a second legend line naming the marked points
	}
	d := Drawing{Width: chartWidth, Height: top + plotH + 44}
	n := len(ch.Categories)
	step := 0.0
	if n > 1 {
		step = float64(chartWidth-left-right) / float64(n-1)
	}
	low := ch.bottom()
	scale := ch.top() - low
	at := func(c int, v float64) (int, int) {
		return left + int(math.Round(float64(c)*step)), top + plotH - int(math.Round((v-low)/scale*plotH))
	}
	d.Texts = append(d.Texts, Text{X: left - 8, Y: top + plotH + 5, S: number(low) + ch.Unit, Anchor: "end", Fill: ink},
		Text{X: left - 8, Y: top + 5, S: number(ch.top()) + ch.Unit, Anchor: "end", Fill: ink})
	d.Lines = append(d.Lines, Polyline{Points: fmt.Sprintf("%d,%d %d,%d %d,%d", left, top, left, top+plotH, chartWidth-right, top+plotH), Stroke: ink})
	every := max(1, (n+7)/8) // at most about eight labels along the bottom
	for c, cat := range ch.Categories {
		// Every few months, and the last unless it would sit on the one before.
		if (c%every == 0 && c+every <= n-1) || c == n-1 {
			x, _ := at(c, 0)
			anchor := "middle"
			if c == n-1 && n > 1 {
				anchor = "end" // the last label ends at the axis's end, inside the drawing
				x += right
			}
			d.Texts = append(d.Texts, Text{X: x, Y: top + plotH + 24, S: cat, Anchor: anchor, Fill: ink, Lang: ch.CategoryLang})
		}
	}
	lx := left
	uprights := map[int]bool{}
	for _, s := range ch.drawn() {
		var pts []string
		end := func() {
			if len(pts) > 0 {
				d.Lines = append(d.Lines, Polyline{Points: strings.Join(pts, " "), Stroke: s.Fill, Dashed: s.Dashed})
			}
			pts = nil
		}
		for c := range ch.Categories {
			if slices.Contains(s.Breaks, c) && c > 0 {
				end()
				uprights[c] = true
			}
			if math.IsNaN(value(s, c)) {
				end()
				continue
			}
			x, y := at(c, value(s, c))
			pts = append(pts, fmt.Sprintf("%d,%d", x, y))
			if !s.Dashed {
				d.Dots = append(d.Dots, Dot{X: x, Y: y, Fill: s.Fill, Square: c < len(s.Marked) && s.Marked[c]})
				if n <= 12 {
					d.Texts = append(d.Texts, Text{X: x, Y: y - 10, S: number(value(s, c)) + ch.Unit, Anchor: "middle", Bold: true, Fill: ink})
				}
			}
		}
		end()
		if len(ch.drawn()) > 1 {
			d.Lines = append(d.Lines, Polyline{Points: fmt.Sprintf("%d,14 %d,14", lx, lx+28), Stroke: s.Fill, Dashed: s.Dashed})
			d.Texts = append(d.Texts, Text{X: lx + 34, Y: 19, S: s.Name, Anchor: "start", Fill: ink})
			lx += 34 + 9*len(s.Name) + 24
		}
	}
	for c := range ch.Categories {
		if uprights[c] { // halfway between the last point before and the first after
			x0, _ := at(c-1, 0)
			x1, _ := at(c, 0)
			d.Lines = append(d.Lines, Polyline{Points: fmt.Sprintf("%d,%d %d,%d", (x0+x1)/2, top, (x0+x1)/2, top+plotH), Stroke: ink, Dashed: true})
		}
	}
	if ch.MarkedLabel != "" && slices.ContainsFunc(d.Dots, func(x Dot) bool { return x.Square }) {
		d.Dots = append(d.Dots, Dot{X: left + 6, Y: 38, Fill: ink, Square: true})
		d.Texts = append(d.Texts, Text{X: left + 20, Y: 43, S: ch.MarkedLabel, Anchor: "start", Fill: ink})
	}
	return d
}

// bottom is the foot of a line chart's scale: 0, or the lowest value
// when one is below 0 (a change can fall).
func (ch Chart) bottom() float64 {
	low := 0.0
	for _, s := range ch.drawn() {
		for _, v := range s.Values {
			if !math.IsNaN(v) {
				low = min(low, v)
			}
		}
	}
	return low
}
