package web

import (
	"html/template"
	"strings"
	"testing"
)

// decisionRowsTemplate is the register's rows as the template wrote them
// before they were written in Go (decisionRowsHTML).
const decisionRowsTemplate = `{{range .Data.Decisions}}<tr class="govuk-table__row">
    <td class="govuk-table__cell"><a class="govuk-link" href="/decisions/{{.ID}}">{{.Title}}</a>{{with .Proposed}}<br><span class="govuk-body-s">{{.}}</span>{{end}}<br><span class="govuk-body-s">{{.Number}}</span></td>
    <td class="govuk-table__cell">{{.ServiceName}}</td>
    <td class="govuk-table__cell">{{with .Blanket}}<strong class="govuk-tag govuk-tag--orange">{{.}}</strong> {{end}}{{.Who}}</td>
    <td class="govuk-table__cell">{{.Restricted}}</td>
    <td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--{{.StatusTag}}">{{.Status}}</strong>{{with .Incomplete}}<br><span class="govuk-body-s">{{.}}</span>{{end}}</td>
    <td class="govuk-table__cell">{{.Review}}{{with .Overdue}} <strong class="govuk-tag govuk-tag--red">{{.}}</strong>{{end}}</td>
  </tr>{{end}}`

func TestDecisionRowsHTMLMatchesTemplate(t *testing.T) {
	tmpl := template.Must(template.New("rows").Parse(decisionRowsTemplate))
	nasty := "<script>alert('x')</script> & \"quotes\" + plus \x00 nul, Welsh ŵ ŷ, bad \xff byte, &amp; already, 'single'"
	rows := []decisionRow{
		{ID: 12, Title: "Visiting limited to two hours", Proposed: "Proposed: no visits", Number: "Decision 12", ServiceName: "Ward 7 (older people’s)",
			Blanket: "Blanket rule", Who: "Everyone in the service", Restricted: "A8, A5", Status: "In force", StatusTag: "green",
			Incomplete: "Reasoning incomplete", Review: "3 Mar 2026", Overdue: "Overdue"},
		{ID: 9223372036854775807, Title: nasty, Proposed: nasty, Number: nasty, ServiceName: nasty, Blanket: nasty, Who: nasty,
			Restricted: nasty, Status: nasty, StatusTag: `green" onclick="x`, Incomplete: nasty, Review: nasty, Overdue: nasty},
		{ID: 1, Title: "Decision 1", Number: "Decision 1", Who: "Not given yet", Restricted: "None", Status: "Draft", StatusTag: "grey", Review: "–"},
	}
	for _, n := range []int{0, 1, len(rows)} {
		var want strings.Builder
		if err := tmpl.Execute(&want, map[string]any{"Data": map[string]any{"Decisions": rows[:n]}}); err != nil {
			t.Fatal(err)
		}
		if got := string(decisionRowsHTML(rows[:n])); got != want.String() {
			t.Errorf("%d rows:\n got %q\nwant %q", n, got, want.String())
		}
	}
}
