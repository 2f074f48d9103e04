// Package report renders printable documents, such as the pocket card of
// rights, as PDF.
package report

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// CardRight is one right as shown on the pocket card.
type CardRight struct {
	// Code is a short identifier for the right, e.g. "A2".
	Code string
	// Article is the Convention article, e.g. "Article 2".
	Article string
	// Title is the right's short name, e.g. "Right to life".
	Title string
	// Summary is a one- or two-sentence plain-language explanation.
	Summary string
	// Category is the already translated category label, e.g. "Absolute"
	// or "Absoliwt".
	Category string
	// Kind is the category's code (absolute, limited, qualified or
	// non-discrimination); it picks the label's colours, matching the web page.
	Kind string
}

// kindColours are the label's background and ink for each category, the same
// pairs as the web page's tags (each over 7:1 contrast).
var kindColours = map[string][2][3]int{
	"absolute":           {{244, 205, 198}, {110, 29, 18}},
	"limited":            {{253, 230, 196}, {92, 46, 0}},
	"qualified":          {{187, 212, 234}, {12, 45, 74}},
	"non-discrimination": {{219, 213, 233}, {61, 35, 117}},
}

// CardText holds the card's fixed wording in the reader's language.
type CardText struct {
	// Heading is the card's title, e.g. "Your human rights". It is also
	// used as the PDF's title metadata.
	Heading string
	// Intro is a short line shown under the heading.
	Intro string
	// Footer is a single line printed at the bottom of the page.
	Footer string
	// Lang is the document language as a BCP 47 tag, e.g. "en-GB" or "cy".
	Lang string
	// Created, if non-zero, fixes the PDF's creation and modification dates
	// so that output is byte-for-byte reproducible. Zero means now.
	Created time.Time
}

// ErrNoRights is returned by PocketCard when there are no rights to print.
var ErrNoRights = errors.New("report: pocket card needs at least one right")

// Page geometry, in millimetres (A4 portrait).
const (
	pageW      = 210.0
	pageH      = 297.0
	margin     = 11.0
	gutter     = 3.0 // space between boxes
	boxPad     = 2.6 // inner padding of a box
	accentW    = 1.4 // coloured bar on the left edge of a box
	ptToMM     = 25.4 / 72
	lineFactor = 1.22 // line height as a multiple of the font size
	ellipsis   = "…"
	fontFamily = "gofont"
)

// Font sizes, in points.
const (
	headingSize    = 22.0
	headingMinSize = 14.0
	introSize      = 10.0
	introMinSize   = 8.0
	metaSize       = 7.5
	labelSize      = 7.0
	titleSize      = 11.5
	titleMinSize   = 8.5
	summarySize    = 10.0
	summaryMinSize = 6.0
	footerSize     = 7.5
)

// Colours (RGB).
var (
	colInk      = [3]int{31, 41, 55}    // body text
	colMuted    = [3]int{90, 99, 114}   // codes, footer
	colBorder   = [3]int{200, 205, 213} // box outline
	colAccent   = [3]int{230, 168, 0}   // lightbulb amber
	colLabelBg  = [3]int{253, 243, 208} // category pill
	colLabelInk = [3]int{120, 84, 0}
)

