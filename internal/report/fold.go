package report

import (
	"io"
	"math"
)

// FoldText is the folding card's fixed wording in the reader's language.
type FoldText struct {
	CardText
	// Instructions say how to cut and fold the sheet; printed above it.
	Instructions string
	// Back lines go on the last panel: what the categories mean, say.
	Back []string
}

// A folding card is ten panels the size of a bank card (ISO/IEC 7810 ID-1,
// 85.6 x 54 mm) in two columns of five on A4: cut out, folded in half down
// the middle and then back and forth like a fan, it fits a wallet.
const (
	panelW      = 85.6
	panelH      = 54.0
	foldCols    = 2
	foldRows    = 5
	foldTop     = 20.0 // the grid's top edge, below the instructions
	panelPad    = 6.0
	foldPanes   = foldCols * foldRows
	foldSize    = 7.5 // points: a right's code, title and summary
	foldMinSize = 5.5
)

// foldOrigin is the grid's top-left corner, centred across the page.
var foldOrigin = [2]float64{(pageW - foldCols*panelW) / 2, foldTop}

// FoldingCard writes a one-page A4 PDF of the rights as a folding pocket
// card. Panels are filled and written in reading order (see panelAt): the
// cover, the rights in order (as many to a panel as fit eight panels), then
// the back. Each right is set in one size, so that text extraction keeps
// its words together: the PDF's text reads right by right. Its title and
// language are set.
func FoldingCard(w io.Writer, text FoldText, rights []CardRight) (err error) {
	if len(rights) == 0 {
		return ErrNoRights
	}
	defer recovered("folding card", &err)
	pdf := newCardDoc(text.CardText)
	pdf.AddPage()
	c := &card{pdf: pdf}

	c.font("", introSize-1, colMuted)
	pdf.SetXY(foldOrigin[0], 7)
	pdf.MultiCell(foldCols*panelW, lineH(introSize-1), clean(text.Instructions), "", "L", false)

	per := int(math.Ceil(float64(len(rights)) / float64(foldPanes-2)))
	c.coverPanel(panelAt(0), text.CardText)
	for i := 0; i < foldPanes-2; i++ {
		lo, hi := min(i*per, len(rights)), min((i+1)*per, len(rights))
		c.rightsPanel(panelAt(i+1), rights[lo:hi])
	}
	c.backPanel(panelAt(foldPanes-1), text.Back, clean(text.Footer))
	c.foldLines()
	return finish(pdf, w, "folding card")
}

// panelAt is the top-left corner of panel k in reading order: across each
// row, left then right. Folded in half down the middle, each leaf of the
// fan has a row's left panel on its front and its right panel on its back,
// so a person reads a leaf, turns it over, and goes on to the next.
func panelAt(k int) [2]float64 {
	row, col := k/foldCols, k%foldCols
	return [2]float64{foldOrigin[0] + float64(col)*panelW, foldOrigin[1] + float64(row)*panelH}
}

// coverPanel has the card's heading and introduction.
func (c *card) coverPanel(at [2]float64, text CardText) {
	x, y, w := at[0]+panelPad, at[1]+panelPad, panelW-2*panelPad
	c.pdf.SetFillColor(colAccent[0], colAccent[1], colAccent[2])
	c.pdf.Rect(at[0], at[1], panelW, 2.5, "F")
	y = c.block(x, y+3, w, clean(text.Heading), "B", 16, 11, 2, colInk)
	c.fitBlock(x, y+2, w, at[1]+panelH-panelPad-y-2, clean(text.Intro), "", 9, 6.5, colInk)
}

