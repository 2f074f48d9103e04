package report

import (
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// PlanAction is one row of an action plan, already worded for the reader.
type PlanAction struct {
	Statement   string // the statement's code and text
	Rating      string // e.g. "Red"
	Description string
	Owner       string
	Due         string
	Status      string
	Overdue     bool
}

// PlanText holds an action plan's fixed wording in the reader's language.
type PlanText struct {
	Title    string // e.g. "Action plan: Ward 7"
	Subtitle string // the review's period and status
	// Column headings: statement, action, owner, due, status.
	Headings [5]string
	Overdue  string // the word that marks an overdue action
	Empty    string // shown when there are no actions
	Lang     string
	Created  time.Time
}

// ActionPlan writes a review's action plan as an A4 landscape PDF. An overdue
// action is marked in words and bold, never by colour alone.
func ActionPlan(w io.Writer, text PlanText, actions []PlanAction) error {
	pdf := fpdf.New("L", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(fontFamily, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", gobold.TTF)
	pdf.SetTitle(text.Title, true)
	pdf.SetCreator("Lightbulb", true)
	pdf.SetCatalogSort(true) // the same plan gives the same bytes
	if text.Lang != "" {
		pdf.SetLang(text.Lang)
	}
	if !text.Created.IsZero() {
		pdf.SetCreationDate(text.Created)
		pdf.SetModificationDate(text.Created)
	}
	pdf.SetMargins(12, 12, 12)
	pdf.SetAutoPageBreak(true, 12)
	pdf.AddPage()
	pdf.SetFont(fontFamily, "B", 18)
	pdf.MultiCell(0, 8, text.Title, "", "L", false)
	pdf.SetFont(fontFamily, "", 10)
	pdf.MultiCell(0, 6, text.Subtitle, "", "L", false)
	pdf.Ln(3)
	widths := []float64{80, 95, 35, 28, 35}
	pdf.SetFont(fontFamily, "B", 10)
	for i, h := range text.Headings {
		pdf.CellFormat(widths[i], 7, h, "B", 0, "L", false, 0, "")
	}
	pdf.Ln(-1)
	if len(actions) == 0 {
		pdf.SetFont(fontFamily, "", 10)
		pdf.MultiCell(0, 7, text.Empty, "", "L", false)
	}
	for _, a := range actions {
		status := a.Status
		style := ""
		if a.Overdue {
			status, style = fmt.Sprintf("%s (%s)", a.Status, text.Overdue), "B"
		}
		cells := []string{a.Statement + " · " + a.Rating, a.Description, a.Owner, a.Due, status}
		planRow(pdf, widths, cells, style)
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("action plan: %w", err)
	}
	return pdf.Output(w)
}

// planRow prints one row whose cells wrap, keeping the row on one page.
func planRow(pdf *fpdf.Fpdf, widths []float64, cells []string, style string) {
	const lineH = 5.0
	pdf.SetFont(fontFamily, style, 9.5)
	rows := 1
	for i, c := range cells {
		if n := len(pdf.SplitText(c, widths[i]-2)); n > rows {
			rows = n
		}
	}
	h := float64(rows)*lineH + 2
	if _, pageH := pdf.GetPageSize(); pdf.GetY()+h > pageH-12 {
		pdf.AddPage()
	}
	x, y := pdf.GetXY()
	for i, c := range cells {
		pdf.SetXY(x, y+1)
		pdf.MultiCell(widths[i]-2, lineH, c, "", "L", false)
		x += widths[i]
	}
	pdf.SetXY(12, y+h)
	pdf.Line(12, y+h, 12+sum(widths), y+h)
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