// PocketCard writes a one-page A4 PDF of the rights to w.
//
// The rights are laid out in a grid (two columns for up to 16 rights, more
// columns beyond that). Text that does not fit its box is first set in a
// smaller font and then truncated with an ellipsis, so the card always fits
// on exactly one page.
func PocketCard(w io.Writer, text CardText, rights []CardRight) (err error) {
	if len(rights) == 0 {
		return ErrNoRights
	}
	defer recovered("pocket card", &err)

	pdf := newCardDoc(text)
	pdf.AddPage()
	c := &card{pdf: pdf}
	contentW := pageW - 2*margin

	// Heading and intro.
	y := margin
	y = c.block(margin, y, contentW, clean(text.Heading), "B", headingSize, headingMinSize, 1, colInk)
	y += 1
	y = c.block(margin, y, contentW, clean(text.Intro), "", introSize, introMinSize, 2, colMuted)
	y += 2.5
	pdf.SetDrawColor(colAccent[0], colAccent[1], colAccent[2])
	pdf.SetLineWidth(0.8)
	pdf.Line(margin, y, pageW-margin, y)
	y += 4

	// Footer, anchored to the bottom margin.
	footerH := lineH(footerSize)
	footerY := pageH - margin - footerH
	if ft := clean(text.Footer); ft != "" {
		pdf.SetDrawColor(colBorder[0], colBorder[1], colBorder[2])
		pdf.SetLineWidth(0.2)
		pdf.Line(margin, footerY-2, pageW-margin, footerY-2)
		c.font("", footerSize, colMuted)
		pdf.SetXY(margin, footerY)
		pdf.CellFormat(contentW, footerH, c.ellipsize(ft, contentW), "", 0, "C", false, 0, "")
	}

	// Grid of rights between the header and the footer.
	cols := 2
	if len(rights) > 16 {
		cols = (len(rights) + 7) / 8
	}
	rows := (len(rights) + cols - 1) / cols
	gridBottom := footerY - 5
	boxW := (contentW - float64(cols-1)*gutter) / float64(cols)
	boxH := (gridBottom - y - float64(rows-1)*gutter) / float64(rows)
	if boxH < 8 {
		return fmt.Errorf("report: %d rights do not fit on one page", len(rights))
	}
	// Two passes: the first measures the size at which each summary fits its
	// box; the second draws every summary at the smallest of those, so the
	// card reads evenly rather than box by box.
	c.summary = summarySize
	for _, pass := range []bool{true, false} {
		c.dry = pass
		for i, r := range rights {
			// Fill column by column so the reading order runs down each column.
			col, row := i/rows, i%rows
			x := margin + float64(col)*(boxW+gutter)
			by := y + float64(row)*(boxH+gutter)
			c.box(x, by, boxW, boxH, r)
		}
	}

	return finish(pdf, w, "pocket card")
}

// recovered turns a panic in fpdf, which reports some internal failures
// that way, into *err, so a bad card cannot take down the server. Output is
// only written at the very end, so nothing has reached the writer then.
// Use it deferred.
func recovered(what string, err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("report: rendering %s: %v", what, p)
	}
}

