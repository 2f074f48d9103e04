package web

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// The case indicators' tables grow with the months, wards and rights an
// organisation has: at 2.5 million cases over two years they were some 500
// values, each written by html/template through a reflective escaper call,
// 58% of the page's CPU. They are written here instead (see html_go.go);
// TestCaseIndicatorTablesMatchTemplate compares them with the template
// markup they replaced.

// numberCell writes a table cell holding n.
func numberCell(b *strings.Builder, n int) {
	b.WriteString(`<td class="govuk-table__cell govuk-table__cell--numeric">`)
	var d [20]byte
	b.Write(strconv.AppendInt(d[:0], int64(n), 10))
	b.WriteString("</td>")
}

// shortMonth is p.Dates.ShortMonth for a YYYY-MM month, without its
// Sscanf: the matrix has a heading for each of up to dozens of months.
func shortMonth(p *Page, ym string) string {
	y, e1 := strconv.Atoi(ym[:min(4, len(ym))])
	m, e2 := strconv.Atoi(ym[min(5, len(ym)):])
	if len(ym) != 7 || ym[4] != '-' || e1 != nil || e2 != nil || m < 1 || m > 12 {
		return p.Dates.ShortMonth(ym)
	}
	return p.Dates.Dates.ShortMonth(y, time.Month(m))
}

// caseIndicatorTables puts the tables' HTML in data: the months' headings
// and rows of the rights by month, the rows by service and type, and by
// level of harm.
func caseIndicatorTables(p *Page, data map[string]any, ci *lightbulb.CaseIndicators, months []string, matrix []caseRightRow) {
	var b strings.Builder
	b.Grow(len(months) * 90)
	for _, m := range months {
		b.WriteString(`<th scope="col" class="govuk-table__header govuk-table__header--numeric">`)
		escapeHTML(&b, shortMonth(p, m))
		b.WriteString("</th>")
	}
	data["MonthHeads"] = template.HTML(b.String())
	b = strings.Builder{}
	b.Grow(len(matrix) * (len(months) + 1) * 80)
	for _, row := range matrix {
		b.WriteString(`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">`)
		escapeHTML(&b, row.Code)
		b.WriteString("</th>\n    ")
		for _, n := range row.Counts {
			numberCell(&b, n)
		}
		numberCell(&b, row.Total)
		b.WriteString("</tr>")
	}
	data["MatrixRows"] = template.HTML(b.String())
	b = strings.Builder{}
	b.Grow(len(ci.ByServiceType) * 200)
	labels := map[string]string{}
	for _, c := range ci.ByServiceType {
		b.WriteString(`<tr class="govuk-table__row"><td class="govuk-table__cell">`)
		escapeHTML(&b, c.Key)
		b.WriteString(`</td><td class="govuk-table__cell">`)
		kind, ok := labels[c.Month]
		if !ok {
			kind = p.Label("case", c.Month)
			labels[c.Month] = kind
		}
		escapeHTML(&b, kind)
		b.WriteString("</td>")
		numberCell(&b, c.N)
		b.WriteString("</tr>\n  ")
	}
	data["ServiceTypeRows"] = template.HTML(b.String())
	b = strings.Builder{}
	for _, c := range ci.ByHarm {
		b.WriteString(`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">`)
		escapeHTML(&b, p.Label("case", c.Key))
		b.WriteString("</th>")
		numberCell(&b, c.N)
		b.WriteString("</tr>")
	}
	data["HarmRows"] = template.HTML(b.String())
}
