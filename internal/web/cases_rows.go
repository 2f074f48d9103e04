package web

import (
	"html/template"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// The case list shows 50 rows a page. Even with each row's words worked out
// in Go (caseRow), html/template called an escaper through reflection for
// each of the row's ten values, and under load that was most of the page's
// time. The rows' markup is now written here (see html_go.go), and
// TestCaseRowsHTMLMatchesTemplate renders the same rows with the template
// they came from and compares, so the page is byte for byte the same.

// caseRow is one line of the case list.
type caseRow struct {
	ID          int64
	SourceRef   string
	Kind        string // the type, and an incident's harm: "Incident, low harm"
	Summary     string // clipped
	Received    string
	ServiceName string
	Status      string
	Reviewed    string // "Reviewed" or "Waiting for review"
	ReviewedTag string // the tag's colour
}

func caseRows(p *Page, cs []*lightbulb.Case) []caseRow {
	rows := make([]caseRow, len(cs))
	// A page's rows share a few types, harms and statuses, and often days:
	// each is put in words once.
	labels, days := map[string]string{}, map[string]string{}
	label := func(code string) string {
		w, ok := labels[code]
		if !ok {
			w = p.Label("case", code)
			labels[code] = w
		}
		return w
	}
	for i, c := range cs {
		day, ok := days[c.Received]
		if !ok {
			day = p.Dates.Short(c.Received)
			days[c.Received] = day
		}
		summary := c.Summary
		if len(summary) > 140 { // no more bytes than clip's runes: nothing to clip
			summary = clip(summary)
		}
		row := caseRow{ID: c.ID, SourceRef: c.SourceRef, Kind: label(string(c.Type)), Summary: summary,
			Received: day, ServiceName: c.ServiceName, Status: label(c.Status), Reviewed: p.T("Waiting for review"), ReviewedTag: "grey"}
		if c.Harm != "" {
			row.Kind += ", " + label(c.Harm)
		}
		if c.Reviewed {
			row.Reviewed, row.ReviewedTag = p.T("Reviewed"), "green"
		}
		rows[i] = row
	}
	return rows
}

// caseRowsHTML is the list's table rows as HTML, empty for no rows.
func caseRowsHTML(rows []caseRow) template.HTML {
	var b strings.Builder
	b.Grow(len(rows) * 640)
	for _, r := range rows {
		b.WriteString(`<tr class="govuk-table__row">
    <td class="govuk-table__cell"><a class="govuk-link" href="/cases/`)
		b.WriteString(strconv.FormatInt(r.ID, 10))
		b.WriteString(`">`)
		escapeHTML(&b, r.SourceRef)
		b.WriteString(`</a> <span class="govuk-body-s">`)
		escapeHTML(&b, r.Kind)
		b.WriteString(`</span><br><span class="govuk-body-s">`)
		escapeHTML(&b, r.Summary)
		b.WriteString("</span></td>\n    <td class=\"govuk-table__cell\">")
		escapeHTML(&b, r.Received)
		b.WriteString("</td>\n    <td class=\"govuk-table__cell\">")
		escapeHTML(&b, r.ServiceName)
		b.WriteString("</td>\n    <td class=\"govuk-table__cell\">")
		escapeHTML(&b, r.Status)
		b.WriteString("</td>\n    <td class=\"govuk-table__cell\"><strong class=\"govuk-tag govuk-tag--")
		escapeHTML(&b, r.ReviewedTag)
		b.WriteString(`">`)
		escapeHTML(&b, r.Reviewed)
		b.WriteString("</strong></td>\n  </tr>")
	}
	return template.HTML(b.String())
}

// caseFilterOptions are the case list's and the indicators' filter
// choices: types, wards, rights and statuses, each chosen from p.Form.
func caseFilterOptions(p *Page, data map[string]any, units []*lightbulb.Unit, rights []*lightbulb.Right) {
	var o []option
	for _, t := range lightbulb.CaseTypes {
		o = append(o, option{string(t), p.Label("case", t)})
	}
	data["TypeOptions"] = optionsHTML(o, p.Val("type"))
	data["ServiceOptions"] = unitOptions(units, p.Val("service"))
	data["RightOptions"] = rightOptions(rights, p.Val("right"))
	o = o[:0]
	for _, st := range lightbulb.CaseStatuses {
		o = append(o, option{st, p.Label("case", st)})
	}
	data["StatusOptions"] = optionsHTML(o, p.Val("status"))
}