// newCardDoc starts an A4 portrait document with the embedded Go fonts and
// the card's title, subject, language and dates set.
func newCardDoc(text CardText) *fpdf.Fpdf {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(fontFamily, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", gobold.TTF)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetCellMargin(0)
	pdf.SetCatalogSort(true)

	title := clean(text.Heading)
	if title == "" {
		title = "Human rights pocket card"
	}
	pdf.SetTitle(title, true)
	pdf.SetAuthor("Lightbulb", false)
	pdf.SetCreator("Lightbulb", false)
	pdf.SetSubject(clean(text.Intro), true)
	if lang := langTag(text.Lang); lang != "" {
		pdf.SetLang(lang)
	}
	if !text.Created.IsZero() {
		pdf.SetCreationDate(text.Created)
		pdf.SetModificationDate(text.Created)
	}
	return pdf
}

// finish checks the document came out as one page and writes it to w.
func finish(pdf *fpdf.Fpdf, w io.Writer, what string) error {
	if pdf.PageNo() != 1 {
		return fmt.Errorf("report: %s ran to %d pages", what, pdf.PageNo())
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("report: rendering %s: %w", what, err)
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("report: writing %s: %w", what, err)
	}
	return nil
}

// card wraps an fpdf document with text-fitting helpers.
type card struct {
	pdf *fpdf.Fpdf
	// dry measures boxes without drawing them; summary is the largest
	// summary size every box measured so far can take.
	dry     bool
	summary float64
}

// lineH returns the line height in millimetres for a font size in points.
func lineH(size float64) float64 { return size * ptToMM * lineFactor }

// font selects the embedded Go font in the given style, size and colour.
func (c card) font(style string, size float64, col [3]int) {
	c.pdf.SetFont(fontFamily, style, size)
	c.pdf.SetTextColor(col[0], col[1], col[2])
}

// box draws one right inside the rectangle (x, y, w, h); in a dry pass it
// only lowers c.summary to what this box's summary needs.
func (c *card) box(x, y, w, h float64, r CardRight) {
	pdf := c.pdf
	if c.dry {
		c.measure(x, y, w, h, r)
		return
	}
	pdf.SetDrawColor(colBorder[0], colBorder[1], colBorder[2])
	pdf.SetLineWidth(0.25)
	pdf.RoundedRect(x, y, w, h, 1.5, "1234", "D")
	pdf.SetFillColor(colAccent[0], colAccent[1], colAccent[2])
	pdf.RoundedRect(x, y, accentW, h, 0.7, "14", "F")

	innerX := x + accentW + boxPad
	innerW := w - accentW - 2*boxPad
	top := y + boxPad - 0.4
	bottom := y + h - boxPad + 0.4

	// Top line: code and article on the left, category pill on the right.
	metaH := lineH(metaSize)
	labelW := 0.0
	if cat := clean(r.Category); cat != "" {
		bg, ink := colLabelBg, colLabelInk
		if k, ok := kindColours[r.Kind]; ok {
			bg, ink = k[0], k[1]
		}
		c.font("B", labelSize, ink)
		cat = c.ellipsize(cat, innerW/2)
		labelW = pdf.GetStringWidth(cat) + 3
		pdf.SetFillColor(bg[0], bg[1], bg[2])
		pdf.RoundedRect(innerX+innerW-labelW, top, labelW, metaH, metaH/2, "1234", "F")
		pdf.SetXY(innerX+innerW-labelW, top)
		pdf.CellFormat(labelW, metaH, cat, "", 0, "C", false, 0, "")
		labelW += 2
	}
	meta := joinNonEmpty(" · ", clean(r.Code), clean(r.Article))
	if meta != "" {
		c.font("B", metaSize, colMuted)
		pdf.SetXY(innerX, top)
		pdf.CellFormat(innerW-labelW, metaH, c.ellipsize(meta, innerW-labelW), "", 0, "L", false, 0, "")
	}
	cy := top + metaH + 0.6

	// Title: bold, up to two lines.
	cy = c.block(innerX, cy, innerW, clean(r.Title), "B", titleSize, titleMinSize, 2, colInk)
	cy += 0.6

	// Summary: whatever room is left, at the size shared by every box.
	c.fitBlock(innerX, cy, innerW, bottom-cy, clean(r.Summary), "", c.summary, summaryMinSize, colInk)
}

// measure works out the summary size box would use, without drawing.
func (c *card) measure(x, y, w, h float64, r CardRight) {
	innerW := w - accentW - 2*boxPad
	top := y + boxPad - 0.4
	bottom := y + h - boxPad + 0.4
	cy := top + lineH(metaSize) + 0.6
	if t := clean(r.Title); t != "" {
		size, lines := c.fit(t, "B", titleSize, titleMinSize, innerW, func(float64) int { return 2 })
		cy += float64(len(lines)) * lineH(size)
	}
	cy += 0.6
	if sm := clean(r.Summary); sm != "" {
		size, _ := c.fit(sm, "", c.summary, summaryMinSize, innerW, func(sz float64) int {
			return int(math.Floor((bottom-cy)/lineH(sz) + 1e-9))
		})
		c.summary = math.Min(c.summary, size)
	}
}

// block writes s wrapped to width w in at most maxLines lines, shrinking the
// font from size towards minSize before truncating. It returns the y below
// the block.
func (c card) block(x, y, w float64, s, style string, size, minSize float64, maxLines int, col [3]int) float64 {
	if s == "" {
		return y
	}
	size, lines := c.fit(s, style, size, minSize, w, func(float64) int { return maxLines })
	c.draw(x, y, w, lines, style, size, col)
	return y + float64(len(lines))*lineH(size)
}

// fitBlock writes s wrapped to width w within height h, shrinking the font
// from size towards minSize before truncating.
func (c card) fitBlock(x, y, w, h float64, s, style string, size, minSize float64, col [3]int) {
	if s == "" {
		return
	}
	size, lines := c.fit(s, style, size, minSize, w, func(sz float64) int {
		return int(math.Floor(h/lineH(sz) + 1e-9))
	})
	c.draw(x, y, w, lines, style, size, col)
}

// fit finds the largest font size between size and minSize (in half-point
// steps) at which s wraps into no more than maxLines(size) lines of width w.
// If none does, it returns the lines at minSize truncated with an ellipsis.
func (c card) fit(s, style string, size, minSize, w float64, maxLines func(float64) int) (float64, []string) {
	for sz := size; sz >= minSize-1e-9; sz -= 0.5 {
		n := maxLines(sz)
		if n < 1 {
			continue
		}
		c.pdf.SetFont(fontFamily, style, sz)
		lines := c.wrap(s, w)
		if len(lines) <= n {
			return sz, lines
		}
	}
	c.pdf.SetFont(fontFamily, style, minSize)
	n := maxLines(minSize)
	if n < 1 {
		return minSize, nil
	}
	lines := c.wrap(s, w)
	if len(lines) > n {
		lines = lines[:n]
		lines[n-1] = c.ellipsize(lines[n-1]+ellipsis, w)
	}
	return minSize, lines
}

// draw writes pre-wrapped lines starting at (x, y).
func (c card) draw(x, y, w float64, lines []string, style string, size float64, col [3]int) {
	c.font(style, size, col)
	lh := lineH(size)
	for i, l := range lines {
		c.pdf.SetXY(x, y+float64(i)*lh)
		c.pdf.CellFormat(w, lh, l, "", 0, "L", false, 0, "")
	}
}

// wrap splits s into lines no wider than w in the current font, breaking at
// spaces and, for words wider than a whole line, between characters.
func (c card) wrap(s string, w float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		cand := word
		if line != "" {
			cand = line + " " + word
		}
		if c.pdf.GetStringWidth(cand) <= w {
			line = cand
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		// Hard-break words that are wider than the line on their own.
		for c.pdf.GetStringWidth(word) > w {
			head := c.prefix(word, w)
			lines = append(lines, head)
			word = word[len(head):]
		}
		line = word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// prefix returns the longest non-empty prefix of s no wider than w.
func (c card) prefix(s string, w float64) string {
	end := 0
	for i, r := range s {
		next := i + utf8.RuneLen(r)
		if end > 0 && c.pdf.GetStringWidth(s[:next]) > w {
			break
		}
		end = next
	}
	return s[:end]
}

// ellipsize returns s if it fits in width w, otherwise s shortened, at a
// word boundary where possible, and ended with an ellipsis.
func (c card) ellipsize(s string, w float64) string {
	if c.pdf.GetStringWidth(s) <= w {
		return s
	}
	s = strings.TrimSuffix(s, ellipsis)
	words := strings.Fields(s)
	for len(words) > 1 {
		words = words[:len(words)-1]
		cand := strings.TrimRight(strings.Join(words, " "), " ,;:.-–—") + ellipsis
		if c.pdf.GetStringWidth(cand) <= w {
			return cand
		}
	}
	return c.truncate(s, w)
}

// truncate cuts s between characters so that s plus an ellipsis fits in w.
func (c card) truncate(s string, w float64) string {
	s = strings.TrimSuffix(s, ellipsis)
	for s != "" && c.pdf.GetStringWidth(s+ellipsis) > w {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return strings.TrimRight(s, " ") + ellipsis
}

// clean collapses runs of whitespace (including newlines) into single spaces
// and drops characters the PDF font tables cannot hold: control and format
// characters, invalid UTF-8 and anything outside the Basic Multilingual
// Plane (such as emoji), which would otherwise make fpdf panic.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case r == utf8.RuneError, r > 0xFFFD, unicode.IsControl(r), unicode.Is(unicode.Cf, r),
			unicode.Is(unicode.Cs, r), unicode.Is(unicode.Co, r):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// langTag keeps only the characters allowed in a BCP 47 language tag, since
// fpdf writes the tag into the PDF catalog without escaping it.
func langTag(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
