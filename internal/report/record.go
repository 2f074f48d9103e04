package report

import (
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// Row is one answer in a record: a label and what was written.
type Row struct {
	Label string
	Value string
}

// Section is a headed group of rows.
type Section struct {
	Heading string
	Rows    []Row
}

// Record is a document of headed sections, such as a decision record with
// its history, in the reader's language.
type Record struct {
	Title    string
	Subtitle string
	Sections []Section
	Footer   string
	Lang     string
	// Created, if non-zero, fixes the PDF's dates for reproducible output.
	Created time.Time
}

// Record layout, in millimetres and points.
const (
	recLabelW   = 55.0
	recTitle    = 18.0
	recHeading  = 13.0
	recBody     = 10.0
	recSubtitle = 11.0
)

// newDocument starts an A4 portrait PDF with the shared fonts, margins,
// metadata and a footer of footer and the page number on each page.
func newDocument(title, lang, footer string, created time.Time) *fpdf.Fpdf {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(fontFamily, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", gobold.TTF)
	pdf.SetMargins(margin+4, margin+4, margin+4)
	pdf.SetAutoPageBreak(true, margin+12)
	pdf.SetTitle(clean(title), true)
	pdf.SetAuthor("Lightbulb", false)
	pdf.SetCreator("Lightbulb", false)
	if lang := langTag(lang); lang != "" {
		pdf.SetLang(lang)
	}
	if !created.IsZero() {
		pdf.SetCreationDate(created)
		pdf.SetModificationDate(created)
	}
	foot := clean(footer)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-(margin + 6))
		pdf.SetFont(fontFamily, "", footerSize)
		pdf.SetTextColor(colMuted[0], colMuted[1], colMuted[2])
		pdf.CellFormat(0, lineH(footerSize), fmt.Sprintf("%s · %d", foot, pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	return pdf
}

// WriteRecord renders r as an A4 PDF of as many pages as it needs, with the
// footer and page number on each page.
func WriteRecord(w io.Writer, r Record) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("report: rendering record: %v", p)
		}
	}()
	pdf := newDocument(r.Title, r.Lang, r.Footer, r.Created)
	pdf.AddPage()
	contentW := pageW - 2*(margin+4)
	text := func(style string, size float64, col [3]int, wd float64, s string) {
		pdf.SetFont(fontFamily, style, size)
		pdf.SetTextColor(col[0], col[1], col[2])
		pdf.MultiCell(wd, lineH(size), s, "", "L", false)
	}
	text("B", recTitle, colInk, contentW, clean(r.Title))
	text("", recSubtitle, colMuted, contentW, clean(r.Subtitle))
	for _, sec := range r.Sections {
		pdf.Ln(3)
		text("B", recHeading, colInk, contentW, clean(sec.Heading))
		pdf.SetDrawColor(colBorder[0], colBorder[1], colBorder[2])
		pdf.SetLineWidth(0.2)
		for _, row := range sec.Rows {
			pdf.Line(pdf.GetX(), pdf.GetY()+0.5, pdf.GetX()+contentW, pdf.GetY()+0.5)
			pdf.Ln(1.5)
			y, page := pdf.GetY(), pdf.PageNo()
			text("B", recBody, colInk, recLabelW-3, clean(row.Label))
			endY, endPage := pdf.GetY(), pdf.PageNo()
			if endPage != page {
				y = margin + 4
			}
			pdf.SetXY(margin+4+recLabelW, y)
			text("", recBody, colInk, contentW-recLabelW, clean(row.Value))
			if pdf.PageNo() == endPage && pdf.GetY() < endY {
				pdf.SetY(endY)
			}
			pdf.SetX(margin + 4)
		}
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("report: rendering record: %w", err)
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("report: writing record: %w", err)
	}
	return nil
}
