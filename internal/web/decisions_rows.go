package web

import (
	"html/template"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// The register's rows are written here rather than by the template: even
// with each row's words worked out in Go (decisionRow), html/template called
// an escaper through reflection for each of a row's dozen values, most of
// the page's template time. Every value is escaped as html/template escapes
// it (escapeHTML), and TestDecisionRowsHTMLMatchesTemplate renders the same
// rows with the template they came from and compares.

// decisionRowsHTML is the register's table rows as HTML, empty for no rows.
func decisionRowsHTML(rows []decisionRow) template.HTML {
	var b strings.Builder
	b.Grow(len(rows) * 900)
	for _, r := range rows {
		b.WriteString("<tr class=\"govuk-table__row\">\n    <td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/decisions/")
		b.WriteString(strconv.FormatInt(r.ID, 10))
		b.WriteString(`">`)
		escapeHTML(&b, r.Title)
		b.WriteString(`</a>`)
		if r.Proposed != "" {
			b.WriteString(`<br><span class="govuk-body-s">`)
			escapeHTML(&b, r.Proposed)
			b.WriteString(`</span>`)
		}
		b.WriteString(`<br><span class="govuk-body-s">`)
		escapeHTML(&b, r.Number)
		b.WriteString("</span></td>\n    <td class=\"govuk-table__cell\">")
		escapeHTML(&b, r.ServiceName)
		b.WriteString("</td>\n    <td class=\"govuk-table__cell\">")
		if r.Blanket != "" {
			b.WriteString(`<strong class="govuk-tag govuk-tag--orange">`)
			escapeHTML(&b, r.Blanket)
			b.WriteString(`</strong> `)
		}
		escapeHTML(&b, r.Who)
		b.WriteString("</td>\n    <td class=\"govuk-table__cell\">")
		escapeHTML(&b, r.Restricted)
		b.WriteString("</td>\n    <td class=\"govuk-table__cell\"><strong class=\"govuk-tag govuk-tag--")
		escapeHTML(&b, r.StatusTag)
		b.WriteString(`">`)
		escapeHTML(&b, r.Status)
		b.WriteString(`</strong>`)
		if r.Incomplete != "" {
			b.WriteString(`<br><span class="govuk-body-s">`)
			escapeHTML(&b, r.Incomplete)
			b.WriteString(`</span>`)
		}
		b.WriteString("</td>\n    <td class=\"govuk-table__cell\">")
		escapeHTML(&b, r.Review)
		if r.Overdue != "" {
			b.WriteString(` <strong class="govuk-tag govuk-tag--red">`)
			escapeHTML(&b, r.Overdue)
			b.WriteString(`</strong>`)
		}
		b.WriteString("</td>\n  </tr>")
	}
	return template.HTML(b.String())
}

// decisionFilterOptions are the register's filter choices (rights, statuses,
// wards), each chosen from p.Form, written as the template's ranges wrote
// them (optionsHTML).
func decisionFilterOptions(p *Page, data map[string]any, units []*lightbulb.Unit, rights []*lightbulb.Right) {
	data["RightOptions"] = rightOptions(rights, p.Val("right"))
	o := make([]option, len(lightbulb.Statuses))
	for i, st := range lightbulb.Statuses {
		o[i] = option{string(st), p.Label("decision", st)}
	}
	data["StatusOptions"] = optionsHTML(o, p.Val("status"))
	data["ServiceOptions"] = unitOptions(units, p.Val("service"))
}
