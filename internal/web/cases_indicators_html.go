package web

import (
	"html/template"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// The case indicators' tables grow with the months, wards and rights an
// organisation has: at 2.5 million cases over two years they were some 500
// values, each written by html/template through a reflective escaper call,
// 58% of the page's CPU. They are written here instead (see html_go.go);
// TestCaseIndicatorTablesMatchTemplate compares them with the template
// markup they replaced.

const numCell = `<td class="govuk-table__cell govuk-table__cell--numeric">`

// caseIndicatorTables puts the tables' HTML in data: the months' headings
// and rows of the rights by month, the rows by service and type, and by
// level of harm.
func caseIndicatorTables(p *Page, data map[string]any, ci *lightbulb.CaseIndicators, months []string, matrix []caseRightRow) {
	var b strings.Builder
	for _, m := range months {
		b.WriteString(`<th scope="col" class="govuk-table__header govuk-table__header--numeric">`)
		escapeHTML(&b, p.Dates.ShortMonth(m))
		b.WriteString("</th>")
	}
	data["MonthHeads"] = template.HTML(b.String())
	b.Reset()
	for _, row := range matrix {
		b.WriteString(`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">`)
		escapeHTML(&b, row.Code)
		b.WriteString("</th>\n    ")
		for _, n := range row.Counts {
			b.WriteString(numCell + strconv.Itoa(n) + "</td>")
		}
		b.WriteString(numCell + strconv.Itoa(row.Total) + "</td></tr>")
	}
	data["MatrixRows"] = template.HTML(b.String())
	b.Reset()
	for _, c := range ci.ByServiceType {
		b.WriteString(`<tr class="govuk-table__row"><td class="govuk-table__cell">`)
		escapeHTML(&b, c.Key)
		b.WriteString(`</td><td class="govuk-table__cell">`)
		escapeHTML(&b, p.Label("case", c.Month))
		b.WriteString("</td>" + numCell + strconv.Itoa(c.N) + "</td></tr>\n  ")
	}
	data["ServiceTypeRows"] = template.HTML(b.String())
	b.Reset()
	for _, c := range ci.ByHarm {
		b.WriteString(`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">`)
		escapeHTML(&b, p.Label("case", c.Key))
		b.WriteString("</th>" + numCell + strconv.Itoa(c.N) + "</td></tr>")
	}
	data["HarmRows"] = template.HTML(b.String())
}
