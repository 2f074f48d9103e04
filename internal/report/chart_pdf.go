package report

import (
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// DrawPDF draws the chart on a PDF page with its top left at x, y and
// width w (millimetres), from the same geometry as its SVG, so the PDF and
// the page show one chart; it returns the height used. Text stays text.
func (ch Chart) DrawPDF(pdf *fpdf.Fpdf, x, y, w float64) float64 {
	d := ch.Draw()
	k := w / float64(d.Width)
	px := func(v int) float64 { return x + float64(v)*k }
	py := func(v int) float64 { return y + float64(v)*k }
	for _, r := range d.Rects {
		setFill(pdf, r.Fill)
		pdf.Rect(px(r.X), py(r.Y), float64(r.W)*k, float64(r.H)*k, "FD")
	}
	for _, l := range d.Lines {
		setDraw(pdf, l.Stroke)
		pdf.SetLineWidth(0.6)
		if l.Dashed {
			pdf.SetLineWidth(0.4)
			pdf.SetDashPattern([]float64{2, 1.5}, 0)
		}
		var pts []fpdf.PointType
		for _, p := range strings.Fields(l.Points) {
			a, b, _ := strings.Cut(p, ",")
			xi, _ := strconv.Atoi(a)
			yi, _ := strconv.Atoi(b)
			pts = append(pts, fpdf.PointType{X: px(xi), Y: py(yi)})
		}
		for i := 1; i < len(pts); i++ {
			pdf.Line(pts[i-1].X, pts[i-1].Y, pts[i].X, pts[i].Y)
		}
		pdf.SetDashPattern(nil, 0)
	}
	pdf.SetLineWidth(0.2)
	setDraw(pdf, ink)
	for _, dot := range d.Dots {
		setFill(pdf, dot.Fill)
		if dot.Square {
			pdf.Rect(px(dot.X-7), py(dot.Y-7), 14*k, 14*k, "FD")
		} else {
			pdf.Circle(px(dot.X), py(dot.Y), 5*k, "FD")
		}
	}
	size := 16 * k / ptToMM * 0.85
	for _, t := range d.Texts {
		style := ""
		if t.Bold {
			style = "B"
		}
		pdf.SetFont(fontFamily, style, size)
		r, g, b := hexRGB(t.Fill)
		pdf.SetTextColor(r, g, b)
		s := clean(t.S)
		tx := px(t.X)
		switch t.Anchor {
		case "middle":
			tx -= pdf.GetStringWidth(s) / 2
		case "end":
			tx -= pdf.GetStringWidth(s)
		}
		pdf.Text(tx, py(t.Y), s)
	}
	return float64(d.Height) * k
}

func setFill(pdf *fpdf.Fpdf, hex string) {
	r, g, b := hexRGB(hex)
	pdf.SetFillColor(r, g, b)
}

func setDraw(pdf *fpdf.Fpdf, hex string) {
	r, g, b := hexRGB(hex)
	pdf.SetDrawColor(r, g, b)
}

// hexRGB reads "#rrggbb"; anything else is ink.
func hexRGB(hex string) (int, int, int) {
	if len(hex) != 7 || hex[0] != '#' {
		hex = ink
	}
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil {
		return 11, 12, 12
	}
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}