// rightsPanel has its rights one after another, each with its code,
// article and category, its title and its summary, all in one size (the
// largest that fits the panel, from foldSize down) and spaced like lines, so
// text extraction (and a screen reader) reads the panel as one block,
// right by right.
func (c *card) rightsPanel(at [2]float64, rights []CardRight) {
	x, w := at[0]+panelPad, panelW-2*panelPad
	avail := panelH - 2*panelPad
	size := foldSize
	var parts [][][]string
	for ; size >= foldMinSize; size -= 0.25 {
		parts = c.foldParts(rights, size, w)
		if foldHeight(parts, size) <= avail {
			break
		}
	}
	y := at[1] + panelPad
	for i, p := range parts {
		if i > 0 {
			c.pdf.SetDrawColor(colBorder[0], colBorder[1], colBorder[2])
			c.pdf.SetLineWidth(0.2)
			c.pdf.Line(x, y+lineH(size)*0.1, x+w, y+lineH(size)*0.1)
			y += lineH(size) * 0.2
		}
		for j, lines := range p {
			style, col := "B", colInk
			if j == 0 {
				col = colMuted
			} else if j == 2 {
				style = ""
			}
			if room := int((at[1] + panelPad + avail - y) / lineH(size)); len(lines) > room {
				lines = lines[:max(room, 0)]
			}
			c.draw(x, y, w, lines, style, size, col)
			y += float64(len(lines)) * lineH(size)
		}
	}
}

// foldParts wraps each right's meta line, title and summary at size.
func (c *card) foldParts(rights []CardRight, size, w float64) [][][]string {
	var out [][][]string
	for _, r := range rights {
		meta := joinNonEmpty(" · ", clean(r.Code), clean(r.Article), clean(r.Category))
		var p [][]string
		for j, s := range []string{meta, clean(r.Title), clean(r.Summary)} {
			style := "B"
			if j == 2 {
				style = ""
			}
			c.pdf.SetFont(fontFamily, style, size)
			p = append(p, c.wrap(s, w))
		}
		out = append(out, p)
	}
	return out
}

// foldHeight is the height of wrapped rights at size, with their gaps.
func foldHeight(parts [][][]string, size float64) float64 {
	n := 0.0
	for i, p := range parts {
		if i > 0 {
			n += 0.2
		}
		for _, lines := range p {
			n += float64(len(lines))
		}
	}
	return n * lineH(size)
}

// backPanel has the back lines and the footer.
func (c *card) backPanel(at [2]float64, lines []string, footer string) {
	x, y, w := at[0]+panelPad, at[1]+panelPad, panelW-2*panelPad
	bottom := at[1] + panelH - panelPad - lineH(footerSize)
	for _, l := range lines {
		if l = clean(l); l != "" && y < bottom {
			size, ls := c.fit(l, "", 7.5, 6, w, func(float64) int { return 3 })
			c.draw(x, y, w, ls, "", size, colInk)
			y += float64(len(ls))*lineH(size) + 1
		}
	}
	if footer != "" {
		c.font("", footerSize, colMuted)
		c.pdf.SetXY(x, bottom)
		c.pdf.CellFormat(w, lineH(footerSize), c.ellipsize(footer, w), "", 0, "L", false, 0, "")
	}
}

// foldLines draws the cutting line round the card (solid) and the fold
// lines between panels (dashed), after the text so they do not come
// between a panel's words.
func (c *card) foldLines() {
	pdf := c.pdf
	x0, y0 := foldOrigin[0], foldOrigin[1]
	pdf.SetDrawColor(colMuted[0], colMuted[1], colMuted[2])
	pdf.SetLineWidth(0.3)
	pdf.Rect(x0, y0, foldCols*panelW, foldRows*panelH, "D")
	pdf.SetDashPattern([]float64{1.5, 1.5}, 0)
	pdf.SetLineWidth(0.2)
	for col := 1; col < foldCols; col++ {
		x := x0 + float64(col)*panelW
		pdf.Line(x, y0, x, y0+foldRows*panelH)
	}
	for row := 1; row < foldRows; row++ {
		y := y0 + float64(row)*panelH
		pdf.Line(x0, y, x0+foldCols*panelW, y)
	}
	pdf.SetDashPattern(nil, 0)
}
