package web

import (
	"html/template"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// caseRowsTemplate is the case list's rows as the template wrote them before
// they were written in Go.
const caseRowsTemplate = `{{range .}}<tr class="govuk-table__row">
    <td class="govuk-table__cell"><a class="govuk-link" href="/cases/{{.ID}}">{{.SourceRef}}</a> <span class="govuk-body-s">{{.Kind}}</span><br><span class="govuk-body-s">{{.Summary}}</span></td>
    <td class="govuk-table__cell">{{.Received}}</td>
    <td class="govuk-table__cell">{{.ServiceName}}</td>
    <td class="govuk-table__cell">{{.Status}}</td>
    <td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--{{.ReviewedTag}}">{{.Reviewed}}</strong></td>
  </tr>{{end}}`

func TestCaseRowsHTMLMatchesTemplate(t *testing.T) {
	tmpl := template.Must(template.New("rows").Parse(caseRowsTemplate))
	nasty := "<script>alert('x')</script> & \"quotes\" + plus \x00 nul, Welsh ŵ ŷ, bad \xff byte, &amp; already, 'single'"
	rows := []caseRow{
		{ID: 1, SourceRef: "DX-1", Kind: "Incident, low harm", Summary: "Patient left in a wet bed…", Received: "3 Mar 2026",
			ServiceName: "Ward 7 (older people’s)", Status: "Open", Reviewed: "Waiting for review", ReviewedTag: "grey"},
		{ID: 9223372036854775807, SourceRef: nasty, Kind: nasty, Summary: nasty, Received: nasty, ServiceName: nasty, Status: nasty,
			Reviewed: nasty, ReviewedTag: `green" onclick="x`},
		{ID: 42, SourceRef: "+44 <b>", Kind: "", Summary: "", Received: "", ServiceName: "", Status: "", Reviewed: "", ReviewedTag: ""},
	}
	for _, n := range []int{0, 1, len(rows)} {
		var want strings.Builder
		if err := tmpl.Execute(&want, rows[:n]); err != nil {
			t.Fatal(err)
		}
		if got := string(caseRowsHTML(rows[:n])); got != want.String() {
			t.Errorf("%d rows:\n got %q\nwant %q", n, got, want.String())
		}
	}
}

const optionsTemplate = `{{$sel := .Sel}}{{range .Opts}}<option value="{{.Value}}"{{if eq $sel .Value}} selected{{end}}>{{.Text}}</option>{{end}}`

func TestOptionsHTMLMatchesTemplate(t *testing.T) {
	tmpl := template.Must(template.New("options").Parse(optionsTemplate))
	opts := []option{{"", "Any"}, {"12", "Ward 7 (older people’s)"}, {`a"b'c`, "<b>bold</b> & +1"}, {"A8", "A8 Respect for private and family life"}}
	for _, sel := range []string{"", "12", `a"b'c`, "none"} {
		var want strings.Builder
		if err := tmpl.Execute(&want, map[string]any{"Sel": sel, "Opts": opts}); err != nil {
			t.Fatal(err)
		}
		if got := string(optionsHTML(opts, sel)); got != want.String() {
			t.Errorf("selected %q:\n got %q\nwant %q", sel, got, want.String())
		}
	}
}

// caseIndicatorTablesTemplate is the indicators' table parts as the
// template wrote them, with the page's functions given as maps.
const caseIndicatorTablesTemplate = `{{define "heads"}}{{range .Months}}<th scope="col" class="govuk-table__header govuk-table__header--numeric">{{index $.Short .}}</th>{{end}}{{end}}
{{- define "matrix"}}{{range .Matrix}}<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{{.Code}}</th>
    {{range .Counts}}<td class="govuk-table__cell govuk-table__cell--numeric">{{.}}</td>{{end}}<td class="govuk-table__cell govuk-table__cell--numeric">{{.Total}}</td></tr>{{end}}{{end}}
{{- define "service"}}{{range .I.ByServiceType}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{.Key}}</td><td class="govuk-table__cell">{{index $.Label .Month}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{.N}}</td></tr>
  {{end}}{{end}}
{{- define "harm"}}{{range .I.ByHarm}}<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{{index $.Label .Key}}</th><td class="govuk-table__cell govuk-table__cell--numeric">{{.N}}</td></tr>{{end}}{{end}}`

func TestCaseIndicatorTablesMatchTemplate(t *testing.T) {
	tmpl := template.Must(template.New("tables").Parse(caseIndicatorTablesTemplate))
	for _, lang := range []string{"en", "cy"} {
		p := &Page{Lang: lang, Dates: dates{i18n.Dates{Lang: lang}}}
		ci := &lightbulb.CaseIndicators{
			ByServiceType: []lightbulb.CaseCount{{Key: "Ward <7> & \"Oak\"", Month: "incident", N: 12}, {Key: "Willow+", Month: "pals", N: 0}},
			ByHarm:        []lightbulb.CaseCount{{Key: "none", N: 3}, {Key: "severe", N: 1}},
			ByRightMonth:  []lightbulb.CaseCount{{Key: "A8", Month: "2025-12", N: 4}, {Key: "A3", Month: "2026-01", N: 2}, {Key: "A8", Month: "2026-01", N: 1}},
		}
		months, matrix := caseMatrix(ci.ByRightMonth)
		data := map[string]any{}
		caseIndicatorTables(p, data, ci, months, matrix)
		short, label := map[string]string{}, map[string]string{}
		for _, m := range months {
			short[m] = p.Dates.ShortMonth(m)
		}
		for _, c := range append(ci.ByServiceType, ci.ByHarm...) {
			label[c.Month], label[c.Key] = p.Label("case", c.Month), p.Label("case", c.Key)
		}
		in := map[string]any{"Months": months, "Matrix": matrix, "I": ci, "Short": short, "Label": label}
		for name, key := range map[string]string{"heads": "MonthHeads", "matrix": "MatrixRows", "service": "ServiceTypeRows", "harm": "HarmRows"} {
			var want strings.Builder
			if err := tmpl.ExecuteTemplate(&want, name, in); err != nil {
				t.Fatal(err)
			}
			if got := string(data[key].(template.HTML)); got != want.String() || got == "" {
				t.Errorf("%s, %s:\n got %q\nwant %q", lang, name, got, want.String())
			}
		}
	}
}
