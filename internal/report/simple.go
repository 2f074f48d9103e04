package report

import (
	"bytes"
	"fmt"
	"time"
)

// SimpleDocument renders a title and paragraphs as a short A4 PDF in lang,
// such as a demo's stand-in for a co-produced guide.
func SimpleDocument(title, lang string, paragraphs []string, created time.Time) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("report: rendering document: %v", p)
		}
	}()
	pdf := newDocument(title, lang, title, created)
	pdf.AddPage()
	pdf.SetFont(fontFamily, "B", recTitle)
	pdf.MultiCell(0, lineH(recTitle), clean(title), "", "L", false)
	pdf.Ln(4)
	pdf.SetFont(fontFamily, "", recBody+2)
	for _, p := range paragraphs {
		pdf.MultiCell(0, lineH(recBody+2), clean(p), "", "L", false)
		pdf.Ln(3)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
