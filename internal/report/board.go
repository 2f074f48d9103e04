package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// Board is a board report already worded in its language: a cover sheet,
// a summary table and a page for each indicator.
type Board struct {
	Title, Subtitle, Footer, Lang string
	Created                       time.Time
	// Cover sheet: the purpose and the key issues under their headings.
	PurposeHeading, Purpose string
	IssuesHeading           string
	Issues                  []string
	// Summary is a table: its heading, column heads and rows.
	SummaryHeading string
	SummaryHead    []string
	SummaryRows    [][]string
	Indicators     []BoardIndicator
}

// BoardIndicator is one indicator's page.
type BoardIndicator struct {
	Heading string
	Rows    []Row // its reading: definition, latest, labels
	Chart   Chart
	// TableHead and Table are the chart's numbers as a table.
	TableHead []string
	Table     [][]string
	// Sections are what it tells us and its actions, headed.
	Sections []Row
}

// WriteBoard renders b as an A4 PDF: cover sheet and summary first, then a
// page per indicator with its chart drawn as vectors and its text
// selectable.
func WriteBoard(w io.Writer, b Board) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("report: rendering board report: %v", p)
		}
	}()
	pdf := newDocument(b.Title, b.Lang, b.Footer, b.Created)
	contentW := pageW - 2*(margin+4)
	text := func(style string, size float64, col [3]int, s string) {
		pdf.SetFont(fontFamily, style, size)
		pdf.SetTextColor(col[0], col[1], col[2])
		pdf.MultiCell(contentW, lineH(size), clean(s), "", "L", false)
	}
	pdf.AddPage()
	text("B", recTitle, colInk, b.Title)
	text("", recSubtitle, colMuted, b.Subtitle)
	pdf.Ln(4)
	text("B", recHeading, colInk, b.PurposeHeading)
	text("", recBody, colInk, b.Purpose)
	pdf.Ln(3)
	text("B", recHeading, colInk, b.IssuesHeading)
	for i, s := range b.Issues {
		text("", recBody, colInk, fmt.Sprintf("%d. %s", i+1, s))
	}
	pdf.Ln(4)
	text("B", recHeading, colInk, b.SummaryHeading)
	boardTable(pdf, contentW, b.SummaryHead, b.SummaryRows)
	for _, ind := range b.Indicators {
		pdf.AddPage()
		text("B", recHeading+2, colInk, ind.Heading)
		pdf.Ln(1)
		for _, r := range ind.Rows {
			text("", recBody, colInk, r.Label+": "+r.Value)
		}
		pdf.Ln(2)
		h := ind.Chart.DrawPDF(pdf, margin+4, pdf.GetY(), contentW)
		pdf.SetY(pdf.GetY() + h + 4)
		for _, r := range ind.Sections {
			text("B", recBody+1, colInk, r.Label)
			text("", recBody, colInk, r.Value)
			pdf.Ln(2)
		}
		boardTable(pdf, contentW, ind.TableHead, ind.Table)
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("report: rendering board report: %w", err)
	}
	return pdf.Output(w)
}

// boardTable draws the summary table: the first column wide, the rest
// equal, each row as tall as its tallest cell.
func boardTable(pdf *fpdf.Fpdf, w float64, head []string, rows [][]string) {
	if len(head) == 0 {
		return
	}
	widths := columnWidths(pdf, w, head, rows)
	row := func(cells []string, style string) {
		pdf.SetFont(fontFamily, style, 8)
		h := 0.0
		for i, c := range cells {
			h = max(h, float64(len(pdf.SplitText(clean(c), widths[i]-2)))*lineH(8))
		}
		if pdf.GetY()+h+2 > pageH-margin-14 {
			pdf.AddPage()
		}
		x, y := pdf.GetX(), pdf.GetY()
		for i, c := range cells {
			pdf.SetXY(x, y)
			pdf.MultiCell(widths[i]-1, lineH(8), clean(c), "", "L", false)
			x += widths[i]
		}
		pdf.SetXY(margin+4, y+h+1)
		pdf.SetDrawColor(colBorder[0], colBorder[1], colBorder[2])
		pdf.Line(margin+4, y+h+0.5, margin+4+w, y+h+0.5)
	}
	pdf.SetTextColor(colInk[0], colInk[1], colInk[2])
	row(head, "B")
	for _, r := range rows {
		row(r, "")
	}
}

// columnWidths shares w between the columns: each gets at least its
// heading's longest word (headings are bold and never split), and what is
// left goes to the columns by how much more their text wants, up to 60 mm.
func columnWidths(pdf *fpdf.Fpdf, w float64, head []string, rows [][]string) []float64 {
	least, want := make([]float64, len(head)), make([]float64, len(head))
	pdf.SetFont(fontFamily, "B", 8)
	for i, h := range head {
		for _, word := range strings.Fields(h) {
			least[i] = max(least[i], pdf.GetStringWidth(word)+4) // the cell's own margins and a little room
		}
	}
	pdf.SetFont(fontFamily, "", 8)
	for i := range head {
		want[i] = max(least[i], pdf.GetStringWidth(head[i])+4)
		for _, r := range rows {
			if i < len(r) {
				want[i] = max(want[i], min(pdf.GetStringWidth(clean(r[i]))+4, 60))
			}
		}
	}
	var sumLeast, sumMore float64
	for i := range head {
		sumLeast += least[i]
		sumMore += want[i] - least[i]
	}
	out := make([]float64, len(head))
	for i := range head {
		out[i] = least[i]
		if sumMore > 0 {
			out[i] += (w - sumLeast) * (want[i] - least[i]) / sumMore
		} else {
			out[i] += (w - sumLeast) / float64(len(head))
		}
	}
	return out
}
