package web

import (
	"html/template"
	"strings"
	"testing"
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
