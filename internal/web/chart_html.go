package web

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/lightbulb-hr/lightbulb/internal/report"
)

// chartHTML writes a chart as the shared "chart" partial
// (templates/layout/charts.html) does, given no caption and its table
// twin: on the case indicators at 2.5 million cases the partial's
// reflective escaper calls were most of what the page's own template cost.
// TestChartHTMLMatchesThePartial renders charts of each kind both ways and
// compares them, so a change to the partial fails it until this follows.
func chartHTML(c report.Chart) template.HTML {
	d := c.Draw()
	var b strings.Builder
	b.Grow(4096)
	w := b.WriteString
	esc := func(s string) { escapeHTML(&b, s) }
	num := func(n int) { w(strconv.Itoa(n)) }
	// start opens an element placed at x, y: <rect x="…" y="…".
	start := func(tag, xName string, x int, yName string, y int) {
		w("<" + tag + " " + xName + `="`)
		num(x)
		w(`" ` + yName + `="`)
		num(y)
		w(`"`)
	}
	w(`<figure class="lb-chart govuk-!-margin-0 govuk-!-margin-bottom-6">
  <svg viewBox="0 0 `)
	num(d.Width)
	w(" ")
	num(d.Height)
	w(`" width="100%" role="img" aria-labelledby="`)
	esc(c.ID)
	w(`-title `)
	esc(c.ID)
	w(`-desc" xmlns="http://www.w3.org/2000/svg" font-family="Arial, sans-serif" font-size="16">
    <title id="`)
	esc(c.ID)
	w(`-title">`)
	esc(c.Title)
	w(`</title>
    <desc id="`)
	esc(c.ID)
	w(`-desc">`)
	esc(c.Desc)
	w("</desc>\n    ")
	if d.Hatch {
		w(`<defs><pattern id="`)
		esc(c.ID)
		w(`-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#505a5f" stroke-width="3"/></pattern></defs>`)
	}
	w("\n    ")
	for _, r := range d.Rects {
		start("rect", "x", r.X, "y", r.Y)
		w(` width="`)
		num(r.W)
		w(`" height="`)
		num(r.H)
		w(`" fill="`)
		if r.Hatch {
			w("url(#")
			esc(c.ID)
			w("-hatch)")
		} else {
			esc(r.Fill)
		}
		w("\" stroke=\"#0b0c0c\" stroke-width=\"1\"></rect>\n    ")
	}
	for _, l := range d.Lines {
		w(`<polyline points="`)
		esc(l.Points)
		w(`" fill="none" stroke="`)
		esc(l.Stroke)
		if l.Dashed {
			w(`" stroke-width="2" stroke-dasharray="8 6"></polyline>` + "\n    ")
		} else {
			w(`" stroke-width="3"></polyline>` + "\n    ")
		}
	}
	for _, p := range d.Dots {
		if p.Square {
			start("rect", "x", p.X-7, "y", p.Y-7)
			w(` width="14" height="14" fill="`)
			esc(p.Fill)
			w(`" stroke="#0b0c0c" stroke-width="2"></rect>`)
		} else {
			start("circle", "cx", p.X, "cy", p.Y)
			w(` r="5" fill="`)
			esc(p.Fill)
			w(`" stroke="#0b0c0c"></circle>`)
		}
		w("\n    ")
	}
	for _, t := range d.Texts {
		start("text", "x", t.X, "y", t.Y)
		w(` text-anchor="`)
		esc(t.Anchor)
		w(`" fill="`)
		esc(t.Fill)
		w(`"`)
		if t.Bold {
			w(` font-weight="bold"`)
		}
		if t.Lang != "" {
			w(` lang="`)
			esc(t.Lang)
			w(`"`)
		}
		w(">")
		esc(t.S)
		w("</text>\n    ")
	}
	w("\n  </svg>\n  \n</figure>\n")
	chartTableHTML(&b, c)
	return template.HTML(b.String())
}

// chartTableHTML writes the chart's table twin as the partial does.
func chartTableHTML(b *strings.Builder, c report.Chart) {
	w := b.WriteString
	w(`<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--s">`)
	escapeHTML(b, c.Title)
	w(`</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row">
    <th scope="col" class="govuk-table__header">`)
	escapeHTML(b, c.Axis)
	w("</th>\n    ")
	for _, s := range c.Series {
		w(`<th scope="col" class="govuk-table__header govuk-table__header--numeric">`)
		escapeHTML(b, s.Name)
		w("</th>")
	}
	w("\n    ")
	if c.Total {
		w(`<th scope="col" class="govuk-table__header govuk-table__header--numeric">`)
		escapeHTML(b, c.TotalLabel)
		w("</th>")
	}
	w("\n  </tr></thead>\n  <tbody class=\"govuk-table__body\">")
	for i, cat := range c.Categories {
		w("<tr class=\"govuk-table__row\">\n    <th scope=\"row\" class=\"govuk-table__header\"")
		if c.CategoryLang != "" {
			w(` lang="`)
			escapeHTML(b, c.CategoryLang)
			w(`"`)
		}
		w(">")
		escapeHTML(b, cat)
		w("</th>\n    ")
		for s := range c.Series {
			w(`<td class="govuk-table__cell govuk-table__cell--numeric">`)
			escapeHTML(b, c.Cell(s, i))
			w("</td>")
		}
		w("\n    ")
		if c.Total {
			w(`<td class="govuk-table__cell govuk-table__cell--numeric">`)
			escapeHTML(b, c.CategoryTotal(i))
			w("</td>")
		}
		w("\n  </tr>")
	}
	w("</tbody>\n</table>")
}
