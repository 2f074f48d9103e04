package web

import (
	"html/template"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// The roll-up's body was a template that, for each cell, built two or three
// dicts, called the traffic-light and trend templates, formatted counts and
// dates through method calls and escaped each value through reflection:
// three quarters of /reviews/grid's time under load. The rows are now
// written here, every value escaped as html/template escapes it
// (escapeHTML), and TestGridRowsHTMLMatchesTemplate renders the same rows
// with the template they came from and compares, so the page is byte for
// byte the same.

// gridHeadHTML is the roll-up table's headings for the themes, each in the
// page's language as the "bi" template writes it.
func gridHeadHTML(p *Page, themes []lightbulb.Theme) template.HTML {
	var b strings.Builder
	for _, th := range themes {
		b.WriteString(`<th scope="col" class="govuk-table__header">`)
		bilingualHTML(&b, p, th.Name, th.NameCy)
		b.WriteString(`</th>`)
	}
	return template.HTML(b.String())
}

// gridRowsHTML is the roll-up table's rows: one a subject, each cell a
// theme's light, counts, trend and earlier lights; a single row saying so
// when no review is submitted. themes is how many theme columns there are.
func gridRowsHTML(p *Page, rows []gridRow, themes int, links bool) template.HTML {
	var b strings.Builder
	if len(rows) == 0 {
		b.WriteString(`<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="`)
		b.WriteString(strconv.Itoa(themes + 1))
		b.WriteString(`">`)
		escapeHTML(&b, p.T("No review has been submitted yet."))
		b.WriteString(`</td></tr>`)
		return template.HTML(b.String())
	}
	b.Grow(len(rows) * themes * 700)
	for _, row := range rows {
		b.WriteString("<tr class=\"govuk-table__row\">\n    <th scope=\"row\" class=\"govuk-table__header\">")
		if links {
			b.WriteString(`<a class="govuk-link" href="/reviews/`)
			b.WriteString(strconv.FormatInt(row.ReviewID, 10))
			b.WriteString(`">`)
			escapeHTML(&b, row.Subject)
			b.WriteString(`</a>`)
		} else {
			escapeHTML(&b, row.Subject)
		}
		b.WriteString(`<br><span class="govuk-body-s">`)
		escapeHTML(&b, p.T("Period ending"))
		b.WriteString(" ")
		escapeHTML(&b, p.Dates.Short(row.PeriodEnd))
		b.WriteString("</span></th>\n    ")
		for _, c := range row.Cells {
			b.WriteString(`<td class="govuk-table__cell">`)
			if c == nil {
				b.WriteString("–</td>")
				continue
			}
			gridCellHTML(&b, p, c)
			b.WriteString("</td>")
		}
		b.WriteString("\n  </tr>")
	}
	return template.HTML(b.String())
}

// gridCellHTML writes one theme's cell.
func gridCellHTML(b *strings.Builder, p *Page, c *gridCell) {
	b.WriteString("\n      ")
	trafficLightHTML(b, p, string(c.Light), false)
	b.WriteString("\n      <p class=\"govuk-body-s govuk-!-margin-bottom-1\">")
	escapeHTML(b, p.T("%d green, %d amber, %d red", c.Green, c.Amber, c.Red))
	if c.NA != 0 {
		escapeHTML(b, p.T(", %d not applicable", c.NA))
	}
	b.WriteString("</p>\n      ")
	if c.Trend != "" {
		b.WriteString(`<p class="govuk-body-s govuk-!-margin-bottom-1">`)
		trendHTML(b, p, c.Trend)
		b.WriteString(`</p>`)
	}
	b.WriteString("\n      ")
	if len(c.Earlier) > 0 {
		b.WriteString(`<p class="govuk-body-s govuk-!-margin-bottom-0 lb-earlier">`)
		escapeHTML(b, p.T("Earlier:"))
		b.WriteString(" ")
		for i, e := range c.Earlier {
			if i > 0 {
				b.WriteString(", ")
			}
			escapeHTML(b, p.Dates.Short(e.PeriodEnd))
			b.WriteString(" ")
			trafficLightHTML(b, p, string(e.Light), true)
		}
		b.WriteString(`</p>`)
	}
	b.WriteString("\n    ")
}

// trafficLightHTML is the traffic-light template: a lamp coloured by the
// rating with its name in words ("Not rated" for none).
func trafficLightHTML(b *strings.Builder, p *Page, light string, small bool) {
	b.WriteString(`<span class="lb-light lb-light--`)
	if light == "" {
		b.WriteString("none")
	} else {
		escapeHTML(b, light)
	}
	if small {
		b.WriteString(" lb-light--small")
	}
	b.WriteString(`"><span class="lb-light__lamp" aria-hidden="true"></span>`)
	if light != "" {
		escapeHTML(b, p.Label("review", light))
	} else {
		escapeHTML(b, p.T("Not rated"))
	}
	b.WriteString(`</span>`)
}

// trendHTML is the trend template: how a theme moved since the round before.
func trendHTML(b *strings.Builder, p *Page, trend string) {
	switch trend {
	case "improved":
		b.WriteString(`<span aria-hidden="true">↑ </span>`)
		escapeHTML(b, p.T("Better than the round before"))
	case "worse":
		b.WriteString(`<span aria-hidden="true">↓ </span>`)
		escapeHTML(b, p.T("Worse than the round before"))
	case "same":
		b.WriteString(`<span aria-hidden="true">→ </span>`)
		escapeHTML(b, p.T("The same as the round before"))
	default:
		escapeHTML(b, p.T("Not compared with the round before"))
	}
}
